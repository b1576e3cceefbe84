// A router whose two callbacks disagree. It is meant to share presence between
// assistants and the people they assist, but the two callbacks were written at
// different times from different lists, and they no longer describe the same relation.
import type { ModuleApi, UserPresenceState } from "synapse";

// Used by get_users_for_states: whose updates go to whom.
const ROUTES: Record<string, string[]> = {
  "@alice:example.org": ["@bob:example.org"], // Bob assists Alice...
  "@dave:example.org": ["@bob:example.org"],
};

// Used by get_interested_users: whom each user may see.
const VISIBLE: Record<string, string[]> = {
  "@bob:example.org": ["@dave:example.org"], // ...but Alice was never added here.
  "@carol:example.org": ["@alice:example.org"], // Carol may see Alice, but no update is routed to her.
};

export default class DisagreeingRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      for (const target of ROUTES[state.user_id] ?? []) {
        if (!result.has(target)) result.set(target, new Set());
        result.get(target)!.add(state);
      }
    }
    return result;
  }

  async get_interested_users(user_id: string): Promise<Set<string>> {
    return new Set(VISIBLE[user_id] ?? []);
  }
}
