// Lesson 4 solution: parse_config validates both lists; get_users_for_states drops
// blacklisted users' updates but always keeps every receiver as a key (S8).
import { ConfigError, PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface RouterConfig {
  /** Users who receive every update and may see everyone. */
  always_send_to_users: string[];
  /** Users whose updates are never routed. */
  blacklisted_users: string[];
}

function userList(config_dict: Record<string, unknown>, key: string): string[] {
  const value = config_dict[key] ?? [];
  if (!Array.isArray(value) || !value.every((u) => typeof u === "string")) {
    throw new ConfigError(`${key} must be a list of user IDs`, [key]);
  }
  return value;
}

export default class ExamplePresenceRouter {
  constructor(
    private readonly config: RouterConfig,
    private readonly module_api: ModuleApi,
  ) {}

  static parse_config(config_dict: Record<string, unknown>): RouterConfig {
    return {
      always_send_to_users: userList(config_dict, "always_send_to_users"),
      blacklisted_users: userList(config_dict, "blacklisted_users"),
    };
  }

  get_users_for_states(state_updates: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const desired = new Set<UserPresenceState>();
    for (const update of state_updates) {
      if (!this.config.blacklisted_users.includes(update.user_id)) desired.add(update);
    }
    // Every receiver stays a key, even with an empty set: they get ALL_USERS below,
    // and an ALL_USERS sync with no key for the syncing user fails (R51, S8).
    const result = new Map<string, Set<UserPresenceState>>();
    for (const user_id of this.config.always_send_to_users) result.set(user_id, desired);
    return result;
  }

  get_interested_users(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    if (this.config.always_send_to_users.includes(user_id)) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
