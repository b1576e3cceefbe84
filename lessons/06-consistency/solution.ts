// Lesson 6 solution: both callbacks derive from one relation, `watches(watcher, user)`,
// so they cannot disagree (R64).
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

  /** The one relation both callbacks read. */
  private watches(watcher: string, user_id: string): boolean {
    return (this.config.watched_by[user_id] ?? []).includes(watcher);
  }

  private everyone(): string[] {
    const all = new Set<string>(Object.keys(this.config.watched_by));
    for (const watchers of Object.values(this.config.watched_by)) for (const w of watchers) all.add(w);
    return [...all];
  }

  // Who should receive these updates? Everyone who watches the update's user.
  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      for (const watcher of this.everyone()) {
        if (!this.watches(watcher, state.user_id)) continue;
        if (!result.has(watcher)) result.set(watcher, new Set());
        result.get(watcher)!.add(state);
      }
    }
    return result;
  }

  // Whose presence may this user see? Everyone this user watches.
  async get_interested_users(user_id: string): Promise<Set<string>> {
    return new Set(this.everyone().filter((u) => this.watches(user_id, u)));
  }
}
