// Deterministic cluster layout: one cluster per homeserver, its users on arcs ("fans")
// around its hub that open away from the other servers, each user's label on the side
// facing outwards, so labels of one cluster never run into another cluster or into the
// hub. No randomness: the same servers, users and seed give the same positions, so a
// permalink always looks the same. O(users): 2,000 users take a few milliseconds, so it
// runs inline (measured in tests/ui/graphModel.test.ts's 2,000-user case).
//
// Geometry (world units; sigma fits the whole drawing to the viewport):
// - 1 server: its hub at the origin, users on full rings;
// - 2 servers: side by side, fans opening left and right (labels point away);
// - n ≥ 3: hubs on a circle, each fan opening away from the centre; from
//   EVEN_HEIGHTS_FROM servers on, spaced evenly in height instead of in angle (ringAngles).
// Rings start at RING0 from the hub and are RING_STEP apart; neighbours on a ring are at
// least SPACING apart along the arc, and a fan spans at most FAN of the circle.

export interface Point {
  x: number;
  y: number;
}

export interface LaidOut extends Point {
  /** Side of the node its label goes on: away from the hub. */
  side: "left" | "right";
}

/** Node id of a homeserver hub (user ids start with '@', so this never collides). */
export function hubId(server: string): string {
  return `hs:${server}`;
}

const RING0 = 3;
const RING_STEP = 1.2;
const SPACING = 0.9;
/** Angular width of a fan when there is more than one server (radians): 200°. */
const FAN = (200 / 180) * Math.PI;
/** Room between two clusters, in world units. */
const GAP = 6;
/**
 * From this many servers on, the hubs are spaced evenly in height, not in angle: at equal
 * angles, the hubs near the top and bottom of the circle (and the labels of their groups
 * beside them, in a grouped view) are closer in height than a label is tall in a short
 * graph panel (20 servers in a 250 px panel: about 5 and 16 px apart for labels about 19 px tall).
 */
export const EVEN_HEIGHTS_FROM = 9;

/**
 * The direction of each of n ≥ 3 hubs from the centre, in display order, going round
 * from the bottom (angle -π/2) through the right side. Below EVEN_HEIGHTS_FROM: n equal
 * angles. From it on: the first half of the hubs on the right side and the rest on the
 * left, each side's heights (sines) evenly spaced from one end of the circle to the other.
 */
export function ringAngles(n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    if (n < EVEN_HEIGHTS_FROM) return -Math.PI / 2 + (2 * Math.PI * i) / n;
    const t = i / n;
    // asin of -1 + 4t on the right (t ≤ 1/2), its mirror on the left: the sine goes -1 → 1 → -1.
    return t <= 0.5 ? Math.asin(Math.min(1, -1 + 4 * t)) : Math.PI - Math.asin(Math.max(-1, 1 - 4 * (t - 0.5)));
  });
}

/** The smallest distance between neighbouring points on the unit circle at these angles. */
function closestChord(angles: readonly number[]): number {
  let min = Infinity;
  angles.forEach((a, i) => {
    const b = angles[(i + 1) % angles.length]! + (i + 1 === angles.length ? 2 * Math.PI : 0);
    min = Math.min(min, 2 * Math.sin((b - a) / 2));
  });
  return min;
}

/** Deterministic fraction in [0, 1) from an integer seed (a hash, not a PRNG stream). */
function seedFraction(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** Users per ring of radius r in a fan of width `span`. */
function capacity(r: number, span: number): number {
  return Math.max(1, Math.floor((r * span) / SPACING));
}

/** Radius of the outermost ring needed for n users in fans of width `span`. */
export function clusterRadius(n: number, span: number): number {
  let r = RING0;
  let left = n;
  while (left > capacity(r, span)) {
    left -= capacity(r, span);
    r += RING_STEP;
  }
  return r;
}

/**
 * Positions (and label sides) for hub nodes and user nodes. `servers` in display order;
 * `usersByServer` lists each server's users in scenario order (servers missing from the
 * map have none).
 */
export function layoutGraph(servers: readonly string[], usersByServer: ReadonlyMap<string, readonly string[]>, seed = 0): Map<string, LaidOut> {
  const pos = new Map<string, LaidOut>();
  const n = servers.length;
  if (n === 0) return pos;
  const span = n === 1 ? 2 * Math.PI : FAN;
  let maxR = RING0;
  for (const s of servers) maxR = Math.max(maxR, clusterRadius(usersByServer.get(s)?.length ?? 0, span));
  // Hubs: far enough apart that neighbouring clusters (radius maxR plus labels) never touch.
  const apart = 2 * maxR + GAP;
  const angles = n >= 3 ? ringAngles(n) : [];
  const ring = n <= 2 ? apart / 2 : apart / closestChord(angles);
  const shift = seedFraction(seed);
  servers.forEach((server, i) => {
    // Direction the fan opens towards: away from the centre (n = 2: left, right).
    const out = n === 1 ? 0 : n === 2 ? (i === 0 ? Math.PI : 0) : angles[i]!;
    const hx = n === 1 ? 0 : ring * Math.cos(out);
    const hy = n === 1 ? 0 : ring * Math.sin(out);
    pos.set(hubId(server), { x: round(hx), y: round(hy), side: Math.cos(out) < -1e-9 ? "left" : "right" });
    const users = usersByServer.get(server) ?? [];
    let placed = 0;
    let r = RING0;
    while (placed < users.length) {
      const cap = capacity(r, span);
      const k = Math.min(cap, users.length - placed);
      // k users spread evenly over the fan (full ring: k slots on the circle), shifted by the seed.
      const full = span >= 2 * Math.PI - 1e-9;
      const step = full ? span / k : k === 1 ? 0 : Math.min(span / (k - 1), Math.max(SPACING / r, span / cap));
      const width = full ? span : step * (k - 1);
      // The seed turns a full ring, or nudges a fan by up to a quarter step.
      const start = out - width / 2 + (full ? step * shift : (shift - 0.5) * 0.5 * Math.min(step || span, SPACING / r));
      for (let j = 0; j < k; j++) {
        const a = start + j * step;
        const x = hx + r * Math.cos(a);
        const y = hy + r * Math.sin(a);
        pos.set(users[placed + j]!, { x: round(x), y: round(y), side: Math.cos(a) < -1e-9 ? "left" : "right" });
      }
      placed += k;
      r += RING_STEP;
    }
  });
  return pos;
}

/** Rounded to 1e-6 so positions print identically across engines. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
