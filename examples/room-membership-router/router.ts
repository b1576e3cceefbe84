// Routes presence among the joined members of one configured room (a space, say),
// reading its membership live through the ModuleApi on every call.
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface SpaceConfig {
  /** The room whose joined members share presence with each other. */
  space: string;
}

export default class SpaceMembersRouter {
  static parse_config(config: Record<string, unknown>): SpaceConfig {
    if (typeof config.space !== "string" || !config.space.startsWith("!")) {
      throw new ConfigError("space must be a room ID such as !space:example.org", ["space"]);
    }
    return { space: config.space };
  }

  constructor(
    private readonly config: SpaceConfig,
    private readonly api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  /** Joined members of the space, as this server currently sees them. */
  private async members(): Promise<Set<string>> {
    const events = await this.api.get_state_events_in_room(this.config.space, [["m.room.member", null]]);
    const joined = new Set<string>();
    for (const ev of events as Iterable<any>) {
      if (ev.type === "m.room.member" && ev.content?.membership === "join" && typeof ev.state_key === "string") {
        joined.add(ev.state_key);
      }
    }
    return joined;
  }

  // Each member's updates go to every other member (wakes them, R31).
  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const members = await this.members();
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      if (!members.has(state.user_id)) continue;
      for (const member of members) {
        if (member === state.user_id) continue;
        if (!result.has(member)) result.set(member, new Set());
        result.get(member)!.add(state);
      }
    }
    return result;
  }

  // The same relation from the viewer's side: members may see the other members (R64).
  async get_interested_users(user_id: string): Promise<Set<string>> {
    const members = await this.members();
    if (!members.has(user_id)) return new Set();
    members.delete(user_id);
    return members;
  }
}
