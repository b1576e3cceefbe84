// Force-directed refinement of the delivery graph's layout (issue 12 part 2), with
// graphology-layout-forceatlas2 run synchronously for a fixed number of iterations. It
// runs in a module worker (layout.worker.ts) so big worlds never block the page; this
// file is pure and also runs in Vitest and the bench.
//
// Each server is laid out on its own (layoutClusters): its hub pinned at the origin, its
// users starting at their cluster-layout position (layout.ts) nudged by a hash of their
// id (never Math.random), pulled to the hub and to the users of their server they
// exchange presence with, pushed apart by size. The result is then scaled to the radius
// the cluster layout gave that server and moved onto its hub, so clusters never overlap.
// Deterministic: FA2 has no randomness of its own; same input → same positions, byte
// for byte.
import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { Point } from "./layout.ts";

export interface ForceNode {
  id: string;
  x: number;
  y: number;
  /** Pinned (hubs). */
  fixed: boolean;
}

export interface ForceInput {
  nodes: ForceNode[];
  /** [a, b, weight]; both ends must be nodes. */
  edges: Array<[string, string, number]>;
  iterations: number;
}

/** Deterministic value in [-0.5, 0.5) from a string (FNV-1a, then a mix). */
export function idJitter(id: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32 - 0.5;
}

/** Size of a user in layout units (FA2 keeps nodes this far apart with adjustSizes). */
const NODE_SIZE = 0.35;

/** Positions after `iterations` FA2 steps, rounded to 1e-4. */
export function forceLayout(input: ForceInput): Map<string, Point> {
  const g = new UndirectedGraph();
  for (const n of input.nodes) {
    // Nudge free nodes off the exact arcs so symmetric positions cannot cancel out.
    const x = n.fixed ? n.x : n.x + 0.2 * idJitter(n.id, 1);
    const y = n.fixed ? n.y : n.y + 0.2 * idJitter(n.id, 2);
    g.addNode(n.id, { x, y, fixed: n.fixed, size: n.fixed ? 3 * NODE_SIZE : NODE_SIZE });
  }
  for (const [a, b, w] of input.edges) {
    if (a === b || !g.hasNode(a) || !g.hasNode(b)) continue;
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, "weight", (v: number) => v + w);
    else g.addEdge(a, b, { weight: w });
  }
  const out = new Map<string, Point>();
  if (g.order === 0) return out;
  if (input.iterations > 0) {
    forceAtlas2.assign(g, {
      iterations: input.iterations,
      settings: {
        // LinLog separates communities (rooms) clearly; strong gravity keeps clusters compact.
        linLogMode: true,
        adjustSizes: true,
        scalingRatio: 2,
        gravity: 0.05,
        slowDown: 5,
        barnesHutOptimize: g.order > 400,
        barnesHutTheta: 0.6,
        edgeWeightInfluence: 1,
      },
    });
  }
  g.forEachNode((id, a) => out.set(id, { x: round(a.x as number), y: round(a.y as number) }));
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

export interface ClusterInput {
  hub: ForceNode;
  /** The cluster's users spread to this distance from the hub (95th percentile). */
  radius: number;
  /** Users with positions relative to nothing in particular (their cluster-layout ones). */
  nodes: ForceNode[];
  /** Edges between the cluster's users and to its hub. */
  edges: Array<[string, string, number]>;
  iterations: number;
}

/** Share of users placed within `radius` of their hub; the rest are pulled in to 1.15 × radius. */
const KEEP = 0.95;

/** Positions of every hub and user, cluster by cluster (see the header). */
export function layoutClusters(clusters: readonly ClusterInput[]): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const c of clusters) {
    out.set(c.hub.id, { x: c.hub.x, y: c.hub.y });
    const local = forceLayout({
      nodes: [{ ...c.hub, x: 0, y: 0, fixed: true }, ...c.nodes.map((n) => ({ ...n, x: n.x - c.hub.x, y: n.y - c.hub.y }))],
      edges: c.edges,
      iterations: c.iterations,
    });
    const dists = c.nodes.map((n) => Math.hypot(local.get(n.id)!.x, local.get(n.id)!.y)).sort((a, b) => a - b);
    const far = dists[Math.min(dists.length - 1, Math.floor(KEEP * dists.length))] ?? 0;
    const k = far > 0 ? c.radius / far : 1;
    for (const n of c.nodes) {
      const p = local.get(n.id)!;
      const d = Math.hypot(p.x, p.y) * k;
      const cap = d > 1.15 * c.radius ? (1.15 * c.radius) / d : 1;
      out.set(n.id, { x: round(c.hub.x + p.x * k * cap), y: round(c.hub.y + p.y * k * cap) });
    }
  }
  return out;
}
