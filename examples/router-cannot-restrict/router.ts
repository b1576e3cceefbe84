// A router written to HIDE someone: Eve, an auditor, may watch the team, but nobody is
// meant to see Eve. It leaves her out of both answers. It cannot work: Alice, Bob and
// Eve share a room, and a presence router only ADDS to what rooms already share (R50,
// R31). The consistency strip says so and names what does restrict.
import type { ModuleApi, UserPresenceState } from "synapse";

interface HideConfig {
  /** The people who share presence. */
  team: string[];
  /** Team members nobody should see. */
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

  // A visible member's update goes to the other team members; a hidden one's to nobody.
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

  // "Whom may this user see?": the visible team members, never the hidden ones.
  get_interested_users(user_id: string): Set<string> {
    return new Set(this.visible().filter((u) => u !== user_id));
  }
}
