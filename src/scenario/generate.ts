// A seeded world generator (issue 2 §7, issue 14 part 4): N users spread round-robin
// over S servers (user i lives on hs<i mod S>.example), rooms with power-law (Zipf)
// sizes, syncing clients, a router module on every fourth server, and presence changes
// and activity spread over the run. The same shape gives the same YAML, byte for byte.
// Used by the engine bench and by the "10,000 users" example (src/ui/examples.ts).

import { mulberry32 } from "../engine/rng.ts";
export interface WorldShape {
  servers: number;
  users: number;
  rooms: number;
  clients: number;
  /** Simulated duration in ms. */
  duration: number;
  /** Presence changes and messages spread over the run. */
  actions: number;
  seed: number;
  /** The router's config on a server, given its inbox user (default: the bench's team router config). */
  routerConfig?: (inbox: string) => string;
}

const TEAM_CONFIG = (inbox: string) => `{ team_size: 50, inbox: ${JSON.stringify(inbox)} }`;

/** The engine bench's world and the "10,000 users" example's: one simulated hour. */
export const SCALE_WORLD: WorldShape = {
  servers: 20,
  users: 10_000,
  rooms: 2_000,
  clients: 500,
  duration: 3_600_000,
  actions: 6_000,
  seed: 42,
};

const q = (s: string) => JSON.stringify(s);

export function generateWorld(shape: WorldShape): string {
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
      out.push(`        config: ${(shape.routerConfig ?? TEAM_CONFIG)(`@u${i}:${s}`)}`);
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
