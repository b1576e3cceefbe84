// Visual attributes for the delivery graph (pure): node colour by presence state,
// edge colour by reason, highlight of recent deliveries, selection and search dimming.
import type { NodeState } from "../../analysis/presence.ts";
import type { DecisionEdge, GraphEdge, GraphView, VisibleNode } from "./model.ts";
import { VIA_COLORS } from "./via.ts";
import { isGroupId } from "./grouping.ts";
import { DIFF_LOOKS, FLAG_MARKS, OUTCOME_LOOKS } from "./decisionStyle.ts";

/** Run-diff highlight (the Changes view): pairs of user ids [from, to]. */
export interface RunDiffHighlight {
  added: ReadonlyArray<readonly [string, string]>;
  removed: ReadonlyArray<readonly [string, string]>;
}

export const STATE_COLORS: Record<NodeState, string> = {
  online: "#22c55e",
  unavailable: "#eab308",
  offline: "#9ca3af",
  busy: "#ef4444",
  unknown: "#a855f7",
};

export const STATE_LABELS: Record<NodeState, string> = {
  online: "online",
  unavailable: "unavailable",
  offline: "offline",
  busy: "busy (org.matrix.msc3026.busy)",
  unknown: "unknown / other",
};

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  labelPosition: "left" | "right" | "above" | "below";
  /** "visible": always drawn (small worlds); "auto": sigma hides labels that would collide. */
  labelVisibility: "visible" | "auto";
  /** A homeserver hub (its label gets a backdrop, readable over its users). */
  hub: boolean;
}

export interface EdgeAttrs {
  source: string;
  target: string;
  size: number;
  /** Solid colour; transparent for a dashed edge (its colour is dashColor). */
  color: string;
  /** Dashed edges: dash and gap in pixels (0 = solid) and the dash colour. */
  dashSize: number;
  gapSize: number;
  dashColor: string;
  /** Drawn on top (sigma depth layer "topEdges"): diff highlights. */
  top: boolean;
}

const TRANSPARENT = "#00000000";

export interface StyledGraph {
  nodes: Map<string, NodeAttrs>;
  edges: Map<string, EdgeAttrs>;
}

const DIM = "26"; // hex alpha ≈ 15 %
/** Up to this many groups each is drawn at full size; beyond, all shrink in proportion. */
const GROUPS_FULL_SIZE = 8;

/** Up to this many users every label is drawn (the layout keeps them apart). */
const FORCED_LABELS = 60;
/** Above this many users, undelivered decisions are drawn only for the selected user. */
const DECISIONS_ALL = 200;
const FADED = "66"; // ≈ 40 %

/**
 * Attributes for every visible node and edge. `selected` highlights its incoming
 * deliveries; `diff` highlights pairs added since the previous run and draws removed
 * ones as dashed ghost edges.
 */
