// A buddy-list router. Each pair of buddies sees each other's presence, on whichever
// servers they live. Every server of the federation runs this same module.
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface BuddyConfig {
  /** Symmetric pairs: [a, b] lets a see b and b see a. */
  buddies: Array<[string, string]>;
}

export default class BuddyRouter {
  static parse_config(config: Record<string, unknown>): BuddyConfig {
    const pairs = config.buddies;
    const ok =
      Array.isArray(pairs) &&
      pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((u) => typeof u === "string" && u.startsWith("@")));
    if (!ok) throw new ConfigError("buddies must be a list of [user_id, user_id] pairs", ["buddies"]);
    return { buddies: pairs as Array<[string, string]> };
  }

  constructor(
    private readonly config: BuddyConfig,
    private readonly api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  /** The one relation both callbacks use (R64). */
  private buddies_of(user_id: string): string[] {
    const out: string[] = [];
    for (const [a, b] of this.config.buddies) {
      if (a === user_id) out.push(b);
      if (b === user_id) out.push(a);
    }
    return out;
  }

  // Sending side: a remote buddy as key makes this server send the update to the
  // buddy's server (R33). Remote records (from inbound EDUs) only wake local buddies,
  // they are never forwarded (R32).
  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      for (const buddy of this.buddies_of(state.user_id)) {
        if (!result.has(buddy)) result.set(buddy, new Set());
        result.get(buddy)!.add(state);
      }
    }
    return result;
  }

  // Receiving side: a local user may see their buddies, local or remote (R50).
  async get_interested_users(user_id: string): Promise<Set<string>> {
    return new Set(this.buddies_of(user_id));
  }
}
