// Visual attributes for the delivery graph (pure): node colour by presence state,
// edge colour by reason, highlight of recent deliveries, selection and search dimming.
import type { NodeState } from "../../analysis/presence.ts";
import type { GraphEdge, GraphView, VisibleNode } from "./model.ts";
import { VIA_COLORS } from "./via.ts";

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
}

export interface EdgeAttrs {
  source: string;
  target: string;
  size: number;
  color: string;
}

export interface StyledGraph {
  nodes: Map<string, NodeAttrs>;
  edges: Map<string, EdgeAttrs>;
}

const DIM = "26"; // hex alpha ≈ 15 %
const FADED = "66"; // ≈ 40 %

/** Attributes for every visible node and edge. `selected` highlights its incoming deliveries. */
export function styleGraph(view: GraphView, selected: string | null, dark: boolean): StyledGraph {
  const users = view.nodes.filter((n) => n.kind === "user").length;
  const userSize = users > 500 ? 3 : users > 100 ? 5 : 8;
  const searching = view.nodes.some((n) => !n.matches);
  // With a selection, the selected user and the sources of their incoming edges stay lit.
  const lit = new Set<string>();
  if (selected) {
    lit.add(selected);
    for (const e of view.edges) if (e.target === selected) lit.add(e.source);
  }
  const hub = dark ? "#e2e8f0" : "#334155";
  const nodes = new Map<string, NodeAttrs>();
  for (const n of view.nodes) {
    const dimmed = (selected !== null && !lit.has(n.id) && n.kind === "user") || (searching && !n.matches && n.kind === "user");
    const base = n.kind === "server" ? hub : STATE_COLORS[n.state];
    nodes.set(n.id, {
      x: n.x,
      y: n.y,
      size: n.kind === "server" ? userSize * 2 : n.id === selected || (searching && n.matches) ? userSize * 1.6 : userSize,
      color: dimmed ? base + DIM : base,
      label: nodeLabel(n, users),
    });
  }
  const edges = new Map<string, EdgeAttrs>();
  for (const e of view.edges) edges.set(e.key, edgeAttrs(e, selected));
  return { nodes, edges };
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
    return { source: e.source, target: e.target, size: mine ? 2.5 + weight : 0.5, color: mine ? color : color + DIM };
  }
  return { source: e.source, target: e.target, size: e.recent ? 3 + weight : 1 + weight / 2, color: e.recent ? color : color + FADED };
}
