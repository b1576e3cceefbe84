// Lesson 8 starter: leave Eve out of both answers. Run it and read the consistency strip.
import type { ModuleApi, UserPresenceState } from "synapse";

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

  // A visible member's update goes to the rest of the team; a hidden member's to nobody.
  get_users_for_states(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const out = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      if (!this.visible().includes(state.user_id)) continue;
      for (const member of this.config.team) {
        if (member === state.user_id) continue;
        if (!out.has(member)) out.set(member, new Set());
        out.get(member)!.add(state);
      }
    }
    return out;
  }

  // Whom may this user see? The visible team members, never the hidden ones.
  get_interested_users(user_id: string): Set<string> {
    return new Set(this.visible().filter((u) => u !== user_id));
  }
}
