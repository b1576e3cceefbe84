// Lesson 1 solution: a router that changes nothing.
// Synapse wants both callbacks or neither (R58). Returning an empty Map and an empty
// Set leaves presence exactly as it is without a module: shared rooms decide.
import type { ModuleApi, UserPresenceState } from "synapse";

export default class DoNothingRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      // "Who should receive these updates, beyond their rooms?" Nobody extra.
      get_users_for_states: async (_states: Iterable<UserPresenceState>) => new Map<string, Set<UserPresenceState>>(),
      // "Whose presence may this user see, beyond their rooms?" Nobody extra.
      get_interested_users: async (_user_id: string) => new Set<string>(),
    });
  }
}
