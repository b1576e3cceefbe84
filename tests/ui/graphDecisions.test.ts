// Graph drawing of router decisions, run-diff highlights and the cluster layout (pure parts).
import { describe, expect, it } from "vitest";
import { graphAt } from "../../src/ui/graph/model.ts";
import { styleGraph } from "../../src/ui/graph/style.ts";
import { hubId, layoutGraph } from "../../src/ui/graph/layout.ts";
import { OUTCOME_LOOKS } from "../../src/ui/graph/decisionStyle.ts";
import { callbackLine, edgeDetail, edgeEnds } from "../../src/ui/graph/edgeDetail.ts";
import { delivery, gufs, makeTrace, rec } from "../analysis/builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";
const Z = "@zed:a.org"; // not in the scenario
const a = rec(A);
const tr = makeTrace({
  servers: ["a.org"],
  users: [A, B, C],
  events: [gufs(1000, "a.org", [a], { [C]: [a], [Z]: [a] })],
  deliveries: [delivery(2000, A, B, ["room:!r:a.org"])],
});

describe("graph: undelivered decisions", () => {
  it("R31 a routed user with no sync gets a dashed no_sync edge and a flag; an unknown target gets a node and a dashed edge", () => {
    const v = graphAt(tr, 5000);
    expect(v.decisions.map((d) => [d.source, d.target, d.outcome])).toEqual([
      [A, C, "no_sync"],
      [A, Z, "unknown_target"],
    ]);
    expect(v.nodes.find((n) => n.id === Z)?.missing).toBe(true);
    expect(v.flags.map((f) => f.kind)).toEqual(["no_sync", "unknown_target"]);
    const s = styleGraph(v, null, false);
    const e = s.edges.get(`decision\t${A}\t${C}`)!;
    expect([e.dashSize, e.gapSize, e.dashColor, e.color]).toEqual([OUTCOME_LOOKS.no_sync.dash, OUTCOME_LOOKS.no_sync.gap, OUTCOME_LOOKS.no_sync.color, "#00000000"]);
    expect(s.nodes.get(C)!.label).toBe(`${C} ⚠ no sync`);
    const solid = [...s.edges.values()].find((x) => x.source === A && x.target === B)!;
    expect(solid.dashSize).toBe(0);
  });

  it("a decision appears at its router call's time, not before (boundary: exactly at and 1 ms before)", () => {
    expect(graphAt(tr, 1000).decisions.length).toBe(2);
    expect(graphAt(tr, 999).decisions.length).toBe(0);
    expect(graphAt(tr, 999).flags.length).toBe(0);
  });

  it("run diff: added pairs are highlighted on top, removed pairs drawn as dashed ghost edges", () => {
    const s = styleGraph(graphAt(tr, 5000), null, false, { added: [[A, B]], removed: [[B, C], [B, Z]] });
    const added = [...s.edges.values()].find((x) => x.source === A && x.target === B)!;
    expect(added.top).toBe(true);
    const ghost = s.edges.get(`removed\t${B}\t${C}`)!;
    expect(ghost.dashSize).toBeGreaterThan(0);
    expect(s.edges.has(`removed\t${B}\t${Z}`)).toBe(true); // Z is on screen as a missing node
    expect(styleGraph(graphAt(tr, 5000), null, false, { added: [], removed: [[B, "@nobody:a.org"]] }).edges.size).toBe(3);
  });

  it("edge detail: the router calls behind a pair with the line of the callback in the module", () => {
    const src = "export default class R {\n  constructor(_c: unknown, api: any) {\n    api.register_presence_router_callbacks({\n      get_users_for_states: async (s) => new Map(),\n";
    expect(callbackLine(src, "get_users_for_states")).toEqual({ line: 4, column: 7 });
    expect(edgeEnds(`decision\t${A}\t${C}`)).toEqual({ from: A, to: C });
    const d = edgeDetail(tr, `decision\t${A}\t${C}`, 5000, { "router.ts": src })!;
    expect(d.calls.map((c) => c.loc)).toEqual([{ file: "router.ts", line: 4, column: 7 }]);
    expect(edgeDetail(tr, `decision\t${A}\t${C}`, 999, {})!.calls).toEqual([]);
  });
});

describe("graph: cluster layout", () => {
  it("two servers side by side; users on fans opening away from each other, labels outwards", () => {
    const p = layoutGraph(["a.org", "b.org"], new Map([["a.org", [A, B]], ["b.org", ["@x:b.org", "@y:b.org"]]]));
    expect(p.get(hubId("a.org"))!.x).toBeLessThan(p.get(hubId("b.org"))!.x);
    for (const u of [A, B]) expect([p.get(u)!.side, p.get(u)!.x < p.get(hubId("a.org"))!.x]).toEqual(["left", true]);
    for (const u of ["@x:b.org", "@y:b.org"]) expect([p.get(u)!.side, p.get(u)!.x > p.get(hubId("b.org"))!.x]).toEqual(["right", true]);
  });

  it("2,000 users on 4 servers: neighbours on a ring keep their spacing and clusters do not overlap", () => {
    const servers = ["s0", "s1", "s2", "s3"];
    const users = new Map(servers.map((s) => [s, Array.from({ length: 500 }, (_, i) => `@u${i}:${s}`)]));
    const p = layoutGraph(servers, users);
    const d = (u: string, v: string) => Math.hypot(p.get(u)!.x - p.get(v)!.x, p.get(u)!.y - p.get(v)!.y);
    expect(d("@u0:s0", "@u1:s0")).toBeGreaterThanOrEqual(0.9 - 1e-6);
    // Every user is nearer its own hub than any other hub.
    for (const s of servers)
      for (const u of users.get(s)!) for (const o of servers) if (o !== s) expect(d(u, hubId(s))).toBeLessThan(d(u, hubId(o)));
  });
});
