// Watchers who start watching at a configured time. From then on the router routes the
// watched users' presence to them and lets them see it; people who were already online
// before that only reach them through send_local_online_presence_to (R67, R68).
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface WatchConfig {
  watchers: string[];
  watched: string[];
  /** Absolute time (ISO 8601) at which the watchers start watching. */
  start_watching_at: number;
}

function userList(config: Record<string, unknown>, key: string): string[] {
  const v = config[key];
  if (!Array.isArray(v) || !v.every((u) => typeof u === "string")) throw new ConfigError(`${key} must be a list of user IDs`, [key]);
  return v;
}

export default class ScheduledWatchRouter {
  static parse_config(config: Record<string, unknown>): WatchConfig {
    const start = typeof config.start_watching_at === "string" ? Date.parse(config.start_watching_at) : NaN;
    if (Number.isNaN(start)) throw new ConfigError("start_watching_at must be a time such as 2026-01-01T00:00:20Z", ["start_watching_at"]);
    return { watchers: userList(config, "watchers"), watched: userList(config, "watched"), start_watching_at: start };
  }

  constructor(
    private readonly config: WatchConfig,
    private readonly api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  private watching(): boolean {
    return this.api.get_current_time_msec() >= this.config.start_watching_at;
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    if (!this.watching()) return result;
    const watched = new Set([...states].filter((s) => this.config.watched.includes(s.user_id)));
    for (const watcher of this.config.watchers) result.set(watcher, watched);
    return result;
  }

  // Called for local syncs, and also with a *remote* user's ID when
  // send_local_online_presence_to targets one (R68, S16).
  async get_interested_users(user_id: string): Promise<Set<string>> {
    if (this.watching() && this.config.watchers.includes(user_id)) return new Set(this.config.watched);
    return new Set();
  }
}
