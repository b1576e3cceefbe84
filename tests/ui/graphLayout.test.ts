// Issue 12 part 2: big worlds grouped with drill-down, and the seeded force layout.
import { describe, expect, it } from "vitest";
import { COLLAPSED, GROUP_MIN_USERS, MAX_ROOM_GROUPS, displayNodeOf, drillBack, drillInto, groupUsers, isGroupId } from "../../src/ui/graph/grouping.ts";
import { forceLayout, idJitter, layoutClusters, type ClusterInput } from "../../src/ui/graph/forceLayout.ts";
import { buildGraphModel, FORCE_MIN_USERS, forceInputOf, graphAt, groupLabelSide } from "../../src/ui/graph/model.ts";
import { styleGraph } from "../../src/ui/graph/style.ts";
import { EVEN_HEIGHTS_FROM, hubId, layoutGraph, ringAngles } from "../../src/ui/graph/layout.ts";
import { answeredLayoutOf, forceLayoutOf, layoutKey } from "../../src/ui/graph/layoutClient.ts";
import type { Delivery } from "../../src/trace/types.ts";
import { delivery, makeTrace } from "../analysis/builders.ts";

const usersOn = (server: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `@u${from + i}:${server}`);

describe("grouping (big worlds)", () => {
  it(`groups nothing below ${GROUP_MIN_USERS} users and every server from ${GROUP_MIN_USERS} on`, () => {
    const two = (n: number) => new Map([["a.org", usersOn("a.org", n - Math.floor(n / 2))], ["b.org", usersOn("b.org", Math.floor(n / 2))]]);
    expect(groupUsers(["a.org", "b.org"], two(GROUP_MIN_USERS - 1), () => undefined)).toBeNull();
    const g = groupUsers(["a.org", "b.org"], two(GROUP_MIN_USERS), () => undefined)!;
    expect(g.groups.map((x) => [x.id, x.label, x.members.length])).toEqual([
      ["grp:a.org", "a.org · 150 users", 150],
      ["grp:b.org", "b.org · 150 users", 150],
    ]);
    expect(g.groupOf.get("@u3:b.org")).toBe("grp:b.org");
  });

  it("splits a server by room only when it holds more than half of the users", () => {
    const room = (u: string) => `!r${Number(u.slice(2, u.indexOf(":"))) % 3}:a.org`;
    // Exactly half: grouped by server.
    const half = groupUsers(["a.org", "b.org"], new Map([["a.org", usersOn("a.org", 200)], ["b.org", usersOn("b.org", 200)]]), room)!;
    expect(half.groups.map((g) => g.id)).toEqual(["grp:a.org", "grp:b.org"]);
    // One more user on a.org: a.org is split by room (largest first, ties in order of appearance).
    const most = groupUsers(["a.org", "b.org"], new Map([["a.org", usersOn("a.org", 201)], ["b.org", usersOn("b.org", 200)]]), room)!;
    expect(most.groups.map((g) => [g.id, g.members.length])).toEqual([
      ["grp:a.org\t!r0:a.org", 67],
      ["grp:a.org\t!r1:a.org", 67],
      ["grp:a.org\t!r2:a.org", 67],
      ["grp:b.org", 200],
    ]);
    expect(most.groups[0]!.label).toBe("!r0:a.org · 67 users");
  });

  it(`keeps at most ${MAX_ROOM_GROUPS} room groups; the rest and users without a room go to "other"`, () => {
    const users = usersOn("a.org", 400);
    // 20 rooms of 19 users (users 0..379), users 380..399 in no room.
    const room = (u: string) => {
      const n = Number(u.slice(2, u.indexOf(":")));
      return n < 380 ? `!r${Math.floor(n / 19)}:a.org` : undefined;
    };
    const g = groupUsers(["a.org"], new Map([["a.org", users]]), room)!;
    expect(g.groups.length).toBe(MAX_ROOM_GROUPS + 1);
    const other = g.groups[g.groups.length - 1]!;
    expect(other.id).toBe("grp:a.org");
    expect(other.label).toBe("a.org, other · 96 users");
    expect(other.members.length).toBe(4 * 19 + 20);
    expect(g.groups.reduce((n, x) => n + x.members.length, 0)).toBe(400);
  });

  it("drill-down: open a group, open it again (no change), back, collapse all", () => {
    const g = groupUsers(["a.org", "b.org"], new Map([["a.org", usersOn("a.org", 150)], ["b.org", usersOn("b.org", 150)]]), () => undefined)!;
    let d = drillInto(COLLAPSED, "grp:a.org");
    expect(drillInto(d, "grp:a.org")).toBe(d);
    expect(displayNodeOf(g, d, "@u1:a.org")).toBe("@u1:a.org");
    expect(displayNodeOf(g, d, "@u1:b.org")).toBe("grp:b.org");
    expect(displayNodeOf(g, COLLAPSED, "@u1:a.org")).toBe("grp:a.org");
    expect(displayNodeOf(null, COLLAPSED, "@u1:a.org")).toBe("@u1:a.org");
    d = drillInto(d, "grp:b.org");
    expect(d).toEqual(["grp:a.org", "grp:b.org"]);
    expect(drillBack(d)).toEqual(["grp:a.org"]);
    expect(drillBack(drillBack(d))).toEqual([]);
    expect(isGroupId("grp:a.org")).toBe(true);
    expect(isGroupId("@grp:a.org")).toBe(false);
  });
});

