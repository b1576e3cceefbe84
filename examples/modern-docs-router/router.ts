// The modern-style router from Synapse's module docs (docs/modules/presence_router_callbacks.md):
// @alice:example.com receives all presence updates from @bob:example.com and
// @charlie:somewhere.org, whether or not she shares a room with them.
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

export default class CustomPresenceRouter {
  constructor(
    _config: Record<string, unknown>,
    private readonly api: ModuleApi,
  ) {
    // Modern style (R56): the module registers its callbacks itself, both or neither (R58).
    this.api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const res = new Map<string, Set<UserPresenceState>>();
    for (const update of state_updates) {
      if (update.user_id === "@bob:example.com" || update.user_id === "@charlie:somewhere.org") {
        if (!res.has("@alice:example.com")) res.set("@alice:example.com", new Set());
        res.get("@alice:example.com")!.add(update);
      }
    }
    return res;
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    if (user_id === "@alice:example.com") return new Set(["@bob:example.com", "@charlie:somewhere.org"]);
    return new Set();
  }
}
