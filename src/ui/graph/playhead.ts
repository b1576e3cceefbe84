// The graph view during playback (issue 14 item 5): graphAt's result, computed
// incrementally while time moves forward. A cursor per model remembers the last time it
// was asked for, the deliveries aggregated so far and every user's state; the next,
// later time only adds the deliveries and presence changes in between. Unchanged nodes
// and edges keep their objects from frame to frame (the styling and sync steps compare
// them by reference first). Scrubbing backwards, other filters, drill or positions
// start a fresh cursor. Same inputs → the same view as graphAt (tests/ui/playhead.test.ts).
import type { Trace } from "../../trace/types.ts";
import { lastAtOrBefore, serverOf } from "../../analysis/ids.ts";
import { presenceIndex, type NodeState } from "../../analysis/presence.ts";
import { targetFlags } from "../../analysis/decisions.ts";
import { RECENT_WINDOW_MS, type GraphFilters } from "./graphFilters.ts";
import { hubId } from "./layout.ts";
import { displayNodeOf } from "./grouping.ts";
import {
  aggregateDelivery,
  buildGraphModel,
  decisionEdgesAt,
  deliveriesUpTo,
  deliveryFilterOf,
  deliveryKind,
  graphAt,
  groupLabelSide,
  groupPlace,
  majority,
  same,
  type DeliveryFilter,
  type DisplayOptions,
  type GraphEdge,
  type GraphModel,
  type GraphNodeData,
  type GraphView,
  type VisibleNode,
} from "./model.ts";

interface Direct {
  n: GraphNodeData;
  matches: boolean;
}

interface GroupAcc {
  n: GraphNodeData;
  counts: Map<NodeState, number>;
}

interface Cursor {
  filters: GraphFilters;
  display: DisplayOptions | undefined;
  f: DeliveryFilter;
  nodeOf: (id: string) => string;
  time: number;
  /** Deliveries (model.prepared) aggregated so far. */
  done: number;
  acc: Map<string, GraphEdge>;
  /** The edge objects handed out last, reused while count and recency stay the same. */
  out: Map<string, GraphEdge>;
  /** Users drawn one by one, in model order, and the groups (first appearance order). */
  direct: Direct[];
  groups: Map<string, GroupAcc>;
  /** Each user's state at `time`, and the group a user counts in (if any). */
  states: Map<string, NodeState>;
  groupOfUser: Map<string, string>;
  /** Presence changes handled so far (index into changesOf(trace)). */
  changesDone: number;
  nodeOut: Map<string, VisibleNode>;
}

const cursors = new WeakMap<GraphModel, Cursor>();
const changeLists = new WeakMap<Trace, Array<{ at: number; user: string }>>();

/** Every state change of a user on their own server (what presenceIndex reads), by time. */
function changesOf(trace: Trace): Array<{ at: number; user: string }> {
  let list = changeLists.get(trace);
  if (list) return list;
  list = [];
  for (const e of trace.events) if (e.type === "state" && e.server === serverOf(e.user)) list.push({ at: e.at, user: e.user });
  list.sort((a, b) => a.at - b.at);
  changeLists.set(trace, list);
  return list;
}

/**
 * graphAt(trace, time, filters, seed, display), incrementally. Falls back to graphAt for
 * filters whose node set depends on time (a server filter: endpoints; "recent only").
 */
export function viewAt(trace: Trace, time: number, filters: GraphFilters, seed = 0, display?: DisplayOptions): GraphView {
  if (filters.servers || filters.recentOnly) return graphAt(trace, time, filters, seed, display);
  const model = buildGraphModel(trace, seed);
  let c = cursors.get(model);
  if (!c || c.filters !== filters || c.display?.drill !== display?.drill || c.display?.positions !== display?.positions || (c.display === undefined) !== (display === undefined) || time < c.time) {
    c = freshCursor(model, filters, display);
    cursors.set(model, c);
  }
  advance(model, c, time);
  return {
    nodes: nodesOf(model, c),
    edges: edgesOf(c, time),
    deliveries: deliveriesUpTo(model, time),
    decisions: decisionEdgesAt(trace, time, filters, c.nodeOf),
    flags: targetFlags(trace).filter((f) => trace.events[f.event]!.at <= time),
  };
}