/** 2 servers × n users; each user i receives from user i+1 of its server (a chain) and from one user of the other server. */
function world(n: number) {
  const servers = ["a.org", "b.org"];
  const users = [...usersOn("a.org", n / 2), ...usersOn("b.org", n / 2, n / 2)];
  const deliveries: Delivery[] = [];
  users.forEach((u, i) => {
    const next = users[i + 1];
    if (next && next.endsWith(u.slice(u.indexOf(":")))) deliveries.push(delivery(i, next, u, ["room:!r" + Math.floor(i / 10) + ":x"]));
    deliveries.push(delivery(i + 0.5, users[(i + n / 2) % n]!, u, ["router"]));
  });
  return makeTrace({ servers, users, deliveries, end: 10 * n });
}

describe("graph view of a big world", () => {
  it("draws groups with counts, aggregates their edges with counts, and drills into one group", () => {
    const tr = world(400);
    const all = { drill: COLLAPSED, positions: null };
    const v = graphAt(tr, 1e9, undefined, 0, all);
    expect(v.nodes.filter((x) => x.kind === "group").map((x) => [x.id, x.count])).toEqual([
      ["grp:a.org", 200],
      ["grp:b.org", 200],
    ]);
    expect(v.nodes.some((x) => x.kind === "user")).toBe(false);
    const router = v.edges.filter((e) => e.kind === "router");
    expect(router.map((e) => [e.source, e.target, e.count]).sort()).toEqual([
      ["grp:a.org", "grp:b.org", 200],
      ["grp:b.org", "grp:a.org", 200],
    ]);
    // Loops inside a group are not drawn.
    expect([...styleGraph(v, null, false).edges.values()].some((e) => e.source === e.target)).toBe(false);
    // A hub whose users are one group is named by that group's label, not by its own.
    const styled = styleGraph(v, null, false).nodes;
    expect(styled.get(hubId("a.org"))!.label).toBe("");
    expect(styled.get("grp:a.org")!.label).toBe("a.org · 200 users");
    const open = graphAt(tr, 1e9, undefined, 0, { drill: ["grp:a.org"], positions: null });
    // Drilled into: its users are drawn, so its hub is labelled again; b.org is still a group.
    expect(styleGraph(open, null, false).nodes.get(hubId("a.org"))!.label).toBe("a.org");
    expect(styleGraph(open, null, false).nodes.get(hubId("b.org"))!.label).toBe("");
    expect(open.nodes.filter((x) => x.kind === "user").length).toBe(200);
    expect(open.nodes.filter((x) => x.kind === "group").map((x) => x.id)).toEqual(["grp:b.org"]);
    expect(open.edges.find((e) => e.source === "grp:b.org" && e.target === "@u0:a.org")!.count).toBe(1);
    // Without display options (tests, image export) every user is drawn.
    expect(graphAt(tr, 1e9).nodes.filter((x) => x.kind === "user").length).toBe(400);
  });

  it("places each group off its hub, outwards, with its label on the outer side", () => {
    const tr = world(400);
    const v = graphAt(tr, 1e9, undefined, 0, { drill: COLLAPSED, positions: null });
    const at = (id: string) => v.nodes.find((x) => x.id === id)!;
    expect(at("grp:a.org").x).toBeLessThan(at(hubId("a.org")).x);
    expect(at("grp:a.org").labelSide).toBe("left");
    expect(at("grp:b.org").x).toBeGreaterThan(at(hubId("b.org")).x);
    expect(at("grp:b.org").labelSide).toBe("right");
  });

  it("a group straight above or below its hub has its label above or below it; otherwise beside it, outwards", () => {
    const hub = { x: 10, y: 10 };
    // Within ±11.5° of the vertical (|dx| < 0.2 × the distance): above / below.
    expect(groupLabelSide({ x: 10, y: 20 }, hub)).toBe("above");
    expect(groupLabelSide({ x: 10, y: 0 }, hub)).toBe("below");
    const r = 10;
    const justIn = 0.2 * r - 1e-6;
    const justOut = 0.2 * r + 1e-6;
    const dy = (dx: number) => Math.sqrt(r * r - dx * dx);
    expect(groupLabelSide({ x: 10 + justIn, y: 10 + dy(justIn) }, hub)).toBe("above");
    expect(groupLabelSide({ x: 10 + justOut, y: 10 + dy(justOut) }, hub)).toBe("right");
    expect(groupLabelSide({ x: 10 - justOut, y: 10 - dy(justOut) }, hub)).toBe("left");
    expect(groupLabelSide({ x: 10 - justIn, y: 10 - dy(justIn) }, hub)).toBe("below");
    // Level with the hub, and on the hub itself (one group, no radius): beside it.
    expect(groupLabelSide({ x: 0, y: 10 }, hub)).toBe("left");
    expect(groupLabelSide({ x: 20, y: 10 }, hub)).toBe("right");
    expect(groupLabelSide(hub, hub)).toBe("right");
  });

  it(`spaces the hubs of ${EVEN_HEIGHTS_FROM} or more servers evenly in height, fewer evenly in angle`, () => {
    const below = EVEN_HEIGHTS_FROM - 1;
    ringAngles(below).forEach((a, i) => expect(a).toBeCloseTo(-Math.PI / 2 + (2 * Math.PI * i) / below, 12));
    for (const n of [EVEN_HEIGHTS_FROM, 20]) {
      const a = ringAngles(n);
      // Round the circle in display order: from the bottom up the right side, then down the left.
      for (let i = 1; i < n; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
      expect(a[0]).toBeCloseTo(-Math.PI / 2, 12);
      expect(a[n - 1]!).toBeLessThan((3 * Math.PI) / 2);
      const sines = a.map(Math.sin);
      // The first half of the way round (i / n ≤ 1/2) is the right side, the rest the left.
      const half = Math.floor(n / 2) + 1;
      a.forEach((x, i) => expect(Math.cos(x) * (i < half ? 1 : -1)).toBeGreaterThanOrEqual(-1e-12));
      // Each step up the right side, and down the left, is the same height: 4 / n of the radius.
      const right = sines.slice(0, half);
      const left = sines.slice(half);
      right.slice(1).forEach((y, i) => expect(y - right[i]!).toBeCloseTo(4 / n, 12));
      left.slice(1).forEach((y, i) => expect(left[i]! - y).toBeCloseTo(4 / n, 12));
      // Odd n: the top hub of each side at the same height; even n: one hub at the very top.
      expect(left[0]! - (n % 2 ? right.at(-1)! : right.at(-1)! - 4 / n)).toBeCloseTo(0, 12);
    }
    // At equal angles the two hubs next to the bottom one are 1 - cos(2π/n) of the radius above it.
    const even = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(-Math.PI / 2 + (2 * Math.PI * i) / n));
    expect(even(20)[1]! - even(20)[0]!).toBeLessThan(0.05);
    expect(Math.sin(ringAngles(20)[1]!) - Math.sin(ringAngles(20)[0]!)).toBeCloseTo(0.2, 12);
  });

  it("keeps neighbouring clusters as far apart on a ring of even heights as on one of even angles", () => {
    for (const n of [EVEN_HEIGHTS_FROM - 1, EVEN_HEIGHTS_FROM, 20]) {
      const servers = Array.from({ length: n }, (_, i) => `s${i}.org`);
      const users = new Map(servers.map((s) => [s, usersOn(s, 30)]));
      const pos = layoutGraph(servers, users);
      const hubs = servers.map((s) => pos.get(hubId(s))!);
      const gaps = hubs.map((h, i) => Math.hypot(h.x - hubs[(i + 1) % n]!.x, h.y - hubs[(i + 1) % n]!.y));
      // The closest neighbours are exactly "apart" (2 × cluster radius + 6): the ring is no bigger than it must be.
      const radius = Math.max(...usersOn("s0.org", 30).map((u) => Math.hypot(pos.get(u)!.x - hubs[0]!.x, pos.get(u)!.y - hubs[0]!.y)));
      expect(Math.min(...gaps)).toBeCloseTo(2 * radius + 6, 4);
      // Every user is nearer its own hub than any other.
      for (const [s, us] of users) {
        const own = pos.get(hubId(s))!;
        for (const u of us) {
          const p = pos.get(u)!;
          const d = Math.hypot(p.x - own.x, p.y - own.y);
          for (const h of hubs) if (h !== own) expect(Math.hypot(p.x - h.x, p.y - h.y)).toBeGreaterThan(d);
        }
      }
    }
  });

  it("20 servers grouped: the groups labelled on one side are evenly spaced in height, the top and bottom ones labelled above and below", () => {
    const servers = Array.from({ length: 20 }, (_, i) => `s${i}.org`);
    const users = servers.flatMap((s) => usersOn(s, 60));
    const deliveries = users.map((u, i) => delivery(i, users[(i + 60) % users.length]!, u, ["router"]));
    const tr = makeTrace({ servers, users, deliveries, end: 10 * users.length });
    const v = graphAt(tr, 1e9, undefined, 0, { drill: COLLAPSED, positions: null });
    const groups = v.nodes.filter((x) => x.kind === "group");
    expect(groups).toHaveLength(20);
    expect(groups.filter((g) => g.labelSide === "above" || g.labelSide === "below").map((g) => g.server).sort()).toEqual(["s0.org", "s10.org"]);
    const top = Math.max(...groups.map((g) => g.y));
    for (const side of ["left", "right"] as const) {
      const ys = groups.filter((g) => g.labelSide === side).map((g) => g.y).sort((a, b) => a - b);
      expect(ys).toHaveLength(9);
      // 9 groups a side, one step (a tenth of the height) apart: none crowds its neighbour.
      ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeCloseTo(top / 5, 2));
    }
  });

  it("uses the worker's positions for users when given", () => {
    const tr = world(400);
    const pos = new Map([["@u0:a.org", { x: 123, y: 4 }]]);
    const v = graphAt(tr, 1e9, undefined, 0, { drill: ["grp:a.org"], positions: pos });
    const u = v.nodes.find((x) => x.id === "@u0:a.org")!;
    expect([u.x, u.y, u.labelSide]).toEqual([123, 4, "right"]);
  });
});

