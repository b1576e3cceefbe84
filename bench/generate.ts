// Generates the engine benchmark scenario (issue 2 §7): 10,000 users on 20 servers,
// 2,000 rooms with power-law sizes, 500 syncing clients, a router module, one simulated
// hour of activity. Seeded: the same arguments give the same YAML.

import { mulberry32 } from "../src/engine/rng.ts";
export interface BenchShape {
  servers: number;
  users: number;
  rooms: number;
  clients: number;
  /** Simulated duration in ms. */
  duration: number;
  /** Presence changes and messages spread over the run. */
  actions: number;
  seed: number;
}

export const FULL: BenchShape = {
  servers: 20,
  users: 10_000,
  rooms: 2_000,
  clients: 500,
  duration: 3_600_000,
  actions: 6_000,
  seed: 42,
};

const q = (s: string) => JSON.stringify(s);

export function generateBenchScenario(shape: BenchShape): string {
  const rnd = mulberry32(shape.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const servers = Array.from({ length: shape.servers }, (_, i) => `hs${i}.example`);
  const users = Array.from({ length: shape.users }, (_, i) => `@u${i}:${servers[i % servers.length]}`);
  const usersOf = servers.map((_, s) => users.filter((_, i) => i % servers.length === s));
  const out: string[] = ["version: 1", `seed: ${shape.seed}`, `duration: ${shape.duration}`, "servers:"];
  servers.forEach((s, i) => {
    out.push(`  ${s}:`);
    out.push("    rc_presence: { per_user: { per_second: 1000, burst_count: 1000 } }");
    // Every fourth server runs the router (a team-based router with an admin inbox).
    if (i % 4 === 0) {
      out.push("    modules:");
      out.push("      - module: router.ts");
      out.push(`        config: { team_size: 50, inbox: ${q(`@u${i}:${s}`)} }`);
    }
  });
  out.push("users:");
  for (const u of users) out.push(`  ${q(u)}: {}`);
  out.push("rooms:");
  // Power-law (Zipf, alpha 1) room sizes: a few huge rooms, many small ones.
  for (let r = 0; r < shape.rooms; r++) {
    const home = r % servers.length;
    const size = Math.max(2, Math.min(users.length, Math.round(1500 / (r + 1))));
    const members = new Set<string>();
    while (members.size < size) {
      // 70 % of members from the room's home server, the rest from anywhere.
      members.add(rnd() < 0.7 ? pick(usersOf[home]) : pick(users));
    }
    out.push(`  ${q(`!r${r}:${servers[home]}`)}: [${[...members].map(q).join(", ")}]`);
  }
  out.push("clients:");
  const syncing = users.slice(0, shape.clients * 2).filter((_, i) => i % 2 === 0);
  for (const u of syncing) out.push(`  - { user: ${q(u)}, device: DEV, set_presence: online }`);
  out.push("steps:");
  const states = ["online", "unavailable", "online", "offline"];
  for (let k = 0; k < shape.actions; k++) {
    const at = Math.floor((k / shape.actions) * (shape.duration - 60_000));
    const u = pick(users);
    if (rnd() < 0.5) out.push(`  - { at: ${at}, presence: { user: ${q(u)}, state: ${pick(states)}, status_msg: "s${k % 97}" } }`);
    else out.push(`  - { at: ${at}, activity: { user: ${q(u)} } }`);
  }
  return out.join("\n") + "\n";
}

export const BENCH_ROUTER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config { team_size: number; inbox: string }

/** Routes each update to the sender's team (users with nearby numbers) and an inbox. */
export default class TeamRouter {
  static parse_config(c: Record<string, unknown>): Config {
    return { team_size: Number(c.team_size ?? 50), inbox: String(c.inbox) };
  }
  constructor(private config: Config, private api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => this.route(states),
      get_interested_users: async (user_id) => this.interest(user_id),
    });
  }
  private team(user_id: string): number {
    return Math.floor(Number(user_id.slice(2, user_id.indexOf(":"))) / this.config.team_size);
  }
  private route(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const out = new Map<string, Set<UserPresenceState>>();
    const inbox = new Set<UserPresenceState>();
    for (const s of states) {
      inbox.add(s);
      const t = this.team(s.user_id);
      for (let i = 0; i < 3; i++) {
        const n = t * this.config.team_size + i;
        const target = "@u" + n + ":" + this.api.server_name;
        if (target === s.user_id) continue;
        let set = out.get(target);
        if (!set) out.set(target, (set = new Set()));
        set.add(s);
      }
    }
    out.set(this.config.inbox, inbox);
    return out;
  }
  private interest(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    if (user_id === this.config.inbox) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
`;
