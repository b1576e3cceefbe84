// Worlds for the graph screenshots (docs/graph-*.png, scripts/graph-screenshots.ts), the
// graph browser test and the bench's layout row: N users on a few servers, in small rooms
// of one server each plus a few rooms spanning servers, with a router that sends each
// user's presence to their team lead (every `team`-th user of their server, who has a
// syncing client). Every routing target exists and syncs, so the pictures show the
// layout, not warnings.
// Seeded (mulberry32) and deterministic.
import { mulberry32 } from "../src/engine/rng.ts";

export interface GraphWorld {
  servers: number;
  users: number;
  /** Users per room. */
  roomSize: number;
  /** Users per team (one lead with a client each). */
  team: number;
  seed: number;
}

export const WORLD_200: GraphWorld = { servers: 4, users: 200, roomSize: 8, team: 5, seed: 5 };
export const WORLD_2000: GraphWorld = { servers: 4, users: 2000, roomSize: 10, team: 10, seed: 6 };

const q = (s: string) => JSON.stringify(s);

/** Routes each update to the sender's team lead (same server). */
export const TEAM_ROUTER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config { servers: number; team: number }

export default class TeamRouter {
  static parse_config(c: Record<string, unknown>): Config {
    return { servers: Number(c.servers), team: Number(c.team) };
  }
  constructor(private config: Config, private api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => this.route(states),
      get_interested_users: async (user_id) => new Set<string>(),
    });
  }
  private lead(user_id: string): string {
    const n = Number(user_id.slice(2, user_id.indexOf(":")));
    const span = this.config.servers * this.config.team;
    return "@u" + (span * Math.floor(n / span) + (n % this.config.servers)) + ":" + this.api.server_name;
  }
  private route(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const out = new Map<string, Set<UserPresenceState>>();
    for (const s of states) {
      if (!s.user_id.endsWith(":" + this.api.server_name)) continue;
      const lead = this.lead(s.user_id);
      if (lead === s.user_id) continue;
      let set = out.get(lead);
      if (!set) out.set(lead, (set = new Set()));
      set.add(s);
    }
    return out;
  }
}
`;

/** Whether user number i is a team lead (has a syncing client). */
const isLead = (w: GraphWorld, i: number) => Math.floor(i / w.servers) % w.team === 0;

export function graphWorld(w: GraphWorld): string {
  const rnd = mulberry32(w.seed);
  const servers = Array.from({ length: w.servers }, (_, i) => `hs${i}.example`);
  const users = Array.from({ length: w.users }, (_, i) => `@u${i}:${servers[i % servers.length]}`);
  const out: string[] = ["version: 1", `seed: ${w.seed}`, "duration: 10m", "servers:"];
  for (const s of servers) {
    out.push(`  ${s}:`);
    out.push("    rc_presence: { per_user: { per_second: 1000, burst_count: 1000 } }");
    out.push("    modules:");
    out.push("      - module: router.ts");
    out.push(`        config: { servers: ${w.servers}, team: ${w.team} }`);
  }
  out.push("users:");
  for (const u of users) out.push(`  ${q(u)}: {}`);
  out.push("rooms:");
  // Rooms of one server: its users in consecutive runs of roomSize.
  servers.forEach((s, si) => {
    const mine = users.filter((_, i) => i % servers.length === si);
    for (let r = 0; r * w.roomSize < mine.length; r++) out.push(`  ${q(`!r${r}:${s}`)}: [${mine.slice(r * w.roomSize, (r + 1) * w.roomSize).map(q).join(", ")}]`);
  });
  // A few rooms spanning servers (federation), members picked by the seed.
  for (let r = 0; r < Math.max(1, Math.round(w.users / 100)); r++) {
    const members = new Set<string>();
    while (members.size < 4) members.add(users[Math.floor(rnd() * users.length)]!);
    out.push(`  ${q(`!fed${r}:${servers[r % servers.length]}`)}: [${[...members].map(q).join(", ")}]`);
  }
  out.push("clients:");
  users.forEach((u, i) => {
    if (isLead(w, i)) out.push(`  - { user: ${q(u)}, device: DEV, set_presence: online }`);
  });
  out.push("steps:");
  const states = ["online", "unavailable", "online"];
  for (let k = 0; k < Math.min(w.users, 400); k++) {
    out.push(`  - { at: ${1000 + k * 500}, presence: { user: ${q(users[Math.floor(rnd() * users.length)]!)}, state: ${states[k % states.length]} } }`);
  }
  return out.join("\n") + "\n";
}