describe("force layout (seeded, deterministic)", () => {
  it(`asks the worker only above ${FORCE_MIN_USERS} users`, () => {
    expect(forceInputOf(buildGraphModel(world(FORCE_MIN_USERS)))).toBeNull();
    const input = forceInputOf(buildGraphModel(world(FORCE_MIN_USERS + 2)))!;
    expect(input.map((c) => [c.hub.id, c.nodes.length])).toEqual([
      [hubId("a.org"), 31],
      [hubId("b.org"), 31],
    ]);
    // Same-server pairs only: the chain inside a.org (30 edges) plus 31 ties to the hub.
    expect(input[0]!.edges.length).toBe(31 + 30);
    expect(input[0]!.edges.every(([a, b]) => a.endsWith("a.org") && b.endsWith("a.org"))).toBe(true);
  });

  it("ties each same-server pair once, whichever way and however often presence went between them", () => {
    const base = world(FORCE_MIN_USERS + 2);
    const [u1, u2] = ["@u1:a.org", "@u2:a.org"];
    const extra = [delivery(9000, u1, u2, ["room:!z:x"]), delivery(9001, u2, u1, ["room:!z:x"]), delivery(9002, u1, u2, ["room:!z:x"]), delivery(9003, u1, u1, ["self"])];
    const more = makeTrace({ servers: base.scenario.servers, users: base.scenario.users, deliveries: [...base.deliveries, ...extra], end: base.scenario.end });
    const before = forceInputOf(buildGraphModel(base))![0]!.edges;
    const after = forceInputOf(buildGraphModel(more))![0]!.edges;
    // The chain already ties u1 and u2 (u2 → u1): nothing new; a new pair (u1, u3) adds one edge.
    expect(after).toEqual(before);
    const u3 = "@u3:a.org";
    const third = makeTrace({ servers: base.scenario.servers, users: base.scenario.users, deliveries: [...base.deliveries, delivery(9000, u3, u1, ["room:!z:x"]), delivery(9001, u1, u3, ["room:!z:x"])], end: base.scenario.end });
    const withThird = forceInputOf(buildGraphModel(third))![0]!.edges;
    expect(withThird.length).toBe(before.length + 1);
    expect(withThird[withThird.length - 1]).toEqual([u3, u1, 1]);
  });

  it("idJitter is a pure hash of the id in [-0.5, 0.5)", () => {
    expect(idJitter("@u1:a.org")).toBe(idJitter("@u1:a.org"));
    expect(idJitter("@u1:a.org")).not.toBe(idJitter("@u2:a.org"));
    expect(idJitter("@u1:a.org", 1)).not.toBe(idJitter("@u1:a.org", 2));
    for (let i = 0; i < 200; i++) {
      const j = idJitter(`@u${i}:x`);
      expect(j).toBeGreaterThanOrEqual(-0.5);
      expect(j).toBeLessThan(0.5);
    }
  });

  it("same input → the same positions, byte for byte; hubs stay where they were put", () => {
    const input = forceInputOf(buildGraphModel(world(200)))!;
    const a = layoutClusters(input);
    const b = layoutClusters(forceInputOf(buildGraphModel(world(200)))!);
    expect(JSON.stringify([...a])).toBe(JSON.stringify([...b]));
    for (const c of input) expect(a.get(c.hub.id)).toEqual({ x: c.hub.x, y: c.hub.y });
    // The force layout did move users.
    const u = input[0]!.nodes[5]!;
    expect(a.get(u.id)).not.toEqual({ x: u.x, y: u.y });
  });

  it("scales each cluster to its radius (95 % inside it, none beyond 1.15 ×) around its hub", () => {
    const input = forceInputOf(buildGraphModel(world(200)))!;
    const pos = layoutClusters(input);
    for (const c of input) {
      const d = c.nodes.map((n) => Math.hypot(pos.get(n.id)!.x - c.hub.x, pos.get(n.id)!.y - c.hub.y));
      expect(d.filter((x) => x <= c.radius + 1e-3).length).toBeGreaterThanOrEqual(Math.floor(0.95 * d.length));
      expect(Math.max(...d)).toBeLessThanOrEqual(1.15 * c.radius + 1e-3);
    }
  });

  it("forceLayout keeps fixed nodes fixed and pushes overlapping free nodes apart", () => {
    const c: ClusterInput = { hub: { id: "h", x: 0, y: 0, fixed: true }, radius: 1, nodes: [], edges: [], iterations: 1 };
    const p = forceLayout({ nodes: [c.hub, { id: "a", x: 1, y: 1, fixed: false }, { id: "b", x: 1, y: 1, fixed: false }], edges: [["a", "h", 1], ["b", "h", 1]], iterations: 50 });
    expect(p.get("h")).toEqual({ x: 0, y: 0 });
    expect(p.get("a")).not.toEqual(p.get("b"));
  });
});

