// Applies a StyledGraph to a graphology graph incrementally: the new styling is diffed by
// id against the one applied last (diffStyled), and only the nodes and edges whose
// attributes changed are added, updated or dropped. During playback most frames only
// recolour a few nodes and edges: those are written in place and repainted by the
// renderer one by one (`repaint`), so sigma never reprocesses the whole graph for them.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttrs, NodeAttrs, StyledGraph } from "./style.ts";

export interface SyncStats {
  added: number;
  updated: number;
  dropped: number;
  /** A batched update failed half-way in the renderer: call sigma.refresh(). */
  needsRefresh: boolean;
}

/** What changed between two stylings, by id. */
export interface StyleChanges {
  addNodes: string[];
  updateNodes: string[];
  dropNodes: string[];
  addEdges: string[];
  updateEdges: string[];
  dropEdges: string[];
  /** An update moves or resizes a node, or moves an edge to another depth layer: the renderer must re-index. */
  layout: boolean;
}

export function sameNode(a: NodeAttrs, b: NodeAttrs): boolean {
  return a.x === b.x && a.y === b.y && a.size === b.size && a.color === b.color && a.label === b.label && a.labelPosition === b.labelPosition && a.labelVisibility === b.labelVisibility && a.hub === b.hub;
}

export function sameEdge(a: EdgeAttrs, b: EdgeAttrs): boolean {
  return a.source === b.source && a.target === b.target && a.size === b.size && a.color === b.color && a.dashSize === b.dashSize && a.gapSize === b.gapSize && a.dashColor === b.dashColor && a.top === b.top;
}

const nodeMoves = (a: NodeAttrs, b: NodeAttrs) => a.x !== b.x || a.y !== b.y || a.size !== b.size || a.hub !== b.hub;

/**
 * One map of `diffStyled`: ids added, updated and dropped (pushed onto the given lists),
 * `next` with unchanged entries replaced by prev's object, and whether an update moves
 * something (a re-index).
 */
function diffById<T>(prev: Map<string, T>, next: Map<string, T>, same: (a: T, b: T) => boolean, moves: (a: T, b: T) => boolean, added: string[], updated: string[], dropped: string[]): { kept: Map<string, T>; layout: boolean } {
  const kept = new Map<string, T>();
  let layout = false;
  for (const [id, a] of next) {
    const old = prev.get(id);
    if (old === undefined) added.push(id);
    else if (old === a || same(old, a)) {
      kept.set(id, old);
      continue;
    } else {
      updated.push(id);
      if (moves(old, a)) layout = true;
    }
    kept.set(id, a);
  }
  for (const id of prev.keys()) if (!next.has(id)) dropped.push(id);
  return { kept, layout };
}

/**
 * Diffs `next` against `prev` by id. Returns the changes and `next` with every unchanged
 * node and edge replaced by prev's object (identity stays stable across frames, so the
 * next diff and React consumers skip them by reference).
 */
export function diffStyled(prev: StyledGraph, next: StyledGraph): { changes: StyleChanges; styled: StyledGraph } {
  const changes: StyleChanges = { addNodes: [], updateNodes: [], dropNodes: [], addEdges: [], updateEdges: [], dropEdges: [], layout: false };
  const n = diffById(prev.nodes, next.nodes, sameNode, nodeMoves, changes.addNodes, changes.updateNodes, changes.dropNodes);
  // An edge key names its ends, but guard anyway: other ends or another layer is a re-index.
  const edgeMoves = (a: EdgeAttrs, b: EdgeAttrs) => a.top !== b.top || a.source !== b.source || a.target !== b.target;
  const e = diffById(prev.edges, next.edges, sameEdge, edgeMoves, changes.addEdges, changes.updateEdges, changes.dropEdges);
  changes.layout = n.layout || e.layout;
  return { changes, styled: { nodes: n.kept, edges: e.kept } };
}

/** The attributes stored on a graphology edge (source and target are the edge's ends). */
function edgeData(e: EdgeAttrs): EdgeData {
  return { size: e.size, color: e.color, dashSize: e.dashSize, gapSize: e.gapSize, dashColor: e.dashColor, top: e.top };
}

