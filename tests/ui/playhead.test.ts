// viewAt (src/ui/graph/playhead.ts): the graph view computed incrementally while time
// moves forward must equal graphAt's from-scratch view at every time, in any order of
// times, and keep the objects of unchanged nodes and edges.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { graphAt } from "../../src/ui/graph/model.ts";
import { viewAt } from "../../src/ui/graph/playhead.ts";
import { DEFAULT_FILTERS, RECENT_WINDOW_MS, type GraphFilters } from "../../src/ui/graph/graphFilters.ts";
import { COLLAPSED } from "../../src/ui/graph/grouping.ts";
import { mulberry32 } from "../../src/engine/rng.ts";
import type { Delivery, TraceEvent } from "../../src/trace/types.ts";
import { delivery, gufs, makeTrace, rec, stateEv } from "../analysis/builders.ts";

const STATES = ["online", "unavailable", "offline", "org.matrix.msc3026.busy"];

/** n users on 2 servers, seeded random deliveries (sync and federation) and state changes over 100 s. */
function world(n: number, seed: number) {
  const rnd = mulberry32(seed);
  const servers = ["a.org", "b.org"];
  const users = Array.from({ length: n }, (_, i) => `@u${i}:${servers[i % 2]}`);
  const pick = () => users[Math.floor(rnd() * n)]!;
  const events: TraceEvent[] = [];
  const deliveries: Delivery[] = [];
  const last = new Map<string, string>();
  for (let k = 0; k < 3 * n; k++) {
    const at = Math.floor(rnd() * 100_000);
    const u = pick();
    const v = pick();
    if (k % 3 === 0) {
      const to = STATES[Math.floor(rnd() * STATES.length)]!;
      events.push(stateEv(at, u.slice(u.indexOf(":") + 1), u, last.get(u) ?? "offline", to));
      last.set(u, to);
    } else if (k % 7 === 0) deliveries.push(delivery(at, u, v.slice(v.indexOf(":") + 1), ["router"]));
    else deliveries.push(delivery(at, u, v, [rnd() < 0.5 ? "router" : `room:!r${k % 9}:a.org`], { state: STATES[k % 4]! }));
  }
  // A router decision that never delivered (drawn as a dashed decision edge).
  events.push(gufs(5_000, "a.org", [rec(users[0]!)], { [users[1]!]: [rec(users[0]!)] }));
  events.sort((a, b) => a.at - b.at);
  return makeTrace({ servers, users, events, deliveries, end: 100_000 });
}

const SMALL = world(40, 1);
const BIG = world(400, 2); // grouped (≥ 300 users)

describe("viewAt: graphAt, incrementally", () => {
  it("group labels: above and below for the groups at the top and bottom of a ring of servers, the same in both views", () => {
    const servers = ["a.org", "b.org", "c.org", "d.org"];
    const users = Array.from({ length: 800 }, (_, i) => `@u${i}:${servers[i % 4]}`);
    const tr = makeTrace({ servers, users, deliveries: users.slice(0, 8).map((u, i) => delivery(i, u, users[i + 8]!, ["router"])), end: 100_000 });
    const display = { drill: COLLAPSED, positions: null };
    const sides = (v: ReturnType<typeof graphAt>) => v.nodes.filter((n) => n.kind === "group").map((n) => n.labelSide).sort();
    const full = graphAt(tr, 50_000, DEFAULT_FILTERS, 0, display);
    expect(sides(full)).toEqual(["above", "below", "left", "right"]);
    expect(sides(viewAt(tr, 50_000, DEFAULT_FILTERS, 0, display))).toEqual(sides(full));
  });

  for (const [name, tr, display] of [
    ["40 users, every user drawn", SMALL, undefined],
    ["400 users, grouped", BIG, { drill: COLLAPSED, positions: null }],
    ["400 users, one group opened", BIG, { drill: ["grp:a.org"], positions: null }],
  ] as const) {
    it(`equals graphAt at every time of any sequence of times: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -1_000, max: 110_000 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (times, sorted) => {
          const ts = sorted ? [...times].sort((a, b) => a - b) : times;
          for (const t of ts) expect(viewAt(tr, t, DEFAULT_FILTERS, 0, display)).toEqual(graphAt(tr, t, DEFAULT_FILTERS, 0, display));
        }),
        { numRuns: 25, seed: 14 },
      );
    });
  }

  it("equals graphAt under a search and a via filter, and falls back for server and recent-only filters", () => {
    const filters: GraphFilters[] = [
      { ...DEFAULT_FILTERS, search: "u1" },
      { ...DEFAULT_FILTERS, vias: { ...DEFAULT_FILTERS.vias, router: false } },
      { ...DEFAULT_FILTERS, federation: false },
      { ...DEFAULT_FILTERS, servers: ["b.org"] },
      { ...DEFAULT_FILTERS, recentOnly: true },
    ];
    for (const f of filters) for (const t of [0, 20_000, 50_000, 99_999]) expect(viewAt(SMALL, t, f)).toEqual(graphAt(SMALL, t, f));
  });

  it(`an edge stays recent until exactly ${RECENT_WINDOW_MS} ms after its last delivery, and is not 1 ms later`, () => {
    const A = "@a:a.org";
    const B = "@b:a.org";
    const tr = makeTrace({ servers: ["a.org"], users: [A, B], deliveries: [delivery(1_000, A, B, ["router"])] });
    const at = (t: number) => viewAt(tr, t, DEFAULT_FILTERS).edges[0]!.recent;
    expect(at(1_000)).toBe(true);
    expect(at(1_000 + RECENT_WINDOW_MS - 1)).toBe(true);
    expect(at(1_000 + RECENT_WINDOW_MS)).toBe(false); // (time − window, time]: the delivery at time − window is out
    expect(at(1_000 + RECENT_WINDOW_MS + 1)).toBe(false);
  });

  it("a delivery at exactly the time is drawn, one 1 ms later is not; a state change at exactly the time applies", () => {
    const A = "@a:a.org";
    const B = "@b:a.org";
    const tr = makeTrace({ servers: ["a.org"], users: [A, B], events: [stateEv(2_000, "a.org", A, "offline", "online")], deliveries: [delivery(2_000, A, B, ["router"])] });
    const v1 = viewAt(tr, 1_999, DEFAULT_FILTERS);
    expect(v1.edges).toHaveLength(0);
    expect(v1.nodes.find((n) => n.id === A)!.state).toBe("offline");
    const v2 = viewAt(tr, 2_000, DEFAULT_FILTERS);
    expect(v2.edges).toHaveLength(1);
    expect(v2.nodes.find((n) => n.id === A)!.state).toBe("online");
  });

  it("keeps the objects of nodes and edges that did not change between two times", () => {
    const t0 = 50_000;
    const a = viewAt(SMALL, t0, DEFAULT_FILTERS);
    const b = viewAt(SMALL, t0 + 1, DEFAULT_FILTERS);
    const changed = graphAt(SMALL, t0 + 1, DEFAULT_FILTERS);
    expect(b).toEqual(changed);
    // Between t0 and t0 + 1 ms nothing happened in this world except edges leaving the recent window.
    const same = b.nodes.filter((n, i) => n === a.nodes[i]);
    expect(same).toHaveLength(a.nodes.length);
    const stillRecent = b.edges.filter((e) => e.recent === a.edges.find((x) => x.key === e.key)!.recent);
    expect(b.edges.filter((e, i) => e === a.edges[i])).toHaveLength(stillRecent.length);
  });
});
