// Lesson 4: a configurable router in the legacy style (configured under
// presence.presence_router). Synapse finds the two methods by name (R57).
import { ConfigError, PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface RouterConfig {
  /** Users who receive every update and may see everyone. */
  always_send_to_users: string[];
  /** Users whose updates are never routed. */
  blacklisted_users: string[];
}

export default class ExamplePresenceRouter {
  constructor(
    private readonly config: RouterConfig,
    private readonly module_api: ModuleApi,
  ) {}

  // Synapse calls this with the `config:` block exactly as written in the scenario.
  static parse_config(config_dict: Record<string, unknown>): RouterConfig {
    const always = config_dict.always_send_to_users ?? [];
    if (!Array.isArray(always)) throw new ConfigError("always_send_to_users must be a list of user IDs");
    // TODO: read blacklisted_users the same way.
    return { always_send_to_users: always, blacklisted_users: [] };
  }

  // Legacy methods may be plain (non-async) functions.
  get_users_for_states(state_updates: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    // TODO: leave out updates about blacklisted users.
    const desired = new Set(state_updates);
    const result = new Map<string, Set<UserPresenceState>>();
    for (const user_id of this.config.always_send_to_users) result.set(user_id, desired);
    return result;
  }

  get_interested_users(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    if (this.config.always_send_to_users.includes(user_id)) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
