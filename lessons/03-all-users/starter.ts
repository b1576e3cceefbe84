// Lesson 3: the monitor may see everyone, on the whole server.
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const MONITOR = "@monitor:example.org";

export default class SeeEveryoneRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(_states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    // The monitor gets ALL_USERS below, so surely there is nothing to route here?
    return new Map();
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    // No need to list everyone: ALL_USERS means "every user".
    if (user_id === MONITOR) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