describe("force layout requests (layoutClient): one per distinct input", () => {
  it("a new model of the same graph (a code edit that changed no delivery) reuses the layout in flight", () => {
    const a = forceLayoutOf(buildGraphModel(world(200)));
    expect(forceLayoutOf(buildGraphModel(world(200)))).toBe(a);
  });

  it("another graph asks again; small worlds never ask", async () => {
    const a = forceLayoutOf(buildGraphModel(world(200)));
    expect(forceLayoutOf(buildGraphModel(world(202)))).not.toBe(a);
    await expect(forceLayoutOf(buildGraphModel(world(FORCE_MIN_USERS)))).resolves.toBeNull();
  });

  it(`keeps the newest ${4} inputs: a fifth evicts the least recently used`, () => {
    const first = forceLayoutOf(buildGraphModel(world(300)));
    const old302 = forceLayoutOf(buildGraphModel(world(302)));
    for (const n of [304, 306]) forceLayoutOf(buildGraphModel(world(n)));
    expect(forceLayoutOf(buildGraphModel(world(300)))).toBe(first); // 4 kept: still there, and now the newest
    forceLayoutOf(buildGraphModel(world(308))); // evicts 302, the least recently used
    expect(forceLayoutOf(buildGraphModel(world(300)))).toBe(first);
    const again = forceLayoutOf(buildGraphModel(world(302)));
    expect(again).not.toBe(old302);
    expect(forceLayoutOf(buildGraphModel(world(302)))).toBe(again);
    expect(layoutKey(forceInputOf(buildGraphModel(world(302)))!)).not.toBe(layoutKey(forceInputOf(buildGraphModel(world(300)))!));
  });
});

