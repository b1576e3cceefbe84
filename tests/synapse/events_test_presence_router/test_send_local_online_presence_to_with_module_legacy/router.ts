// The router of Synapse's presence-router tests, the legacy way: configured under
// `presence.presence_router`, it registers nothing; Synapse finds the two methods by
// name (R57). Every update goes to each configured user, and those users may see
// everyone (PRESENCE_ALL_USERS); nobody else gets anything extra.
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config {
  users_who_should_receive_all_presence: string[];
}

export default class LegacyAllPresenceToSomeUsers {
  static parse_config(raw: Record<string, unknown>): Config {
    const users = raw.users_who_should_receive_all_presence;
    if (!Array.isArray(users)) throw new Error("users_who_should_receive_all_presence must be a list");
    return { users_who_should_receive_all_presence: users as string[] };
  }

  constructor(
    private readonly config: Config,
    readonly module_api: ModuleApi,
  ) {}

  async get_users_for_states(updates: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const all = [...updates];
    const out = new Map<string, Set<UserPresenceState>>();
    for (const receiver of this.config.users_who_should_receive_all_presence) out.set(receiver, new Set(all));
    return out;
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    return this.config.users_who_should_receive_all_presence.includes(user_id) ? PresenceRouter.ALL_USERS : new Set<string>();
  }
}
