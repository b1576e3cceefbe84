import { describe, expect, it } from "vitest";
import { buildGraphModel, graphAt, visibleEdges } from "../../src/ui/graph/model.ts";
import { DEFAULT_FILTERS, type GraphFilters } from "../../src/ui/graph/graphFilters.ts";
import { layoutGraph, hubId } from "../../src/ui/graph/layout.ts";
import { strongestVia } from "../../src/ui/graph/via.ts";
import type { Delivery } from "../../src/trace/types.ts";
import { delivery, makeTrace, stateEv } from "../analysis/builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:b.org";

function small() {
  return makeTrace({
    servers: ["a.org", "b.org"],
    users: [A, B, C],
    events: [stateEv(0, "a.org", A, "offline", "online"), stateEv(30000, "a.org", A, "online", "unavailable"), stateEv(5000, "b.org", A, "offline", "online")],
    deliveries: [
      delivery(0, A, A, ["self"]),
      delivery(1000, A, B, ["room:!r:a.org"]),
      delivery(2000, A, B, ["room:!r:a.org", "router"]),
      delivery(2500, A, "b.org", ["router"]),
      delivery(5000, A, C, ["router"]),
      delivery(40000, A, B, ["room:!r:a.org"]),
    ],
  });
}

const f = (p: Partial<GraphFilters>): GraphFilters => ({ ...DEFAULT_FILTERS, ...p });

