// Applies a StyledGraph to a graphology graph incrementally: only what changed is added,
// updated or dropped, so sigma re-renders without being rebuilt on every time step.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttrs, NodeAttrs, StyledGraph } from "./style.ts";

export interface SyncStats {
  added: number;
  updated: number;
  dropped: number;
}

function sameNode(a: Record<string, unknown>, b: NodeAttrs): boolean {
  return a.x === b.x && a.y === b.y && a.size === b.size && a.color === b.color && a.label === b.label;
}

function sameEdge(a: Record<string, unknown>, b: EdgeAttrs): boolean {
  return a.size === b.size && a.color === b.color;
}

export function syncGraph(graph: MultiDirectedGraph, styled: StyledGraph): SyncStats {
  const stats: SyncStats = { added: 0, updated: 0, dropped: 0 };
  for (const key of graph.edges()) {
    if (!styled.edges.has(key)) {
      graph.dropEdge(key);
      stats.dropped++;
    }
  }
  for (const id of graph.nodes()) {
    if (!styled.nodes.has(id)) {
      graph.dropNode(id);
      stats.dropped++;
    }
  }
  const nodeChanges = new Map<string, NodeAttrs>();
  for (const [id, a] of styled.nodes) {
    if (!graph.hasNode(id)) {
      graph.addNode(id, { ...a });
      stats.added++;
    } else if (!sameNode(graph.getNodeAttributes(id), a)) {
      nodeChanges.set(id, a);
    }
  }
  const edgeChanges = new Map<string, { size: number; color: string }>();
  for (const [key, e] of styled.edges) {
    const attrs = { size: e.size, color: e.color };
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
      stats.added++;
    } else if (!sameEdge(graph.getEdgeAttributes(key), e)) {
      edgeChanges.set(key, attrs);
    }
  }
  // One batched event each, with hints: sigma then repaints without re-indexing
  // (per-item updates would make it re-process the whole graph).
  if (nodeChanges.size > 0) {
    graph.updateEachNodeAttributes((id, attr) => (nodeChanges.has(id) ? { ...attr, ...nodeChanges.get(id)! } : attr), {
      attributes: nodeChanges.size && [...nodeChanges].some(([id, a]) => !samePos(graph.getNodeAttributes(id), a)) ? ["x", "y", "size", "color", "label"] : ["size", "color", "label"],
    });
    stats.updated += nodeChanges.size;
  }
  if (edgeChanges.size > 0) {
    graph.updateEachEdgeAttributes((key, attr) => (edgeChanges.has(key) ? { ...attr, ...edgeChanges.get(key)! } : attr), { attributes: ["size", "color"] });
    stats.updated += edgeChanges.size;
  }
  return stats;
}

function samePos(a: Record<string, unknown>, b: NodeAttrs): boolean {
  return a.x === b.x && a.y === b.y;
}
