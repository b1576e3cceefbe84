// Lesson 6: a watch-list router. The config says, for each user, who watches them.
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface WatchConfig {
  /** user -> the users who watch that user's presence */
  watched_by: Record<string, string[]>;
}

export default class WatchListRouter {
  static parse_config(config: Record<string, unknown>): WatchConfig {
    const watched_by = config.watched_by ?? {};
    if (typeof watched_by !== "object" || watched_by === null || Array.isArray(watched_by)) {
      throw new ConfigError("watched_by must map user IDs to lists of watchers", ["watched_by"]);
    }
    return { watched_by: watched_by as Record<string, string[]> };
  }

  constructor(
    private readonly config: WatchConfig,
    api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  // Who should receive these updates? Each user's watchers.
  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      for (const watcher of this.config.watched_by[state.user_id] ?? []) {
        if (!result.has(watcher)) result.set(watcher, new Set());
        result.get(watcher)!.add(state);
      }
    }
    return result;
  }

  // Whose presence may this user see?
  async get_interested_users(user_id: string): Promise<Set<string>> {
    return new Set(this.config.watched_by[user_id] ?? []);
  }
}
