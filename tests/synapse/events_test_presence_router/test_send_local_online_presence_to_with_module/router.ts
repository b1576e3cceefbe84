// The router of Synapse's presence-router tests, registered the modern way (a `modules:`
// entry whose constructor registers both callbacks, R56, R58). Every update goes to each
// configured user, and those users may see everyone (PRESENCE_ALL_USERS); nobody else
// gets anything extra.
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config {
  users_who_should_receive_all_presence: string[];
}

export default class AllPresenceToSomeUsers {
  static parse_config(raw: Record<string, unknown>): Config {
    const users = raw.users_who_should_receive_all_presence;
    if (!Array.isArray(users)) throw new Error("users_who_should_receive_all_presence must be a list");
    return { users_who_should_receive_all_presence: users as string[] };
  }

  constructor(
    private readonly config: Config,
    api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (updates: Iterable<UserPresenceState>) => {
        const all = [...updates];
        const out = new Map<string, Set<UserPresenceState>>();
        for (const receiver of this.config.users_who_should_receive_all_presence) out.set(receiver, new Set(all));
        return out;
      },
      get_interested_users: async (user_id: string) =>
        this.config.users_who_should_receive_all_presence.includes(user_id) ? PresenceRouter.ALL_USERS : new Set<string>(),
    });
  }
}
