// Lesson 2 solution: both callbacks tell the same story (S6, R64).
import type { ModuleApi, UserPresenceState } from "synapse";

const MONITOR = "@monitor:example.org";
const WATCHED = ["@alice:example.org", "@bob:example.org"];

export default class MonitorRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  // Who should receive these updates? Wakes the monitor's waiting sync (R31).
  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const for_monitor = new Set<UserPresenceState>();
    for (const state of states) {
      if (WATCHED.includes(state.user_id)) for_monitor.add(state);
    }
    return new Map([[MONITOR, for_monitor]]);
  }

  // Whose presence may this user see? Decides what the monitor's sync returns (R50).
  async get_interested_users(user_id: string): Promise<Set<string>> {
    if (user_id === MONITOR) return new Set(WATCHED);
    return new Set();
  }
}
