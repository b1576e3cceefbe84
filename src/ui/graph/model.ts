// The delivery graph as pure data: nodes (users grouped by homeserver, plus one hub per
// homeserver), edges aggregated from trace.deliveries up to a time, node states at that
// time. The renderer (DeliveryGraph.tsx) only draws what this computes; tests use it too.
//
// Edges aggregate parallel deliveries per (transport, source node, target node, kind)
// with a count, so 20,000 deliveries become at most a few thousand edges.
import type { Delivery, Trace } from "../../trace/types.ts";
import { routingDecisions, targetFlags, type Decision, type Outcome, type TargetFlag } from "../../analysis/decisions.ts";
import { lastAtOrBefore, serverOf } from "../../analysis/ids.ts";
import { PairMap } from "../../analysis/pairMap.ts";
import { presenceIndex, type NodeState } from "../../analysis/presence.ts";
import { DEFAULT_FILTERS, RECENT_WINDOW_MS, type GraphFilters } from "./graphFilters.ts";
import { hubId, layoutGraph, type Point } from "./layout.ts";
import { displayNodeOf, groupUsers, isGroupId, type Drill, type Grouping } from "./grouping.ts";
import type { ClusterInput } from "./forceLayout.ts";
import { VIA_PRIORITY, viaKind, type ViaKind } from "./via.ts";

export interface GraphNodeData {
  id: string;
  /** "group": an aggregate of users (big worlds, grouping.ts). */
  kind: "user" | "server" | "group";
  /** The homeserver this node belongs to (for a hub: itself). */
  server: string;
  label: string;
  x: number;
  y: number;
  /** A user the router mentions who is not in the scenario (drawn as a warning). */
  missing?: boolean;
  /** Side of the node its label is drawn on (away from its cluster's hub). */
  labelSide: LabelSide;
  /** Groups: how many users they stand for. */
  count?: number;
}

/** A delivery prepared once per trace for fast filtering. */
export interface Prepared {
  index: number;
  d: Delivery;
  sourceNode: string;
  targetNode: string;
  /** Bit i set = VIA_PRIORITY[i] present in d.via. */
  mask: number;
}

export interface GraphModel {
  trace: Trace;
  /** Hubs first (server order), then users grouped by server in scenario order. */
  nodes: GraphNodeData[];
  nodeById: Map<string, GraphNodeData>;
  /** Display order of servers: scenario.servers, then unknown domains in order of appearance. */
  servers: string[];
  /** Sorted by `at` (stable). */
  prepared: Prepared[];
  /** Big worlds: users grouped by server or room (grouping.ts); null when drawn one by one. */
  grouping: Grouping | null;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  kind: ViaKind;
  transport: "sync" | "federation";
  /** Number of deliveries aggregated into this edge. */
  count: number;
  first: number;
  last: number;
  /** State carried by the latest delivery. */
  lastState: string;
  /** Every raw `via` seen on these deliveries, in order of first appearance (tooltip). */
  vias: string[];
  /** Latest delivery falls in (time − window, time]. */
  recent: boolean;
  /** Index into trace.deliveries of the latest delivery. */
  lastDelivery: number;
}

/** Outcomes drawn as their own (dashed) edges: the decision did not lead to a delivery. */
export type UndeliveredOutcome = Exclude<Outcome, "delivered_sync" | "delivered_federation">;

/** A router decision that delivered nothing (yet), drawn from `from` to `to`. */
export interface DecisionEdge {
  key: string;
  source: string;
  target: string;
  decision: Decision;
  outcome: UndeliveredOutcome;
  first: number;
  /** Decisions aggregated into this edge (more than 1 only between groups). */
  count: number;
}

export interface VisibleNode extends GraphNodeData {
  state: NodeState;
  /** Matches the search box (always true when the search is empty). */
  matches: boolean;
}

export interface GraphView {
  nodes: VisibleNode[];
  edges: GraphEdge[];
  /** Number of deliveries with at <= time (before filters). */
  deliveries: number;
  /** Undelivered router decisions made at or before time. */
  decisions: DecisionEdge[];
  /** Routed users who cannot receive (no sync / not in the scenario), decided at or before time. */
  flags: TargetFlag[];
}

const cache = new WeakMap<Trace, Map<number, GraphModel>>();

