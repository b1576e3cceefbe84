// Lesson 8 solution: a set from get_interested_users is only ADDED to the room-mates
// (R50), so it cannot hide Eve. ALL_USERS hands a user's sync over to
// get_users_for_states (R51): that sync then shows exactly what is mapped to the user,
// room-mates and the user included, and nothing else. So: ALL_USERS for every visible
// member, and a mapping for each of them (always a key, S8) without hidden users' states.
import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface HideConfig {
  team: string[];
  hidden: string[];
}

export default class HideRouter {
  static parse_config(config: Record<string, unknown>): HideConfig {
    return { team: (config.team as string[]) ?? [], hidden: (config.hidden as string[]) ?? [] };
  }

  constructor(
    private readonly config: HideConfig,
    api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => this.get_users_for_states(states),
      get_interested_users: async (user_id) => this.get_interested_users(user_id),
    });
  }

  private visible(): string[] {
    return this.config.team.filter((u) => !this.config.hidden.includes(u));
  }

  // Every visible member gets every state except hidden users' (their own included:
  // on the ALL_USERS path nothing is added for them, R51).
  get_users_for_states(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const shown = [...states].filter((s) => !this.config.hidden.includes(s.user_id));
    const out = new Map<string, Set<UserPresenceState>>();
    for (const member of this.visible()) out.set(member, new Set(shown));
    return out;
  }

  // Visible members: their sync shows exactly what get_users_for_states maps to them.
  // Everyone else (Eve): room-mates as usual, nothing added.
  get_interested_users(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    return this.visible().includes(user_id) ? PresenceRouter.ALL_USERS : new Set<string>();
  }
}
