// Lesson 5: a team router. Every team member sees every other team member.
// Both servers load this file, each with its own instance and its own ModuleApi.
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

  /** The team members on this server. */
  private local_team(): string[] {
    return this.config.team.filter((u) => this.api.is_mine(u));
  }

  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const result = new Map<string, Set<UserPresenceState>>();
    for (const state of states) {
      if (!this.config.team.includes(state.user_id)) continue;
      for (const member of this.local_team()) {
        if (member === state.user_id) continue;
        if (!result.has(member)) result.set(member, new Set());
        result.get(member)!.add(state);
      }
    }
    return result;
  }

  async get_interested_users(user_id: string): Promise<Set<string>> {
    if (!this.config.team.includes(user_id)) return new Set();
    return new Set(this.local_team().filter((u) => u !== user_id));
  }
}