/** Builds the model (nodes, layout, prepared deliveries). Cached per (trace, seed). */
export function buildGraphModel(trace: Trace, seed = 0): GraphModel {
  let bySeed = cache.get(trace);
  const hit = bySeed?.get(seed);
  if (hit) return hit;
  const servers: string[] = [...trace.scenario.servers];
  const known = new Set(servers);
  const usersByServer = new Map<string, string[]>();
  const seenUsers = new Set<string>();
  const addUser = (u: string) => {
    if (seenUsers.has(u)) return;
    seenUsers.add(u);
    const s = serverOf(u);
    if (!known.has(s)) {
      known.add(s);
      servers.push(s);
    }
    let list = usersByServer.get(s);
    if (!list) usersByServer.set(s, (list = []));
    list.push(u);
  };
  const addServer = (s: string) => {
    if (!known.has(s)) {
      known.add(s);
      servers.push(s);
    }
  };
  for (const u of trace.scenario.users) addUser(u);
  for (const d of trace.deliveries) {
    addUser(d.source);
    if (d.transport === "sync") addUser(d.viewer);
    else addServer(d.viewer);
  }
  // Users the router mentions: a target that is not in the scenario still gets a node.
  for (const p of routingDecisions(trace)) {
    addUser(p.from);
    addUser(p.to);
  }
  const scenarioUsers = new Set(trace.scenario.users);
  const grouping = groupUsers(servers, usersByServer, firstRooms(trace));
  if (grouping) {
    // Members of a group sit next to each other on their server's arcs.
    const rank = new Map(grouping.groups.map((g, i) => [g.id, i]));
    for (const [s, list] of usersByServer) {
      const at = new Map(list.map((u, i) => [u, i]));
      list.sort((a, b) => rank.get(grouping.groupOf.get(a)!)! - rank.get(grouping.groupOf.get(b)!)! || at.get(a)! - at.get(b)!);
      usersByServer.set(s, list);
    }
  }
  const pos = layoutGraph(servers, usersByServer, seed);
  const nodes: GraphNodeData[] = [];
  for (const s of servers) {
    const p = pos.get(hubId(s))!;
    nodes.push({ id: hubId(s), kind: "server", server: s, label: s, x: p.x, y: p.y, labelSide: p.side });
  }
  for (const s of servers) {
    for (const u of usersByServer.get(s) ?? []) {
      const p = pos.get(u)!;
      const node: GraphNodeData = { id: u, kind: "user", server: s, label: u, x: p.x, y: p.y, labelSide: p.side };
      if (!scenarioUsers.has(u)) node.missing = true;
      nodes.push(node);
    }
  }
  // A columnar trace's deliveries share one via array per distinct list (585,917
  // deliveries, a few hundred lists in the 10,000-user world): one mask per array.
  const masks = new Map<readonly string[], number>();
  const maskOf = (via: readonly string[]) => {
    let mask = masks.get(via);
    if (mask === undefined) {
      mask = 0;
      for (const v of via) {
        const k = viaKind(v);
        if (k !== null) mask |= 1 << VIA_PRIORITY.indexOf(k);
      }
      masks.set(via, mask);
    }
    return mask;
  };
  const prepared: Prepared[] = trace.deliveries.map((d, index) => {
    const federation = d.transport === "federation";
    return {
      index,
      d,
      sourceNode: federation ? hubId(serverOf(d.source)) : d.source,
      targetNode: federation ? hubId(d.viewer) : d.viewer,
      mask: maskOf(d.via),
    };
  });
  // The engine records deliveries in time order: sort only a trace that is not.
  if (!prepared.every((p, i) => i === 0 || prepared[i - 1]!.d.at <= p.d.at)) prepared.sort((a, b) => a.d.at - b.d.at || a.index - b.index);
  const model: GraphModel = { trace, nodes, nodeById: new Map(nodes.map((n) => [n.id, n])), servers, prepared, grouping };
  if (!bySeed) cache.set(trace, (bySeed = new Map()));
  bySeed.set(seed, model);
  return model;
}

/** Number of deliveries with at <= time. */
export function deliveriesUpTo(model: GraphModel, time: number): number {
  return lastAtOrBefore(model.prepared, time, (p) => p.d.at) + 1;
}

export function enabledMask(filters: GraphFilters): number {
  let m = 0;
  VIA_PRIORITY.forEach((k, i) => {
    if (filters.vias[k]) m |= 1 << i;
  });
  return m;
}

/** The filters as used per delivery (see deliveryKind). */
export interface DeliveryFilter {
  filters: GraphFilters;
  allow: number;
  servers: Set<string> | null;
  needle: string;
}

