// Scenarios for the browser benchmark (bench/browser.ts): N users on a few servers in
// small rooms, with presence changes spread over the run. Seeded and deterministic.
// Unlike bench/generate.ts (the engine's 10,000-user Zipf shape, whose trace is
// hundreds of MB) these stay at sizes a person would actually edit in the playground.

import { mulberry32 } from "../src/engine/rng.ts";
export interface UiShape {
  servers: number;
  users: number;
  rooms: number;
  roomSize: number;
  /** Syncing clients (each one a set_presence: online sync loop). */
  clients: number;
  actions: number;
  /** Simulated ms. */
  duration: number;
  seed: number;
}

/** Edit-to-graph at scale: 1,000 users. */
export const EDIT_1000: UiShape = { servers: 4, users: 1000, rooms: 100, roomSize: 12, clients: 10, actions: 100, duration: 300_000, seed: 7 };
/** Rendering: 2,000 users and about 20,000 deliveries. */
export const RENDER_2000: UiShape = { servers: 4, users: 2000, rooms: 200, roomSize: 12, clients: 40, actions: 1200, duration: 3_600_000, seed: 11 };

const q = (s: string) => JSON.stringify(s);

export function generateUiScenario(shape: UiShape): string {
  const rnd = mulberry32(shape.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const servers = Array.from({ length: shape.servers }, (_, i) => `hs${i}.example`);
  const users = Array.from({ length: shape.users }, (_, i) => `@u${i}:${servers[i % servers.length]}`);
  const out: string[] = ["version: 1", `seed: ${shape.seed}`, `duration: ${shape.duration}`, "servers:"];
  servers.forEach((s, i) => {
    out.push(`  ${s}:`);
    out.push("    rc_presence: { per_user: { per_second: 1000, burst_count: 1000 } }");
    out.push("    modules:");
    out.push("      - module: router.ts");
    out.push(`        config: { team_size: 50, inbox: ${q(`@u${i}:${s}`)} }`);
  });
  out.push("users:");
  for (const u of users) out.push(`  ${q(u)}: {}`);
  out.push("rooms:");
  for (let r = 0; r < shape.rooms; r++) {
    const members = new Set<string>();
    while (members.size < Math.min(shape.roomSize, users.length)) members.add(pick(users));
    out.push(`  ${q(`!r${r}:${servers[r % servers.length]}`)}: [${[...members].map(q).join(", ")}]`);
  }
  out.push("clients:");
  for (let c = 0; c < shape.clients; c++) out.push(`  - { user: ${q(users[(c * 7) % users.length]!)}, device: DEV, set_presence: online }`);
  out.push("steps:");
  const states = ["online", "unavailable", "online", "offline"];
  for (let k = 0; k < shape.actions; k++) {
    const at = Math.floor((k / shape.actions) * (shape.duration - 60_000));
    out.push(`  - { at: ${at}, presence: { user: ${q(pick(users))}, state: ${pick(states)}, status_msg: "s${k % 97}" } }`);
  }
  return out.join("\n") + "\n";
}
