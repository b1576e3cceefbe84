import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { graphAt } from "../../src/ui/graph/model.ts";
import { DEFAULT_FILTERS } from "../../src/ui/graph/graphFilters.ts";
import { styleGraph, STATE_COLORS, type EdgeAttrs, type NodeAttrs, type StyledGraph } from "../../src/ui/graph/style.ts";
import { diffStyled, syncGraph } from "../../src/ui/graph/syncGraph.ts";
import { VIA_COLORS } from "../../src/ui/graph/via.ts";
import { delivery, makeTrace, stateEv } from "../analysis/builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";
const tr = makeTrace({
  servers: ["a.org"],
  users: [A, B, C],
  events: [stateEv(0, "a.org", A, "offline", "online")],
  deliveries: [delivery(1000, A, B, ["room:!r:a.org"]), delivery(10000, C, B, ["router"]), delivery(10000, B, A, ["room:!r:a.org"])],
});

describe("graph styling and incremental sync", () => {
  it("colours nodes by state and edges by reason; recent deliveries are highlighted", () => {
    const s = styleGraph(graphAt(tr, 2000, DEFAULT_FILTERS), null, false);
    expect(s.nodes.get(A)!.color).toBe(STATE_COLORS.online);
    expect(s.nodes.get(B)!.color).toBe(STATE_COLORS.offline);
    const e = [...s.edges.values()][0]!;
    expect(e.color).toBe(VIA_COLORS.room); // recent: full colour
    const later = styleGraph(graphAt(tr, 9000, DEFAULT_FILTERS), null, false);
    expect([...later.edges.values()][0]!.color).toBe(VIA_COLORS.room + "66");
  });

  it("selecting a user highlights their incoming deliveries and dims the rest", () => {
    const s = styleGraph(graphAt(tr, 20000, DEFAULT_FILTERS), B, false);
    const byTarget = [...s.edges.values()].map((e) => [e.source, e.target, e.color]);
    expect(byTarget).toEqual([
      [A, B, VIA_COLORS.room],
      [C, B, VIA_COLORS.router],
      [B, A, VIA_COLORS.room + "26"],
    ]);
    expect(s.nodes.get(C)!.color.length).toBe(7); // a source of bob's: lit
  });

  it("syncGraph adds, updates and drops only what changed", () => {
    const g = new MultiDirectedGraph();
    const at = (t: number) => syncGraph(g, styleGraph(graphAt(tr, t, DEFAULT_FILTERS), null, false));
    expect(at(2000)).toMatchObject({ added: 5, updated: 0, dropped: 0 }); // hub + 3 users + 1 edge
    expect(at(2000)).toMatchObject({ added: 0, updated: 0, dropped: 0 });
    expect(g.size).toBe(1);
    const s = at(10000);
    expect(s.added).toBe(2);
    expect(g.size).toBe(3);
    expect(at(500)).toMatchObject({ added: 0, updated: 0, dropped: 3 });
    expect(g.order).toBe(4);
  });

  it("syncGraph clears and re-adds when many items go (scrubbing back), ending in the same graph", () => {
    const users = Array.from({ length: 100 }, (_, i) => `@u${i}:a.org`);
    const big = makeTrace({ servers: ["a.org"], users, deliveries: users.map((u, i) => delivery(i * 10, u, users[(i + 1) % 100]!, ["router"])) });
    const g = new MultiDirectedGraph();
    const at = (t: number) => syncGraph(g, styleGraph(graphAt(big, t, DEFAULT_FILTERS), null, false));
    at(10000);
    expect(g.size).toBe(100);
    const back = at(95);
    expect(back.dropped).toBe(100); // cleared in bulk
    expect(g.size).toBe(10);
    expect(g.order).toBe(101);
    const fresh = new MultiDirectedGraph();
    syncGraph(fresh, styleGraph(graphAt(big, 95, DEFAULT_FILTERS), null, false));
    expect(g.export()).toEqual(fresh.export());
  });

  it("syncGraph drops nodes of servers filtered out", () => {
    const g = new MultiDirectedGraph();
    syncGraph(g, styleGraph(graphAt(tr, 20000, DEFAULT_FILTERS), null, false));
    const only = { ...DEFAULT_FILTERS, servers: ["b.org"] };
    syncGraph(g, styleGraph(graphAt(tr, 20000, only), null, false));
    expect(g.order).toBe(0); // tr has no b.org
  });
});