export function deliveryFilterOf(filters: GraphFilters): DeliveryFilter {
  return { filters, allow: enabledMask(filters), servers: filters.servers ? new Set(filters.servers) : null, needle: filters.search.trim().toLowerCase() };
}

/** The edge kind a delivery is drawn as, or null when the filters hide it (all but recentOnly). */
export function deliveryKind(p: Prepared, f: DeliveryFilter): ViaKind | null {
  const d = p.d;
  if (d.transport === "federation" && !f.filters.federation) return null;
  if (f.servers && !f.servers.has(d.server)) return null;
  const m = p.mask & f.allow;
  if (m === 0) return null;
  if (f.needle && !d.source.toLowerCase().includes(f.needle) && !d.viewer.toLowerCase().includes(f.needle)) return null;
  return VIA_PRIORITY[31 - Math.clz32(m & -m)]!; // lowest set bit = highest priority
}

/** Adds a delivery to its aggregated edge in `edges` (created on first appearance); `recent` is left to the caller. */
export function aggregateDelivery(edges: Map<string, GraphEdge>, p: Prepared, kind: ViaKind, source: string, target: string): GraphEdge {
  const d = p.d;
  const key = `${d.transport}\t${source}\t${target}\t${kind}`;
  let e = edges.get(key);
  if (!e) {
    e = { key, source, target, kind, transport: d.transport, count: 0, first: d.at, last: d.at, lastState: d.state, vias: [], recent: false, lastDelivery: p.index };
    edges.set(key, e);
  }
  e.count++;
  e.last = d.at;
  e.lastState = d.state;
  e.lastDelivery = p.index;
  for (const v of d.via) if (e.vias.length < 32 && !e.vias.includes(v)) e.vias.push(v);
  return e;
}

/** Edges visible at `time` under `filters` (aggregated; order = first appearance). */
export function visibleEdgesOf(model: GraphModel, time: number, filters: GraphFilters = DEFAULT_FILTERS, window = RECENT_WINDOW_MS, nodeOf: (id: string) => string = same): GraphEdge[] {
  const n = deliveriesUpTo(model, time);
  const f = deliveryFilterOf(filters);
  const edges = new Map<string, GraphEdge>();
  const recentFrom = time - window;
  for (let i = 0; i < n; i++) {
    const p = model.prepared[i]!;
    if (filters.recentOnly && p.d.at <= recentFrom) continue;
    const kind = deliveryKind(p, f);
    if (kind === null) continue;
    const e = aggregateDelivery(edges, p, kind, nodeOf(p.sourceNode), nodeOf(p.targetNode));
    e.recent = p.d.at > recentFrom;
  }
  return [...edges.values()];
}

/** Pure entry point for tests and the test hook: the visible edges of `trace` at `time`. */
export function visibleEdges(trace: Trace, time: number, filters: GraphFilters = DEFAULT_FILTERS): GraphEdge[] {
  return visibleEdgesOf(buildGraphModel(trace), time, filters);
}

/**
 * Router decisions made at or before `time` that delivered nothing (whatever happened
 * later: a decision is drawn as undelivered until a delivery of the pair is drawn).
 */