type EdgeData = Omit<EdgeAttrs, "source" | "target">;

/** Above this many drops, clear and re-add instead. */
const BULK = 32;

/** Asks the renderer to repaint these items from their (already written) attributes. */
export type Repaint = (items: { nodes: string[]; edges: string[] }) => void;

const EMPTY: StyledGraph = { nodes: new Map(), edges: new Map() };
/** The styling each graph shows (what the next diff starts from). */
const applied = new WeakMap<MultiDirectedGraph, StyledGraph>();

/** The styling last applied to `graph` (stable objects: see diffStyled). */
export function appliedStyle(graph: MultiDirectedGraph): StyledGraph {
  return applied.get(graph) ?? EMPTY;
}

/**
 * `repaint`: for a graph a renderer draws, attribute-only frames (nothing added or
 * dropped, nothing moved) are written in place without graph events and handed to
 * `repaint` (sigma: a partial refresh of just those items). Without it every update is
 * a graphology attribute merge.
 */
export function syncGraph(graph: MultiDirectedGraph, next: StyledGraph, repaint?: Repaint): SyncStats {
  const stats: SyncStats = { added: 0, updated: 0, dropped: 0, needsRefresh: false };
  let prev = applied.get(graph);
  if (!prev && graph.order > 0) graph.clear(); // not ours: start from nothing
  prev ??= EMPTY;
  const { changes: c, styled } = diffStyled(prev, next);
  applied.set(graph, styled);
  let addNodes = c.addNodes;
  let addEdges = c.addEdges;
  // sigma fully re-indexes on every single drop, so many drops are done as one clear
  // followed by re-adding what stays (scrubbing backwards, filter changes).
  if (c.dropNodes.length > BULK) {
    stats.dropped += graph.order + graph.size;
    graph.clear();
    addNodes = [...styled.nodes.keys()];
    addEdges = [...styled.edges.keys()];
  } else {
    if (c.dropEdges.length > BULK) {
      stats.dropped += graph.size;
      graph.clearEdges();
      addEdges = [...styled.edges.keys()];
    } else {
      for (const key of c.dropEdges) {
        if (!graph.hasEdge(key)) continue;
        graph.dropEdge(key);
        stats.dropped++;
      }
    }
    for (const id of c.dropNodes) {
      stats.dropped += 1 + graph.degree(id);
      graph.dropNode(id);
    }
  }
  const cleared = addNodes !== c.addNodes || addEdges !== c.addEdges;
  // Updates of items that were just cleared away come back as adds.
  const updateNodes = addNodes !== c.addNodes ? [] : c.updateNodes;
  const updateEdges = addEdges !== c.addEdges ? [] : c.updateEdges;
  stats.updated = updateNodes.length + updateEdges.length;
  const structural = stats.dropped > 0 || addNodes.length > 0 || addEdges.length > 0 || cleared;
  if (structural || !repaint || c.layout) {
    // sigma re-processes everything this frame anyway: plain per-item updates.
    for (const id of updateNodes) graph.mergeNodeAttributes(id, styled.nodes.get(id)!);
    for (const key of updateEdges) graph.mergeEdgeAttributes(key, edgeData(styled.edges.get(key)!));
  } else if (stats.updated > 0) {
    // Attribute-only frame (most of playback): written in place, repainted item by item.
    for (const id of updateNodes) Object.assign(graph.getNodeAttributes(id), styled.nodes.get(id)!);
    for (const key of updateEdges) Object.assign(graph.getEdgeAttributes(key), edgeData(styled.edges.get(key)!));
    try {
      repaint({ nodes: updateNodes, edges: updateEdges });
    } catch {
      // sigma has not indexed an item yet; the attributes are stored: a full refresh draws them.
      stats.needsRefresh = true;
    }
  }
  for (const id of addNodes) graph.addNode(id, { ...styled.nodes.get(id)! });
  for (const key of addEdges) {
    const e = styled.edges.get(key)!;
    graph.addDirectedEdgeWithKey(key, e.source, e.target, edgeData(e));
  }
  stats.added = addNodes.length + addEdges.length;
  return stats;
}
