import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config {
  inbox: string;
}

/**
 * An admin inbox: every presence update this server handles is also sent to `inbox`, who
 * may see everyone's presence (ALL_USERS). The two callbacks agree: the inbox is woken
 * for every update (get_users_for_states) and its sync shows exactly those updates (R51).
 */
export default class InboxRouter {
  static parse_config(c: Record<string, unknown>): Config {
    if (typeof c.inbox !== "string") throw new Error("config.inbox: a user id, e.g. \"@u0:hs0.example\"");
    return { inbox: c.inbox };
  }

  constructor(
    private config: Config,
    api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => this.route(states),
      get_interested_users: async (user_id) => this.interest(user_id),
    });
  }

  private route(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    return new Map([[this.config.inbox, new Set(states)]]);
  }

  private interest(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    return user_id === this.config.inbox ? PresenceRouter.ALL_USERS : new Set();
  }
}
