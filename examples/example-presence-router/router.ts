// Synapse's documented ExamplePresenceRouter (docs/presence_router_module.md), legacy
// style: configured under `presence.presence_router`, so Synapse finds the two methods
// by name (R57) instead of the class registering callbacks.
import { ConfigError, PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface PresenceRouterConfig {
  /** Users who receive every presence update (and may see everyone's presence). */
  always_send_to_users: string[];
  /** Users whose updates are never routed. Shared-room presence is unaffected. */
  blacklisted_users: string[];
}

function userList(config: Record<string, unknown>, key: string): string[] {
  const v = config[key] ?? [];
  if (!Array.isArray(v) || !v.every((u) => typeof u === "string")) {
    throw new ConfigError(`${key} must be a list of user IDs`, [key]);
  }
  return v;
}

export default class ExamplePresenceRouter {
  constructor(
    private readonly config: PresenceRouterConfig,
    private readonly module_api: ModuleApi,
  ) {}

  static parse_config(config: Record<string, unknown>): PresenceRouterConfig {
    return {
      always_send_to_users: userList(config, "always_send_to_users"),
      blacklisted_users: userList(config, "blacklisted_users"),
    };
  }

  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    // Ignore any updates for blacklisted users. (Synapse's docs read `update.state_key`
    // here, which UserPresenceState does not have: in Python that raises. The intent is
    // the user the update is about: `user_id`.)
    const desired = new Set<UserPresenceState>();
    for (const update of state_updates) {
      if (!this.config.blacklisted_users.includes(update.user_id)) desired.add(update);
    }
    // Send all (remaining) presence updates to specific users.
    const destination_users = new Map<string, Set<UserPresenceState>>();
    for (const user_id of this.config.always_send_to_users) destination_users.set(user_id, desired);
    return destination_users;
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    if (this.config.always_send_to_users.includes(user_id)) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