export function styleGraph(view: GraphView, selected: string | null, dark: boolean, diff: RunDiffHighlight | null = null): StyledGraph {
  const users = view.nodes.filter((n) => n.kind === "user").length;
  const userSize = users > 500 ? 3 : users > 100 ? 5 : 8;
  const groupCount = view.nodes.filter((n) => n.kind === "group").length;
  const grouped = groupCount > 0;
  const searching = view.nodes.some((n) => !n.matches);
  // With a selection, the selected user and the sources of their incoming edges stay lit.
  const lit = new Set<string>();
  if (selected) {
    lit.add(selected);
    for (const e of view.edges) if (e.target === selected) lit.add(e.source);
  }
  const hub = dark ? "#e2e8f0" : "#334155";
  // A server whose users are one group: the group's label ("hs3.example · 500 users")
  // names it, so its hub's label would only crowd the drawing (20 servers: 40 labels).
  // Many groups on one circle (20 servers): smaller nodes, so neighbours do not merge.
  const groupScale = groupCount > GROUPS_FULL_SIZE ? GROUPS_FULL_SIZE / groupCount : 1;
  const namedByGroup = new Set(view.nodes.filter((n) => n.kind === "group" && n.id === `grp:${n.server}`).map((n) => n.server));
  const flagged = new Map(view.flags.map((f) => [f.user, f.kind]));
  const nodes = new Map<string, NodeAttrs>();
  for (const n of view.nodes) {
    const dimmed = (selected !== null && !lit.has(n.id) && n.kind === "user") || (searching && !n.matches && n.kind === "user");
    const base = n.kind === "server" ? hub : n.missing ? OUTCOME_LOOKS.unknown_target.color : STATE_COLORS[n.state];
    const flag = flagged.get(n.id);
    if (n.kind === "group") {
      // A group: as big as its membership (square root, capped), coloured by its most common state, always labelled.
      nodes.set(n.id, { x: n.x, y: n.y, size: Math.max(5, Math.min(26, 6 + 1.2 * Math.sqrt(n.count ?? 1)) * groupScale), color: base, label: n.label, labelPosition: n.labelSide, labelVisibility: "visible", hub: true });
      continue;
    }
    nodes.set(n.id, {
      x: n.x,
      y: n.y,
      size: n.kind === "server" ? (grouped ? 8 : userSize * 2) : n.id === selected || (searching && n.matches) ? userSize * 1.6 : userSize,
      color: dimmed ? base + DIM : base,
      label: n.kind === "server" && namedByGroup.has(n.server) ? "" : flag ? `${nodeLabel(n, users)} ${FLAG_MARKS[flag]}` : nodeLabel(n, users),
      // A hub's label goes below it: its users' labels own the sides.
      labelPosition: n.kind === "server" ? "below" : n.labelSide,
      labelVisibility: users <= FORCED_LABELS || n.kind === "server" || n.id === selected ? "visible" : "auto",
      hub: n.kind === "server",
    });
  }
  const added = new Set((diff?.added ?? []).map(([f, t]) => `${f}\t${t}`));
  const edges = new Map<string, EdgeAttrs>();
  for (const e of view.edges) {
    // Deliveries inside one group would be a loop on it: left out (they say nothing about the drawing).
    if (e.source === e.target && isGroupId(e.source)) continue;
    const a = edgeAttrs(e, selected);
    if (added.size && added.has(`${e.source}\t${e.target}`)) edges.set(e.key, { ...a, size: Math.max(a.size, 4), color: DIFF_LOOKS.added.color, top: true });
    else edges.set(e.key, a);
  }
  // In big worlds undelivered decisions would hide everything: only the selected user's
  // are drawn (the flag strip summarises the rest).
  for (const d of view.decisions) {
    if (users > DECISIONS_ALL && d.target !== selected && d.source !== selected) continue;
    if (d.source === d.target && isGroupId(d.source)) continue;
    edges.set(d.key, decisionAttrs(d, selected));
  }
  for (const [from, to] of diff?.removed ?? []) {
    // A ghost edge only between users on screen.
    if (!nodes.has(from) || !nodes.has(to) || from === to) continue;
    const r = DIFF_LOOKS.removed;
    edges.set(`removed\t${from}\t${to}`, { source: from, target: to, size: 2, color: TRANSPARENT, dashSize: r.dash, gapSize: r.gap, dashColor: r.color, top: true });
  }
  return { nodes, edges };
}

function decisionAttrs(d: DecisionEdge, selected: string | null): EdgeAttrs {
  const look = OUTCOME_LOOKS[d.outcome];
  const dim = selected !== null && d.target !== selected;
  return { source: d.source, target: d.target, size: dim ? 1 : 2, color: TRANSPARENT, dashSize: look.dash, gapSize: look.gap, dashColor: dim ? look.color + DIM : look.color, top: false };
}

function nodeLabel(n: VisibleNode, users: number): string {
  if (n.kind === "server") return n.label;
  // Full ids are long; with many users show the localpart (hover shows the rest).
  return users > 50 ? n.id.slice(0, n.id.indexOf(":") < 0 ? undefined : n.id.indexOf(":")) : n.id;
}

function edgeAttrs(e: GraphEdge, selected: string | null): EdgeAttrs {
  const color = VIA_COLORS[e.kind];
  const weight = Math.min(2, Math.log10(e.count + 1)); // 1 → 0.3, 100 → 2
  if (selected !== null) {
    const mine = e.target === selected;
    return solid(e, mine ? 2.5 + weight : 0.5, mine ? color : color + DIM);
  }
  return solid(e, e.recent ? 3 + weight : 1.5 + weight / 2, e.recent ? color : color + FADED);
}

function solid(e: GraphEdge, size: number, color: string): EdgeAttrs {
  return { source: e.source, target: e.target, size, color, dashSize: 0, gapSize: 0, dashColor: TRANSPARENT, top: false };
}