function freshCursor(model: GraphModel, filters: GraphFilters, display: DisplayOptions | undefined): Cursor {
  const grouping = display ? model.grouping : null;
  const drill = display?.drill ?? [];
  const nodeOf = grouping ? (id: string) => displayNodeOf(grouping, drill, id) : same;
  const positions = display?.positions ?? null;
  const needle = filters.search.trim().toLowerCase();
  const presence = presenceIndex(model.trace);
  const c: Cursor = {
    filters,
    display,
    f: deliveryFilterOf(filters),
    nodeOf,
    time: -Infinity,
    done: 0,
    acc: new Map(),
    out: new Map(),
    direct: [],
    groups: new Map(),
    states: new Map(),
    groupOfUser: new Map(),
    changesDone: 0,
    nodeOut: new Map(),
  };
  for (const raw of model.nodes) {
    let n = raw;
    const p = raw.kind === "user" ? positions?.get(raw.id) : undefined;
    if (p && (p.x !== raw.x || p.y !== raw.y)) {
      const hub = model.nodeById.get(hubId(raw.server))!;
      n = { ...raw, x: p.x, y: p.y, labelSide: p.x < hub.x - 1e-9 ? "left" : "right" };
    }
    // Before any change a user's state is the first change's "before" (or the R2 default).
    const state: NodeState = n.kind === "user" ? presence.at(n.id, -Infinity).state : "unknown";
    if (n.kind === "user") c.states.set(n.id, state);
    const shown = nodeOf(n.id);
    if (shown === n.id) {
      c.direct.push({ n, matches: needle === "" || (n.kind === "user" && n.id.toLowerCase().includes(needle)) });
      continue;
    }
    let g = c.groups.get(shown);
    if (!g) {
      const group = grouping!.groups.find((x) => x.id === shown)!;
      const { x, y } = groupPlace(model, shown);
      const hub = model.nodeById.get(hubId(group.server))!;
      g = { n: { id: shown, kind: "group", server: group.server, label: group.label, x, y, labelSide: groupLabelSide({ x, y }, hub), count: group.members.length }, counts: new Map() };
      c.groups.set(shown, g);
    }
    g.counts.set(state, (g.counts.get(state) ?? 0) + 1);
    c.groupOfUser.set(n.id, shown);
  }
  return c;
}

/** Moves the cursor forward to `time`: the deliveries and presence changes in (c.time, time]. */
function advance(model: GraphModel, c: Cursor, time: number): void {
  const n = deliveriesUpTo(model, time);
  for (; c.done < n; c.done++) {
    const p = model.prepared[c.done]!;
    const kind = deliveryKind(p, c.f);
    if (kind !== null) aggregateDelivery(c.acc, p, kind, c.nodeOf(p.sourceNode), c.nodeOf(p.targetNode));
  }
  const changes = changesOf(model.trace);
  const upTo = lastAtOrBefore(changes, time, (x) => x.at) + 1;
  if (upTo > c.changesDone) {
    const presence = presenceIndex(model.trace);
    for (; c.changesDone < upTo; c.changesDone++) {
      const user = changes[c.changesDone]!.user;
      const before = c.states.get(user);
      if (before === undefined) continue; // not a node (cannot happen: every scenario user is one)
      const after = presence.at(user, time).state;
      if (after === before) continue;
      c.states.set(user, after);
      const g = c.groupOfUser.get(user);
      if (g === undefined) continue;
      const counts = c.groups.get(g)!.counts;
      counts.set(before, counts.get(before)! - 1);
      counts.set(after, (counts.get(after) ?? 0) + 1);
    }
  }
  c.time = time;
}

/** A node object like last frame's when nothing about it changed, else a new one. */
function reuse(c: Cursor, next: VisibleNode): VisibleNode {
  const old = c.nodeOut.get(next.id);
  if (old && old.state === next.state && old.label === next.label && old.matches === next.matches && old.x === next.x && old.y === next.y && old.labelSide === next.labelSide) return old;
  c.nodeOut.set(next.id, next);
  return next;
}

function nodesOf(model: GraphModel, c: Cursor): VisibleNode[] {
  const out: VisibleNode[] = [];
  for (const { n, matches } of c.direct) out.push(reuse(c, { ...n, state: n.kind === "user" ? c.states.get(n.id)! : "unknown", matches }));
  const needle = c.filters.search.trim();
  for (const { n, counts } of c.groups.values()) out.push(reuse(c, { ...n, state: majority(counts), matches: needle === "" }));
  void model;
  return out;
}

function edgesOf(c: Cursor, time: number): GraphEdge[] {
  const recentFrom = time - RECENT_WINDOW_MS;
  const out: GraphEdge[] = [];
  for (const [key, a] of c.acc) {
    const recent = a.last > recentFrom;
    const old = c.out.get(key);
    if (old && old.count === a.count && old.recent === recent) {
      out.push(old);
      continue;
    }
    const e: GraphEdge = { ...a, vias: [...a.vias], recent };
    c.out.set(key, e);
    out.push(e);
  }
  return out;
}