describe("graph model", () => {
  it("strongest via: router > module_api > join > room > self", () => {
    expect(strongestVia(["self", "room:!x:a", "router"])).toBe("router");
    expect(strongestVia(["room:!x:a", "join"])).toBe("join");
    expect(strongestVia(["self", "module_api", "room:!x"])).toBe("module_api");
    expect(strongestVia(["self"])).toBe("self");
    expect(strongestVia(["weird"])).toBeNull();
    expect(strongestVia(["router", "room:!x"], { ...DEFAULT_FILTERS.vias, router: false })).toBe("room");
  });

  it("nodes: one hub per server plus users grouped by server", () => {
    const m = buildGraphModel(small());
    expect(m.nodes.map((n) => n.id)).toEqual([hubId("a.org"), hubId("b.org"), A, B, C]);
    expect(m.nodes.find((n) => n.id === C)!.server).toBe("b.org");
  });

  it("prepared deliveries: in time order, ties in trace order; a trace already in order keeps it", () => {
    const inOrder = buildGraphModel(small());
    expect(inOrder.prepared.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const shuffled = makeTrace({ servers: ["a.org"], users: [A, B], deliveries: [delivery(300, A, B, ["self"]), delivery(100, A, B, ["self"]), delivery(300, B, A, ["self"]), delivery(100, B, A, ["self"]), delivery(200, A, A, ["self"])] });
    expect(buildGraphModel(shuffled).prepared.map((p) => p.index)).toEqual([1, 3, 4, 0, 2]);
    const equalTimes = makeTrace({ servers: ["a.org"], users: [A, B], deliveries: [delivery(100, A, B, ["self"]), delivery(100, B, A, ["self"])] });
    expect(buildGraphModel(equalTimes).prepared.map((p) => p.index)).toEqual([0, 1]);
  });

  it("a via list shared by deliveries gives each the same mask as lists of their own", () => {
    const shared = ["room:!r:a.org", "router"];
    const t = makeTrace({ servers: ["a.org"], users: [A, B], deliveries: [delivery(0, A, B, shared), delivery(1, B, A, shared), delivery(2, A, B, ["room:!r:a.org", "router"]), delivery(3, A, B, ["self"])] });
    const masks = buildGraphModel(t).prepared.map((p) => p.mask);
    const bit = (k: string) => 1 << ["router", "module_api", "join", "room", "self"].indexOf(k);
    expect(masks).toEqual([bit("router") | bit("room"), bit("router") | bit("room"), bit("router") | bit("room"), bit("self")]);
  });

  it("adds users and servers that only appear in deliveries", () => {
    const t = makeTrace({ servers: ["a.org"], users: [A], deliveries: [delivery(0, "@x:c.org", A, ["router"]), delivery(0, A, "d.org", ["router"])] });
    const m = buildGraphModel(t);
    expect(m.servers).toEqual(["a.org", "c.org", "d.org"]);
    expect(m.nodes.map((n) => n.id)).toContain("@x:c.org");
  });

  it("R55 edges up to time t aggregate sync deliveries per (source, viewer, kind) and keep all vias", () => {
    const tr = small();
    const at2 = visibleEdges(tr, 2000);
    expect(at2.map((e) => [e.source, e.target, e.kind, e.count])).toEqual([
      [A, A, "self", 1],
      [A, B, "room", 1],
      [A, B, "router", 1],
    ]);
    const all = visibleEdges(tr, 60000);
    const room = all.find((e) => e.kind === "room")!;
    expect(room.count).toBe(2);
    expect(room.first).toBe(1000);
    expect(room.last).toBe(40000);
    expect(all.find((e) => e.kind === "router" && e.target === B)!.vias).toEqual(["room:!r:a.org", "router"]);
  });

  it("R33 federation deliveries are server → server edges", () => {
    const e = visibleEdges(small(), 3000).find((x) => x.transport === "federation")!;
    expect([e.source, e.target, e.kind]).toEqual([hubId("a.org"), hubId("b.org"), "router"]);
    expect(visibleEdges(small(), 3000, f({ federation: false })).some((x) => x.transport === "federation")).toBe(false);
  });

  it("filters: reasons, servers, search, recent only", () => {
    const tr = small();
    const noRouter = visibleEdges(tr, 60000, f({ vias: { ...DEFAULT_FILTERS.vias, router: false } }));
    // The room+router delivery falls back to room; the router-only ones disappear.
    expect(noRouter.map((e) => e.kind).sort()).toEqual(["room", "self"]);
    expect(noRouter.find((e) => e.kind === "room")!.count).toBe(3);
    const onlyB = visibleEdges(tr, 60000, f({ servers: ["b.org"] }));
    expect(onlyB.map((e) => e.target)).toEqual([hubId("b.org"), C]);
    expect(visibleEdges(tr, 60000, f({ search: "CAROL" })).map((e) => e.target)).toEqual([C]);
    const recent = visibleEdges(tr, 41000, f({ recentOnly: true }));
    expect(recent.map((e) => [e.kind, e.count])).toEqual([["room", 1]]);
    expect(visibleEdges(tr, 41000).find((e) => e.kind === "router" && e.target === B)!.recent).toBe(false);
  });

  it("R4 node state at time t comes from the user's own server", () => {
    const tr = small();
    const state = (t: number) => graphAt(tr, t).nodes.find((n) => n.id === A)!.state;
    expect(state(-1)).toBe("offline");
    expect(state(0)).toBe("online");
    expect(state(29999)).toBe("online");
    expect(state(30000)).toBe("unavailable");
    // b.org's copy of alice never drives her node.
    expect(graphAt(tr, 10000).nodes.find((n) => n.id === C)!.state).toBe("offline");
  });

  it("graphAt counts deliveries up to time and limits nodes to chosen servers", () => {
    const v = graphAt(small(), 2500, f({ servers: ["a.org"] }));
    expect(v.deliveries).toBe(4);
    expect(v.nodes.map((n) => n.id)).toEqual([hubId("a.org"), A, B]);
  });

  it("layout is deterministic and keeps clusters apart", () => {
    const users = new Map([["a.org", [A, B]], ["b.org", [C]]]);
    const p1 = layoutGraph(["a.org", "b.org"], users);
    const p2 = layoutGraph(["a.org", "b.org"], users);
    expect([...p1.entries()]).toEqual([...p2.entries()]);
    expect(layoutGraph(["a.org", "b.org"], users, 7).get(A)).not.toEqual(p1.get(A));
    const hubA = p1.get(hubId("a.org"))!;
    const hubB = p1.get(hubId("b.org"))!;
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    expect(d(p1.get(A)!, hubA)).toBeLessThan(d(p1.get(A)!, hubB));
    expect(d(p1.get(C)!, hubB)).toBeLessThan(d(p1.get(C)!, hubA));
  });

  it("handles 2,000 users and 20,000 deliveries with aggregated edges and identical positions", () => {
    const servers = ["s0.org", "s1.org", "s2.org", "s3.org"];
    const users = Array.from({ length: 2000 }, (_, i) => `@u${i}:${servers[i % 4]}`);
    const deliveries: Delivery[] = [];
    for (let i = 0; i < 20000; i++) {
      const src = users[(i * 7) % 2000]!;
      const viewer = users[(i * 13 + 1) % 50]!; // few viewers: many parallel deliveries
      deliveries.push(delivery(i * 10, src, viewer, i % 3 === 0 ? ["router"] : ["room:!big:s0.org"]));
    }
    const mk = () => makeTrace({ servers, users, deliveries, end: 200000 });
    const t1 = mk();
    const v = graphAt(t1, 200000);
    expect(v.nodes.length).toBe(2004);
    expect(v.deliveries).toBe(20000);
    expect(v.edges.reduce((s, e) => s + e.count, 0)).toBe(20000);
    expect(v.edges.length).toBeLessThan(20000);
    const pos = (t: typeof t1) => buildGraphModel(t).nodes.map((n) => [n.id, n.x, n.y]);
    expect(pos(mk())).toEqual(pos(t1));
    expect(graphAt(t1, 99995).deliveries).toBe(10000);
  });
});