describe("diffStyled / syncGraph: per frame only what changed is restyled", () => {
  const node = (color: string, x = 0): NodeAttrs => ({ x, y: 0, size: 5, color, label: "n", labelPosition: "right", labelVisibility: "auto", hub: false });
  const edge = (color: string, top = false): EdgeAttrs => ({ source: "a", target: "b", size: 1, color, dashSize: 0, gapSize: 0, dashColor: "#00000000", top });
  const styled = (nodes: Record<string, NodeAttrs>, edges: Record<string, EdgeAttrs> = {}): StyledGraph => ({ nodes: new Map(Object.entries(nodes)), edges: new Map(Object.entries(edges)) });

  it("nothing changed: no change reported and every object is prev's", () => {
    const prev = styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333") });
    // Equal values in new objects (styleGraph makes new ones every frame).
    const { changes, styled: s } = diffStyled(prev, styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333") }));
    expect(changes).toEqual({ addNodes: [], updateNodes: [], dropNodes: [], addEdges: [], updateEdges: [], dropEdges: [], layout: false });
    expect(s.nodes.get("a")).toBe(prev.nodes.get("a"));
    expect(s.edges.get("ab")).toBe(prev.edges.get("ab"));
  });

  it("a colour change of one node restyles only that node (no re-index), the others keep their objects", () => {
    const prev = styled({ a: node("#111111"), b: node("#222222"), c: node("#333333") });
    const next = styled({ a: node("#111111"), b: node("#999999"), c: node("#333333") });
    const { changes, styled: s } = diffStyled(prev, next);
    expect(changes.updateNodes).toEqual(["b"]);
    expect(changes.layout).toBe(false);
    expect(s.nodes.get("b")).toBe(next.nodes.get("b"));
    expect(s.nodes.get("a")).toBe(prev.nodes.get("a"));
  });

  it("moves, layer changes, adds and drops are reported as such", () => {
    const prev = styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333"), ba: edge("#444444") });
    const moved = diffStyled(prev, styled({ a: node("#111111", 1), b: node("#222222") }, { ab: edge("#333333"), ba: edge("#444444") })).changes;
    expect(moved).toMatchObject({ updateNodes: ["a"], layout: true });
    const top = diffStyled(prev, styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333", true), ba: edge("#444444") })).changes;
    expect(top).toMatchObject({ updateEdges: ["ab"], layout: true });
    const edgeColour = diffStyled(prev, styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333334"), ba: edge("#444444") })).changes;
    expect(edgeColour).toMatchObject({ updateEdges: ["ab"], layout: false });
    const gone = diffStyled(prev, styled({ a: node("#111111"), c: node("#555555") }, { ab: edge("#333333") })).changes;
    expect(gone).toMatchObject({ addNodes: ["c"], dropNodes: ["b"], addEdges: [], dropEdges: ["ba"], updateNodes: [], updateEdges: [] });
  });

  it("syncGraph with a renderer: an attribute-only frame writes in place and repaints only the changed items", () => {
    const g = new MultiDirectedGraph();
    const repainted: Array<{ nodes: string[]; edges: string[] }> = [];
    const repaint = (items: { nodes: string[]; edges: string[] }) => void repainted.push(items);
    let events = 0;
    g.on("nodeAttributesUpdated", () => events++);
    g.on("eachNodeAttributesUpdated", () => events++);
    syncGraph(g, styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333") }), repaint);
    expect(repainted).toEqual([]); // first frame: all adds
    expect(syncGraph(g, styled({ a: node("#111111"), b: node("#222222") }, { ab: edge("#333333") }), repaint)).toMatchObject({ added: 0, updated: 0, dropped: 0 });
    expect(repainted).toEqual([]); // nothing changed: nothing repainted
    const s = syncGraph(g, styled({ a: node("#111111"), b: node("#abcdef") }, { ab: edge("#333334") }), repaint);
    expect(s).toMatchObject({ added: 0, updated: 2, dropped: 0, needsRefresh: false });
    expect(repainted).toEqual([{ nodes: ["b"], edges: ["ab"] }]);
    expect(g.getNodeAttribute("b", "color")).toBe("#abcdef");
    expect(g.getEdgeAttribute("ab", "color")).toBe("#333334");
    expect(events).toBe(0); // no graph-wide event: sigma does not reprocess every node
  });

  it("syncGraph: a renderer that cannot repaint an item asks for a full refresh, the attributes are stored", () => {
    const g = new MultiDirectedGraph();
    const fail = () => {
      throw new Error("can't be repaint");
    };
    syncGraph(g, styled({ a: node("#111111") }), fail);
    expect(syncGraph(g, styled({ a: node("#222222") }), fail)).toMatchObject({ updated: 1, needsRefresh: true });
    expect(g.getNodeAttribute("a", "color")).toBe("#222222");
  });

  it("syncGraph: a move goes through graph events (the renderer re-indexes), not the repaint", () => {
    const g = new MultiDirectedGraph();
    const repainted: unknown[] = [];
    let events = 0;
    g.on("nodeAttributesUpdated", () => events++);
    syncGraph(g, styled({ a: node("#111111") }), (i) => void repainted.push(i));
    syncGraph(g, styled({ a: node("#111111", 3) }), (i) => void repainted.push(i));
    expect(repainted).toEqual([]);
    expect(events).toBe(1);
    expect(g.getNodeAttribute("a", "x")).toBe(3);
  });

  it(`syncGraph drops one by one up to ${32} edges and clears in bulk from 33`, () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const all = Object.fromEntries(ids.map((id) => [id, node("#111111")]));
    const edgesUpTo = (k: number) => Object.fromEntries(ids.slice(1, k + 1).map((id) => [`e${id}`, { ...edge("#333333"), source: "n0", target: id }]));
    for (const [drop, dropped] of [
      [32, 32], // one by one: exactly the dropped edges
      [33, 39], // bulk: every edge is dropped and the survivors re-added
    ] as const) {
      const g = new MultiDirectedGraph();
      syncGraph(g, styled(all, edgesUpTo(39)));
      const s = syncGraph(g, styled(all, edgesUpTo(39 - drop)));
      expect(s.dropped).toBe(dropped);
      expect(g.size).toBe(39 - drop);
    }
  });
});
