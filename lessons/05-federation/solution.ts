// Lesson 5 solution: route to the whole team, wherever its members live (R64).
// Sending side: a remote key makes this server send an EDU there (R33).
// Receiving side: listing the remote sender lets the local user see it (R50).
import { ConfigError, type ModuleApi, type UserPresenceState } from "synapse";

interface TeamConfig {
  team: string[];
}

export default class TeamRouter {
  static parse_config(config: Record<string, unknown>): TeamConfig {
    const team = config.team;
    if (!Array.isArray(team) || !team.every((u) => typeof u === "string")) {
      throw new ConfigError("team must be a list of user IDs", ["team"]);
    }
    return { team };
  }

  constructor(
    private readonly config: TeamConfig,
    private readonly api: ModuleApi,
  ) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      if (!this.config.team.includes(state.user_id)) continue;
      for (const member of this.config.team) {
        if (member === state.user_id) continue;
        if (!result.has(member)) result.set(member, new Set());
        result.get(member)!.add(state);
      }
    }
    return result;
  }

  async get_interested_users(user_id: string): Promise<Set<string>> {
    if (!this.config.team.includes(user_id)) return new Set();
    return new Set(this.config.team.filter((u) => u !== user_id));
  }
}
