// A hover on a node the graph no longer has (sigma 4.0.4).
//
// sigma resolves hover asynchronously, from the picking buffer of a frame already drawn.
// When syncGraph drops a node between that frame and the read (a re-run, a filter, a
// group collapsing), the read still "enters" the dropped key: sigma marks it hovered and
// dirty, and every later frame throws NotFoundGraphError restyling it, so the graph stops
// redrawing. Its pick check (`isHitValid`) does not ask the graph whether the node exists.
//
// The remedy uses only public graph calls: adding the key and dropping it again runs
// sigma's own nodeDropped path, which forgets the node's state, its dirty mark and the
// hover. Returns whether the key was stale (the caller then ignores the enter event).
import type Graph from "graphology";

export function forgetStaleHover(graph: Graph, node: string): boolean {
  if (graph.hasNode(node)) return false;
  // sigma indexes an added node at once and needs a position for it.
  graph.addNode(node, { x: 0, y: 0, hidden: true });
  graph.dropNode(node);
  return true;
}
