// example.org's router: Bob shares no room with anyone on matrix.org, but his presence
// should reach @dan:matrix.org anyway. Mapping a local record to a remote user makes
// example.org send it over federation (R33).
import type { ModuleApi, UserPresenceState } from "synapse";

const FORWARD: Record<string, string> = { "@bob:example.org": "@dan:matrix.org" };

export default class ForwardToRemote {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => {
        const out = new Map<string, Set<UserPresenceState>>();
        for (const s of states) {
          const to = FORWARD[s.user_id];
          if (to) out.set(to, (out.get(to) ?? new Set()).add(s));
        }
        return out;
      },
      // Nobody on example.org gets extra presence.
      get_interested_users: async () => new Set<string>(),
    });
  }
}
