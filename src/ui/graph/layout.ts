// Deterministic layout: homeservers on a circle (scenario.servers order), each server's
// users on a sunflower spiral around its hub. No randomness: the same trace and seed
// give the same positions, so a permalink always looks the same.

export interface Point {
  x: number;
  y: number;
}

/** Node id of a homeserver hub (user ids start with '@', so this never collides). */
export function hubId(server: string): string {
  return `hs:${server}`;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Distance between neighbouring users on a spiral. */
const SPACING = 1;

/** Deterministic angle offset in [0, 2π) from an integer seed (a hash, not a PRNG stream). */
function seedAngle(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 2 ** 32) * 2 * Math.PI;
}

/**
 * Positions for hub nodes and user nodes. `servers` in display order; `usersByServer`
 * lists each server's users in scenario order (servers missing from the map have none).
 */
export function layoutGraph(servers: readonly string[], usersByServer: ReadonlyMap<string, readonly string[]>, seed = 0): Map<string, Point> {
  const pos = new Map<string, Point>();
  const n = servers.length;
  if (n === 0) return pos;
  let maxUsers = 0;
  for (const s of servers) maxUsers = Math.max(maxUsers, usersByServer.get(s)?.length ?? 0);
  // Radius of the largest cluster; hubs are spread so that clusters never overlap.
  const cluster = SPACING * Math.sqrt(maxUsers + 2) + SPACING;
  const ring = n === 1 ? 0 : Math.max((cluster * 1.3) / Math.sin(Math.PI / n), cluster * 2.6);
  const rot = seedAngle(seed);
  servers.forEach((server, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const hx = ring * Math.cos(a);
    const hy = ring * Math.sin(a);
    pos.set(hubId(server), { x: round(hx), y: round(hy) });
    const users = usersByServer.get(server) ?? [];
    users.forEach((u, k) => {
      // Start at k+2 so that the first user keeps clear of the hub.
      const r = SPACING * Math.sqrt(k + 2);
      const t = rot + a + k * GOLDEN_ANGLE;
      pos.set(u, { x: round(hx + r * Math.cos(t)), y: round(hy + r * Math.sin(t)) });
    });
  });
  return pos;
}

/** Rounded to 1e-6 so positions print identically across engines. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
