import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { graphAt } from "../../src/ui/graph/model.ts";
import { DEFAULT_FILTERS } from "../../src/ui/graph/graphFilters.ts";
import { styleGraph, STATE_COLORS } from "../../src/ui/graph/style.ts";
import { syncGraph } from "../../src/ui/graph/syncGraph.ts";
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
    const at = (t: number) => syncGraph(g, styleGraph(graphAt(big, t, DEFAULT_FILTERS), null, false), false);
    at(10000);
    expect(g.size).toBe(100);
    const back = at(95);
    expect(back.dropped).toBe(100); // cleared in bulk
    expect(g.size).toBe(10);
    expect(g.order).toBe(101);
    const fresh = new MultiDirectedGraph();
    syncGraph(fresh, styleGraph(graphAt(big, 95, DEFAULT_FILTERS), null, false), false);
    expect(g.export()).toEqual(fresh.export());
  });

  it("syncGraph drops nodes of servers filtered out", () => {
    const g = new MultiDirectedGraph();
    syncGraph(g, styleGraph(graphAt(tr, 20000, DEFAULT_FILTERS), null, false), false);
    const only = { ...DEFAULT_FILTERS, servers: ["b.org"] };
    syncGraph(g, styleGraph(graphAt(tr, 20000, only), null, false), false);
    expect(g.order).toBe(0); // tr has no b.org
  });
});

