import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { forgetStaleHover } from "../../src/ui/graph/staleHover.ts";

// sigma forgets a node's hover, state and dirty mark in its nodeDropped handler; the
// remedy must route a stale key through exactly that event, and leave live nodes alone.
function watched() {
  const graph = new MultiDirectedGraph();
  const events: string[] = [];
  graph.on("nodeAdded", ({ key }) => events.push(`added ${key}`));
  graph.on("nodeDropped", ({ key }) => events.push(`dropped ${key}`));
  return { graph, events };
}

describe("a hover resolved after its node was dropped (sigma's asynchronous picking)", () => {
  it("a key the graph no longer has is dropped again through the graph's events, and reported stale", () => {
    const { graph, events } = watched();
    graph.addNode("@a:hs1", { x: 1, y: 2 });
    events.length = 0;
    expect(forgetStaleHover(graph, "grp:hs1.example")).toBe(true);
    expect(events).toEqual(["added grp:hs1.example", "dropped grp:hs1.example"]);
    expect(graph.hasNode("grp:hs1.example")).toBe(false);
    expect(graph.nodes()).toEqual(["@a:hs1"]);
  });

  it("a node still in the graph is not touched, and not stale", () => {
    const { graph, events } = watched();
    graph.addNode("@a:hs1", { x: 1, y: 2, label: "a" });
    events.length = 0;
    expect(forgetStaleHover(graph, "@a:hs1")).toBe(false);
    expect(events).toEqual([]);
    expect(graph.getNodeAttributes("@a:hs1")).toEqual({ x: 1, y: 2, label: "a" });
  });

  it("the stand-in has a position (sigma indexes an added node at once and throws without x, y)", () => {
    const { graph } = watched();
    const seen: Record<string, unknown>[] = [];
    graph.on("nodeAdded", ({ attributes }) => seen.push({ ...attributes }));
    forgetStaleHover(graph, "gone");
    expect(seen).toEqual([{ x: 0, y: 0, hidden: true }]);
  });
});
