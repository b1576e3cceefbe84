// Lesson 7: a monitor whose shift starts a little after the server does.
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface ShiftConfig {
  monitor: string;
  watched: string[];
  /** Milliseconds after startup when the monitor goes on duty. */
  shift_starts_after: number;
}

export default class ShiftRouter {
  private on_duty = false;

  static parse_config(config: Record<string, unknown>): ShiftConfig {
    const { monitor, watched, shift_starts_after } = config;
    if (typeof monitor !== "string") throw new ConfigError("monitor must be a user ID", ["monitor"]);
    if (!Array.isArray(watched)) throw new ConfigError("watched must be a list of user IDs", ["watched"]);
    if (typeof shift_starts_after !== "number") throw new ConfigError("shift_starts_after must be a number of ms");
    return { monitor, watched, shift_starts_after };
  }

  constructor(
    private readonly config: ShiftConfig,
    private readonly api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
    // Timers run on the simulated clock.
    api.delayed_background_call(config.shift_starts_after, () => this.start_shift());
  }

  async start_shift(): Promise<void> {
    this.on_duty = true;
    // TODO: the monitor's client will only hear about *changes* from now on.
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    if (!this.on_duty) return new Map();
    const watched = [...states].filter((s) => this.config.watched.includes(s.user_id));
    return new Map([[this.config.monitor, new Set(watched)]]);
  }

  async get_interested_users(user_id: string): Promise<Set<string>> {
    if (this.on_duty && user_id === this.config.monitor) return new Set(this.config.watched);
    return new Set();
  }
}