describe("force layouts already answered (layoutClient.answeredLayoutOf): a re-run keeps the positions on screen", () => {
  // In Node there is no layout worker: a request answers null (the cluster layout stays),
  // which is still an answer; undefined means none has come for that input yet.
  it("unknown until the request for that input answers; then the answer, for every model of the same graph", async () => {
    const m = buildGraphModel(world(400));
    expect(answeredLayoutOf(m)).toBeUndefined();
    const p = forceLayoutOf(m);
    expect(answeredLayoutOf(m)).toBeUndefined(); // asked, not answered
    const pos = await p;
    expect(answeredLayoutOf(m)).toBe(pos);
    expect(answeredLayoutOf(buildGraphModel(world(400)))).toBe(pos); // a new trace of the same graph
    expect(answeredLayoutOf(buildGraphModel(world(402)))).toBeUndefined(); // another graph
  });

  it("a small world has no force layout: null at once", () => {
    expect(answeredLayoutOf(buildGraphModel(world(FORCE_MIN_USERS)))).toBeNull();
  });

  it("an evicted input is unknown again", async () => {
    const m = buildGraphModel(world(500));
    await forceLayoutOf(m);
    expect(answeredLayoutOf(m)).toBeNull();
    for (const n of [502, 504, 506, 508]) await forceLayoutOf(buildGraphModel(world(n)));
    expect(answeredLayoutOf(m)).toBeUndefined();
  });
});
