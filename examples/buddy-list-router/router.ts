// A modern-style presence router (R56): "buddies" see each
// other's presence both ways, whether or not they share a room.
// Shared rooms keep working as usual (R50).
import { ConfigError, type ModuleApi } from "synapse";
import type { UserPresenceState } from "synapse";

export default class BuddyRouter {
  /** user id -> the buddies whose presence that user sees */
  private readonly buddies = new Map<string, Set<string>>();

  constructor(config: Record<string, unknown>, api: ModuleApi) {
    const pairs = config.buddies ?? [];
    if (!Array.isArray(pairs)) {
      const msg = "buddies must be a list of [user, user] pairs";
      throw new ConfigError(msg, ["buddies"]);
    }
    for (const [a, b] of pairs) {
      this.add(a, b);
      this.add(b, a);
    }
    // The module registers both callbacks itself (R58).
    api.register_presence_router_callbacks({
      // Where does an update go? To that user's buddies.
      get_users_for_states: async (states) => this.route(states),
      // Whose presence may this user see? Their buddies'
      // (this decides what their sync shows, R50).
      get_interested_users: async (user_id) =>
        this.buddies.get(user_id) ?? new Set(),
    });
  }

  private add(user: string, buddy: string): void {
    const set = this.buddies.get(user) ?? new Set<string>();
    this.buddies.set(user, set.add(buddy));
  }

  private route(states: readonly UserPresenceState[]) {
    const out = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      for (const buddy of this.buddies.get(state.user_id) ?? []) {
        if (!out.has(buddy)) out.set(buddy, new Set());
        out.get(buddy)!.add(state);
      }
    }
    return out;
  }
}
