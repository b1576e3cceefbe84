// Lesson 3 solution: ALL_USERS hands the sync over to get_users_for_states (R51), so the
// monitor must be a key of every result, even when it maps to an empty set (S8).
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const MONITOR = "@monitor:example.org";

export default class SeeEveryoneRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    // Every update goes to the monitor: this wakes its syncs (R31) and, on the
    // ALL_USERS path, is exactly what its syncs return (R51).
    return new Map([[MONITOR, new Set(states)]]);
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    if (user_id === MONITOR) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
