// An on-call router whose two callbacks agree on everything this run does, and still
// disagree. Updates of every team member go to the on-call engineer; the on-call engineer
// may see the team. Erin joined the team later and was added to one list only.
import type { ModuleApi, UserPresenceState } from "synapse";

const ON_CALL = "@oscar:example.org";

// Used by get_users_for_states: whose updates are routed to the on-call engineer.
const TEAM = ["@alice:example.org", "@bob:example.org", "@erin:example.org"];

// Used by get_interested_users: whom the on-call engineer may see. Erin is missing.
const VISIBLE_TO_ON_CALL = ["@alice:example.org", "@bob:example.org"];

export default class OnCallRouter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        const routed = new Set<UserPresenceState>();
        for (const s of states) if (TEAM.includes(s.user_id)) routed.add(s);
        return routed.size ? new Map([[ON_CALL, routed]]) : new Map<string, Set<UserPresenceState>>();
      },
      get_interested_users: async (user_id: string) => new Set(user_id === ON_CALL ? VISIBLE_TO_ON_CALL : []),
    });
  }
}
