// Synapse's test router, legacy style: LegacyPresenceRouterTestModule from
// tests/events/test_presence_router.py. Configured under `presence.presence_router`;
// Synapse finds the methods by name (R57).
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface PresenceRouterTestConfig {
  users_who_should_receive_all_presence: string[];
}

export default class LegacyPresenceRouterTestModule {
  constructor(
    private readonly config: PresenceRouterTestConfig,
    private readonly module_api: ModuleApi,
  ) {}

  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const states = [...state_updates];
    // Every update goes to every gobbler (each gets its own set, as in the Python).
    return new Map(this.config.users_who_should_receive_all_presence.map((u) => [u, new Set(states)]));
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    if (this.config.users_who_should_receive_all_presence.includes(user_id)) return PresenceRouter.ALL_USERS;
    return new Set();
  }

  static parse_config(config: Record<string, unknown>): PresenceRouterTestConfig {
    return { users_who_should_receive_all_presence: (config.users_who_should_receive_all_presence ?? []) as string[] };
  }
}
