// Applies a StyledGraph to a graphology graph incrementally: only what changed is added,
// updated or dropped, so sigma re-renders without being rebuilt on every time step.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttrs, NodeAttrs, StyledGraph } from "./style.ts";

export interface SyncStats {
  added: number;
  updated: number;
  dropped: number;
  /** A batched update failed half-way in the renderer: call sigma.refresh(). */
  needsRefresh: boolean;
}

function sameNode(a: Record<string, unknown>, b: NodeAttrs): boolean {
  return a.x === b.x && a.y === b.y && a.size === b.size && a.color === b.color && a.label === b.label && a.labelPosition === b.labelPosition && a.labelVisibility === b.labelVisibility;
}

function sameEdge(a: Record<string, unknown>, b: EdgeAttrs): boolean {
  return a.size === b.size && a.color === b.color && a.dashSize === b.dashSize && a.gapSize === b.gapSize && a.dashColor === b.dashColor && a.top === b.top;
}

/** The attributes stored on a graphology edge (source and target are the edge's ends). */
function edgeData(e: EdgeAttrs): EdgeData {
  return { size: e.size, color: e.color, dashSize: e.dashSize, gapSize: e.gapSize, dashColor: e.dashColor, top: e.top };
}

type EdgeData = Omit<EdgeAttrs, "source" | "target">;

/** Above this many drops, clear and re-add instead. */
const BULK = 32;

/**
 * `batch`: use batched, hinted updates on attribute-only frames (for a graph that sigma
 * renders). Set false for a graph without a renderer.
 */
export function syncGraph(graph: MultiDirectedGraph, styled: StyledGraph, batch = true): SyncStats {
  const stats: SyncStats = { added: 0, updated: 0, dropped: 0, needsRefresh: false };
  // sigma fully re-indexes on every single drop, so many drops are done as one clear
  // followed by re-adding what stays (scrubbing backwards, filter changes).
  const goneNodes = graph.filterNodes((id) => !styled.nodes.has(id));
  if (goneNodes.length > BULK) {
    stats.dropped += graph.order + graph.size;
    graph.clear();
  } else {
    const goneEdges = graph.filterEdges((key) => !styled.edges.has(key));
    if (goneEdges.length > BULK) {
      stats.dropped += graph.size;
      graph.clearEdges();
    } else {
      for (const key of goneEdges) graph.dropEdge(key);
      stats.dropped += goneEdges.length;
    }
    for (const id of goneNodes) {
      stats.dropped += 1 + graph.degree(id);
      graph.dropNode(id);
    }
  }
  const nodeChanges = new Map<string, NodeAttrs>();
  const newNodes: Array<[string, NodeAttrs]> = [];
  for (const [id, a] of styled.nodes) {
    if (!graph.hasNode(id)) newNodes.push([id, a]);
    else if (!sameNode(graph.getNodeAttributes(id), a)) nodeChanges.set(id, a);
  }
  const edgeChanges = new Map<string, EdgeData>();
  const newEdges: Array<[string, EdgeAttrs]> = [];
  for (const [key, e] of styled.edges) {
    if (!graph.hasEdge(key)) newEdges.push([key, e]);
    else if (!sameEdge(graph.getEdgeAttributes(key), e)) edgeChanges.set(key, edgeData(e));
  }
  const structural = stats.dropped > 0 || newNodes.length > 0 || newEdges.length > 0;
  stats.updated = nodeChanges.size + edgeChanges.size;
  if (structural || !batch) {
    // sigma re-processes everything this frame anyway: plain per-item updates.
    for (const [id, a] of nodeChanges) graph.mergeNodeAttributes(id, a);
    for (const [key, a] of edgeChanges) graph.mergeEdgeAttributes(key, a);
  } else {
    // Attribute-only frame (most of playback): one batched event each, with hints, so
    // sigma repaints buffers without re-indexing. If sigma has not indexed an item
    // yet it throws; the attributes are already stored, so ask for a full refresh.
    try {
      if (nodeChanges.size > 0) {
        const pos = [...nodeChanges].some(([id, a]) => !samePos(graph.getNodeAttributes(id), a));
        graph.updateEachNodeAttributes((id, attr) => (nodeChanges.has(id) ? { ...attr, ...nodeChanges.get(id)! } : attr), {
          attributes: pos ? ["x", "y", "size", "color", "label", "labelPosition", "labelVisibility"] : ["size", "color", "label", "labelPosition", "labelVisibility"],
        });
      }
      if (edgeChanges.size > 0) {
        graph.updateEachEdgeAttributes((key, attr) => (edgeChanges.has(key) ? { ...attr, ...edgeChanges.get(key)! } : attr), { attributes: ["size", "color", "dashSize", "gapSize", "dashColor", "top"] });
      }
    } catch {
      stats.needsRefresh = true;
    }
  }
  for (const [id, a] of newNodes) graph.addNode(id, { ...a });
  for (const [key, e] of newEdges) graph.addDirectedEdgeWithKey(key, e.source, e.target, edgeData(e));
  stats.added = newNodes.length + newEdges.length;
  return stats;
}

function samePos(a: Record<string, unknown>, b: NodeAttrs): boolean {
  return a.x === b.x && a.y === b.y;
}