export function decisionEdgesAt(trace: Trace, time: number, filters: GraphFilters = DEFAULT_FILTERS, nodeOf: (id: string) => string = same): DecisionEdge[] {
  if (!filters.decisions) return [];
  const needle = filters.search.trim().toLowerCase();
  const servers = filters.servers ? new Set(filters.servers) : null;
  const out = new Map<string, DecisionEdge>();
  for (const p of routingDecisions(trace)) {
    if (p.first > time) continue;
    const delivered = p.outcome === "delivered_sync" || p.outcome === "delivered_federation";
    // A delivered pair is drawn by its delivery edges once the first delivery is on screen.
    if (delivered && trace.deliveries[p.deliveries[0]!]!.at <= time) continue;
    if (servers && !servers.has(serverOf(p.to)) && !servers.has(serverOf(p.from))) continue;
    if (needle && !p.from.toLowerCase().includes(needle) && !p.to.toLowerCase().includes(needle)) continue;
    const outcome: UndeliveredOutcome = delivered ? "not_delivered" : (p.outcome as UndeliveredOutcome);
    const source = nodeOf(p.from);
    const target = nodeOf(p.to);
    // Decisions between groups are aggregated per outcome, with a count.
    const key = isGroupId(source) || isGroupId(target) ? `decision\t${source}\t${target}\t${outcome}` : `decision\t${source}\t${target}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { key, source, target, decision: p.decision, outcome, first: p.first, count: 1 });
  }
  return [...out.values()];
}

/**
 * How the renderer draws the model: big worlds grouped (with the groups in `drill`
 * opened), and positions from the force layout when it has answered (else the cluster
 * layout's).
 */
export interface DisplayOptions {
  drill: Drill;
  positions: ReadonlyMap<string, Point> | null;
}

export const same = (id: string) => id;

/** Nodes, edges and counts at `time`: what the renderer draws. Without `display`, every user is drawn. */
export function graphAt(trace: Trace, time: number, filters: GraphFilters = DEFAULT_FILTERS, seed = 0, display?: DisplayOptions): GraphView {
  const model = buildGraphModel(trace, seed);
  const grouping = display ? model.grouping : null;
  const drill = display?.drill ?? [];
  const nodeOf = grouping ? (id: string) => displayNodeOf(grouping, drill, id) : same;
  const edges = visibleEdgesOf(model, time, filters, RECENT_WINDOW_MS, nodeOf);
  const decisions = decisionEdgesAt(trace, time, filters, nodeOf);
  const presence = presenceIndex(trace);
  const servers = filters.servers ? new Set(filters.servers) : null;
  const endpoints = new Set<string>();
  if (servers) {
    for (const e of edges) endpoints.add(e.source).add(e.target);
    for (const e of decisions) endpoints.add(e.source).add(e.target);
  }
  const needle = filters.search.trim().toLowerCase();
  const positions = display?.positions ?? null;
  const placed = (n: GraphNodeData): GraphNodeData => {
    const p = positions?.get(n.id);
    if (!p || (p.x === n.x && p.y === n.y)) return n;
    const hub = model.nodeById.get(hubId(n.server))!;
    return { ...n, x: p.x, y: p.y, labelSide: p.x < hub.x - 1e-9 ? "left" : "right" };
  };
  const nodes: VisibleNode[] = [];
  const groupNodes = new Map<string, { n: GraphNodeData; states: Map<NodeState, number> }>();
  for (const raw of model.nodes) {
    const n = raw.kind === "user" ? placed(raw) : raw;
    if (servers && !servers.has(n.server) && !endpoints.has(nodeOf(n.id))) continue;
    const state: NodeState = n.kind === "user" ? presence.at(n.id, time).state : "unknown";
    const shown = nodeOf(n.id);
    if (shown !== n.id) {
      // A member of a closed group: adds to the group's position and state counts.
      let g = groupNodes.get(shown);
      if (!g) {
        const group = grouping!.groups.find((x) => x.id === shown)!;
        g = { n: { id: shown, kind: "group", server: group.server, label: group.label, x: 0, y: 0, labelSide: "right", count: group.members.length }, states: new Map() };
        groupNodes.set(shown, g);
      }
      g.states.set(state, (g.states.get(state) ?? 0) + 1);
      continue;
    }
    nodes.push({ ...n, state, matches: needle === "" || (n.kind === "user" && n.id.toLowerCase().includes(needle)) });
  }
  for (const { n, states } of groupNodes.values()) {
    const k = [...states.values()].reduce((a, b) => a + b, 0);
    const { x, y } = groupPlace(model, n.id);
    const hub = model.nodeById.get(hubId(n.server))!;
    const label = k === n.count ? n.label : `${n.label} (${k} shown)`;
    nodes.push({ ...n, label, x, y, labelSide: groupLabelSide({ x, y }, hub), state: majority(states), matches: needle === "" });
  }
  const flags = targetFlags(trace).filter((f) => trace.events[f.event]!.at <= time);
  return { nodes, edges, deliveries: deliveriesUpTo(model, time), decisions, flags };
}

export type LabelSide = "left" | "right" | "above" | "below";

/**
 * Where a group's label goes: on its outer side, left or right of it, except for a group
 * straight above or below its hub (the top and bottom of a ring of servers), whose label
 * goes above or below it: beside it, it would run over its neighbour's, which sits at
 * almost the same height (the 10,000-user world's 20 servers).
 */
export function groupLabelSide(at: Point, hub: Point): LabelSide {
  const dx = at.x - hub.x;
  const dy = at.y - hub.y;
  const r = Math.hypot(dx, dy);
  if (r > 0 && Math.abs(dx) < VERTICAL * r) return dy > 0 ? "above" : "below";
  return dx < -1e-9 ? "left" : "right";
}

/** |cos| of the angle from the vertical under which a group counts as straight above or below (±11.5°). */
const VERTICAL = 0.2;

/**
 * Where a group is drawn: on an arc around its server's hub, at the cluster's radius
 * out, facing away from the other servers (the way the cluster layout's fans open); a
 * server's groups spread evenly over the arc, in grouping order.
 */
export function groupPlace(model: GraphModel, id: string): Point {
  const groups = model.grouping!.groups;
  const g = groups.find((x) => x.id === id)!;
  const siblings = groups.filter((x) => x.server === g.server);
  const i = siblings.indexOf(g);
  const hub = model.nodeById.get(hubId(g.server))!;
  let r = 0;
  for (const u of siblings.flatMap((x) => x.members)) {
    const n = model.nodeById.get(u)!;
    r = Math.max(r, Math.hypot(n.x - hub.x, n.y - hub.y));
  }
  // Outwards from the centre of all hubs (one server: to the right).
  const out = hub.x === 0 && hub.y === 0 ? 0 : Math.atan2(hub.y, hub.x);
  const span = siblings.length === 1 ? 0 : Math.min(Math.PI, (siblings.length * Math.PI) / 8);
  const a = out - span / 2 + (siblings.length === 1 ? 0 : (span * i) / (siblings.length - 1));
  return { x: round4(hub.x + r * Math.cos(a)), y: round4(hub.y + r * Math.sin(a)) };
}

const STATE_ORDER: NodeState[] = ["online", "unavailable", "busy", "offline", "unknown"];

/** The most common state (ties: the first in STATE_ORDER). */
export function majority(states: ReadonlyMap<NodeState, number>): NodeState {
  let best: NodeState = "unknown";
  let bestN = -1;
  for (const s of STATE_ORDER) {
    const n = states.get(s) ?? 0;
    if (n > bestN) [best, bestN] = [s, n];
  }
  return best;
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/** Each user's first room (from "room:<id>" vias of sync deliveries, in trace order). */
function firstRooms(trace: Trace): (u: string) => string | undefined {
  const first = new Map<string, string>();
  for (const d of trace.deliveries) {
    if (d.transport !== "sync") continue;
    const room = d.via.find((v) => v.startsWith("room:"));
    if (room === undefined) continue;
    const id = room.slice(5);
    if (!first.has(d.source)) first.set(d.source, id);
    if (!first.has(d.viewer)) first.set(d.viewer, id);
  }
  return (u) => first.get(u);
}

/** Worlds with more users than this get the force layout (in the worker); smaller ones keep the cluster layout. */
export const FORCE_MIN_USERS = 60;

/**
 * The force layout's input for a model (forceLayout.ts), or null for small worlds: one
 * cluster per server, every user tied to its hub, users of one server who exchanged
 * presence tied to each other (cross-server pairs are left out: servers stay separate
 * clusters), each cluster as wide as the cluster layout made it.
 */
export function forceInputOf(model: GraphModel): ClusterInput[] | null {
  const users = model.nodes.filter((n) => n.kind === "user");
  if (users.length <= FORCE_MIN_USERS) return null;
  const clusters = new Map<string, ClusterInput>();
  for (const n of model.nodes) {
    if (n.kind === "server") clusters.set(n.server, { hub: { id: n.id, x: n.x, y: n.y, fixed: true }, radius: 0, nodes: [], edges: [], iterations: FORCE_ITERATIONS });
  }
  for (const n of users) {
    const c = clusters.get(n.server)!;
    c.nodes.push({ id: n.id, x: n.x, y: n.y, fixed: false });
    c.edges.push([n.id, c.hub.id, HUB_WEIGHT]);
    c.radius = Math.max(c.radius, Math.hypot(n.x - c.hub.x, n.y - c.hub.y));
  }
  // Pairs seen, lesser id first.
  const pairs = new PairMap<true>();
  for (const p of model.prepared) {
    const d = p.d;
    if (d.transport !== "sync" || d.source === d.viewer) continue;
    const a = model.nodeById.get(d.source);
    const b = model.nodeById.get(d.viewer);
    if (!a || !b || a.server !== b.server) continue;
    const lo = d.source < d.viewer ? d.source : d.viewer;
    const hi = lo === d.source ? d.viewer : d.source;
    if (!pairs.add(lo, hi, true)) continue;
    clusters.get(a.server)!.edges.push([d.source, d.viewer, 1]);
  }
  return [...clusters.values()].filter((c) => c.nodes.length > 0);
}

const FORCE_ITERATIONS = 100;
const HUB_WEIGHT = 2;
