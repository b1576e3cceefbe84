import { describe, expect, it } from "vitest";
import { checkConsistency } from "../../src/analysis/consistency.ts";
import { combinedRouterCalls } from "../../src/analysis/routerCalls.ts";
import { delivery, gis, gufs, makeTrace, rec, syncEv } from "./builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";
const R = "@rita:b.org";
const servers = ["a.org", "b.org"];
const users = [A, B, C, R];

describe("consistency: router calls", () => {
  it("R61/R62 combine one call's events from several modules", () => {
    const t = makeTrace({
      servers,
      users,
      events: [
        gis(0, "a.org", B, [A], "m1.ts"),
        gis(0, "a.org", B, [C], "m2.ts"),
        gis(0, "a.org", B, "ALL", "m1.ts"), // same module again: a new call
        gufs(5, "a.org", [rec(A)], { [B]: [rec(A)] }, "m1.ts"),
        gufs(5, "a.org", [rec(A)], null, "m2.ts"), // failing module adds nothing (R61)
      ],
    });
    const calls = combinedRouterCalls(t);
    expect(calls.length).toBe(3);
    expect(calls[0]!.callback === "get_interested_users" && [...(calls[0]!.result as Set<string>)]).toEqual([A, C]);
    expect(calls[1]!.callback === "get_interested_users" && calls[1]!.result).toBe("ALL");
    const m = calls[2]!;
    expect(m.callback === "get_users_for_states" && [...m.result.keys()]).toEqual([B]);
    expect(m.modules).toEqual(["m1.ts", "m2.ts"]);
  });
});

describe("consistency: which events are one call", () => {
  /** The modules of each combined call, in order. */
  const grouping = (events: Parameters<typeof makeTrace>[0]["events"]) =>
    combinedRouterCalls(makeTrace({ servers, users, events })).map((c) => c.modules.join("+"));

  it("a second module joins only at the same time, on the same server, for the same callback and input", () => {
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(0, "a.org", B, [C], "m2")])).toEqual(["m1+m2"]);
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(1, "a.org", B, [C], "m2")])).toEqual(["m1", "m2"]);
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(0, "b.org", B, [C], "m2")])).toEqual(["m1", "m2"]);
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(0, "a.org", C, [A], "m2")])).toEqual(["m1", "m2"]);
    // get_interested_users' input is the user id; get_users_for_states' the records.
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gufs(0, "a.org", [rec(B)], {}, "m2")])).toEqual(["m1", "m2"]);
    expect(grouping([gufs(0, "a.org", [rec(B)], {}, "m1"), gis(0, "a.org", B, [A], "m2")])).toEqual(["m1", "m2"]);
    // Even with the same input (a trace from elsewhere may carry a string for either).
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gufs(0, "a.org", [], {}, "m2", { input: B })])).toEqual(["m1", "m2"]);
  });

  it("inputs are compared by value, whether or not the events share one array", () => {
    const shared = [rec(A)];
    expect(grouping([gufs(0, "a.org", shared, {}, "m1"), gufs(0, "a.org", shared, {}, "m2")])).toEqual(["m1+m2"]);
    expect(grouping([gufs(0, "a.org", [rec(A)], {}, "m1"), gufs(0, "a.org", [rec(A)], {}, "m2")])).toEqual(["m1+m2"]);
    expect(grouping([gufs(0, "a.org", [rec(A)], {}, "m1"), gufs(0, "a.org", [rec(A, "offline")], {}, "m2")])).toEqual(["m1", "m2"]);
    expect(grouping([gufs(0, "a.org", [rec(A)], {}, "m1"), gufs(0, "a.org", [rec(A), rec(B)], {}, "m2")])).toEqual(["m1", "m2"]);
  });

  it("the same module again, or anything after ALL_USERS, starts a new call", () => {
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(0, "a.org", B, [A], "m1")])).toEqual(["m1", "m1"]);
    expect(grouping([gis(0, "a.org", B, "ALL", "m1"), gis(0, "a.org", B, [A], "m2")])).toEqual(["m1", "m2"]);
    expect(grouping([gis(0, "a.org", B, [A], "m1"), gis(0, "a.org", B, "ALL", "m2"), gis(0, "a.org", B, [C], "m3")])).toEqual(["m1+m2", "m3"]);
    // Only get_interested_users stops at ALL: a mapping that names "ALL" as a key does not.
    expect(grouping([gufs(0, "a.org", [rec(A)], { ALL: [rec(A)] }, "m1"), gufs(0, "a.org", [rec(A)], {}, "m2")])).toEqual(["m1+m2"]);
  });
});

describe("consistency: findings", () => {
  it("R64 a symmetric router gives zero findings", () => {
    const t = makeTrace({
      servers,
      users,
      events: [
        gufs(0, "a.org", [rec(A)], { [B]: [rec(A)] }),
        gis(100, "a.org", B, [A]),
        syncEv(100, "a.org", B, [A]),
        gufs(200, "a.org", [rec(C)], { [A]: [rec(C)], [C]: [rec(C)] }),
        gis(300, "a.org", A, [C]),
      ],
    });
    expect(checkConsistency(t)).toEqual([]);
  });

  it("R31/R50/S6 woken_not_visible: mapped for wake-up but not listed as interesting", () => {
    const t = makeTrace({
      servers,
      users,
      events: [gis(0, "a.org", B, []), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }, "team.ts")],
    });
    const f = checkConsistency(t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", kind: "woken_not_visible", server: "a.org", viewer: B, source: A, module: "team.ts", example: { event: 1, at: 1000 } });
    expect(f[0]!.message).toContain(`${B} would be woken for ${A}'s update`);
    expect(f[0]!.message).toContain("its latest call, at +00:00.000");
  });

  it("woken_not_visible judges by the next interest call (the woken sync's), else the latest before", () => {
    // A dynamic router that lists Alice by the time Bob's sync re-evaluates: consistent.
    const dynamic = makeTrace({ servers, users, events: [gis(0, "a.org", B, []), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }), gis(5000, "a.org", B, [A])] });
    expect(checkConsistency(dynamic)).toEqual([]);
    const next = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }), gis(5000, "a.org", B, [C])] });
    expect(checkConsistency(next).filter((x) => x.kind === "woken_not_visible")[0]!.message).toContain("its next call, at +00:05.000");
    const only = makeTrace({ servers, users, events: [gis(0, "a.org", B, [C]), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(only).filter((x) => x.kind === "woken_not_visible")[0]!.message).toContain("none came after this update");
  });

  it("woken_not_visible is silenced by a shared room (from deliveries or scenario rooms) and by ALL", () => {
    const events = [gis(0, "a.org", B, []), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] })];
    const viaDelivery = makeTrace({ servers, users, events, deliveries: [delivery(500, A, B, ["room:!r:a.org"])] });
    expect(checkConsistency(viaDelivery)).toEqual([]);
    const plain = makeTrace({ servers, users, events });
    expect(checkConsistency(plain, { rooms: [{ id: "!r:a.org", members: [A, B] }] })).toEqual([]);
    // R74: an excluded room does not count as sharing.
    expect(checkConsistency(plain, { rooms: [{ id: "!r:a.org", members: [A, B] }], excludedRooms: { "a.org": ["!r:a.org"] } })).toHaveLength(1);
    const all = makeTrace({ servers, users, events: [gis(0, "a.org", B, "ALL"), gufs(1, "a.org", [rec(A)], { [B]: [rec(A)] }), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(all).filter((x) => x.kind === "woken_not_visible")).toEqual([]);
  });

  it("no evidence, no finding: a viewer who never syncs has no interest call", () => {
    const t = makeTrace({ servers, users, events: [gufs(0, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(t)).toEqual([]);
  });

  it("R31/R49 visible_not_woken: listed as interesting but never mapped for wake-up", () => {
    const t = makeTrace({
      servers,
      users,
      events: [gis(0, "a.org", B, [A, C]), gufs(1000, "a.org", [rec(A)], { [A]: [rec(A)] }), gufs(2000, "a.org", [rec(C)], { [B]: [rec(C)] })],
    });
    const f = checkConsistency(t);
    expect(f.map((x) => [x.kind, x.viewer, x.source])).toEqual([["visible_not_woken", B, A]]);
    expect(f[0]!.message).toContain("is not woken for their update at +00:01.000");
    expect(f[0]!.example).toEqual({ event: 1, at: 1000 });
  });

  it("visible_not_woken needs an update of the source after the interest was shown", () => {
    expect(checkConsistency(makeTrace({ servers, users, events: [gis(0, "a.org", B, [A])] }))).toEqual([]);
    // Alice's only update came before Bob's interest (a router that started watching later).
    const before = makeTrace({ servers, users, events: [gufs(0, "a.org", [rec(A)], {}), gis(100, "a.org", B, [A])] });
    expect(checkConsistency(before)).toEqual([]);
    // Every later update of Alice's is routed to Bob: he is woken for her.
    const routed = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gufs(20, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(routed)).toEqual([]);
  });

  it("visible_not_woken compares the callbacks at each update's moment (R64)", () => {
    // An update left unrouted while Bob's interest listed Alice is reported, even though a later one is routed.
    const once = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gufs(10, "a.org", [rec(A)], {}), gufs(20, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(once).map((x) => [x.kind, x.example.event])).toEqual([["visible_not_woken", 1]]);
    // Interest withdrawn before the update: no longer a disagreement.
    const withdrawn = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gis(5, "a.org", B, []), gufs(10, "a.org", [rec(A)], {})] });
    expect(checkConsistency(withdrawn)).toEqual([]);
    // Interest that starts later (a target registered later): the earlier unrouted update is not held against it.
    const later = makeTrace({ servers, users, events: [gis(0, "a.org", B, []), gufs(10, "a.org", [rec(A)], {}), gis(20, "a.org", B, [A]), gufs(30, "a.org", [rec(A)], { [B]: [rec(A)] })] });
    expect(checkConsistency(later)).toEqual([]);
    // Interest that changes at the update itself: the call right after decides too.
    const changing = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gufs(10, "a.org", [rec(A)], {}), gis(10, "a.org", B, [])] });
    expect(checkConsistency(changing)).toEqual([]);
  });

  it("R51 visible_not_woken on the ALL path: sync-time mapping only", () => {
    const t = makeTrace({
      servers,
      users,
      events: [
        gis(100, "a.org", B, "ALL"),
        gufs(100, "a.org", [rec(A)], { [B]: [rec(A)] }), // sync path of B: B sees A
        gufs(200, "a.org", [rec(A)], {}), // A's next update wakes nobody
      ],
    });
    const f = checkConsistency(t);
    expect(f.map((x) => [x.kind, x.viewer, x.source, x.example.event])).toEqual([["visible_not_woken", B, A, 2]]);
  });

  it("S8/R51 all_without_mapping: ALL without a key for the user is an error", () => {
    const t = makeTrace({
      servers,
      users,
      events: [gis(100, "a.org", B, "ALL", "all.ts"), gufs(100, "a.org", [rec(A)], { [A]: [rec(A)] }), syncEv(100, "a.org", B, [], { status: 500, errcode: "M_UNKNOWN", message: "KeyError" })],
    });
    const f = checkConsistency(t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", kind: "all_without_mapping", viewer: B, source: "*", module: "all.ts", example: { event: 1, at: 100 } });
    expect(f[0]!.message).toContain(`Sync for ${B} will fail (HTTP 500)`);
  });

  it("S8 a failed sync alone is evidence, and an ALL path with the key is fine", () => {
    const t = makeTrace({ servers, users, events: [gis(100, "a.org", B, "ALL"), syncEv(100, "a.org", B, [], { status: 500, errcode: "M_UNKNOWN", message: "x" })] });
    expect(checkConsistency(t).map((x) => [x.kind, x.example.event])).toEqual([["all_without_mapping", 1]]);
    const ok = makeTrace({ servers, users, events: [gis(100, "a.org", B, "ALL"), gufs(100, "a.org", [rec(B)], { [B]: [rec(B)] })] });
    expect(checkConsistency(ok)).toEqual([]);
  });

  it("R34 remote_record_to_federation: a remote key given a remote user's record", () => {
    const t = makeTrace({
      servers,
      users,
      events: [
        // Call #1 with a remote record in the input: remote keys are ignored there.
        gufs(0, "a.org", [rec(R)], { "@x:c.org": [rec(R)] }),
        // Call #2 shape (local inputs only): federated → Synapse raises.
        gufs(10, "a.org", [rec(A)], { "@x:c.org": [rec(A), rec(R)] }, "copy.ts"),
        gufs(20, "a.org", [rec(A)], { "@x:c.org": [rec(R)] }, "copy.ts"),
      ],
    });
    const f = checkConsistency(t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", kind: "remote_record_to_federation", server: "a.org", viewer: "@x:c.org", source: R, module: "copy.ts", example: { event: 1, at: 10 } });
    expect(f[0]!.message).toContain("Synapse will raise when sending this over federation");
  });

  it("R68 remote target on the ALL path: non-offline remote records raise, missing key raises", () => {
    const t = makeTrace({
      servers,
      users,
      events: [gis(0, "a.org", R, "ALL"), gufs(0, "a.org", [rec(A), rec(R)], { [R]: [rec(A), rec(R)] }), gis(50, "a.org", R, "ALL"), gufs(50, "a.org", [rec(A)], {})],
    });
    const f = checkConsistency(t);
    expect(f.map((x) => [x.kind, x.viewer, x.source])).toEqual([
      ["remote_record_to_federation", R, R],
      ["all_without_mapping", R, "*"],
    ]);
    expect(f[1]!.message).toContain("send_local_online_presence_to");
  });

  it("findings are deduplicated per (kind, server, viewer, source) and deterministic", () => {
    const events = [gis(0, "a.org", B, []), gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }), gufs(2000, "a.org", [rec(A)], { [B]: [rec(A)] }), gis(3000, "a.org", C, "ALL"), gufs(3000, "a.org", [], {})];
    const t = makeTrace({ servers, users, events });
    const f = checkConsistency(t);
    expect(f.map((x) => [x.severity, x.kind, x.example.event])).toEqual([
      ["error", "all_without_mapping", 4],
      ["warning", "woken_not_visible", 1],
    ]);
    expect(checkConsistency(makeTrace({ servers, users, events }))).toEqual(f);
  });
});

describe("consistency: root causes", () => {
  const raised = (e: ReturnType<typeof gis>) => ({ ...e, output: null, error: { message: "TypeError: boom", file: "router.ts", line: 12, column: 5 } });

  it("R63 callback_failed names the exception and its module line", () => {
    const t = makeTrace({ servers, users, events: [raised(gis(0, "a.org", B, null))] });
    const f = checkConsistency(t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", kind: "callback_failed", module: "router.ts", rules: ["R63"] });
    expect(f[0]!.cause).toMatchObject({ kind: "exception", file: "router.ts", line: 12, column: 5, callback: "get_interested_users", event: 0 });
    expect(f[0]!.message).toContain("raised TypeError: boom at router.ts:12:5");
  });

  it("R61 a wrong type is a warning naming what was returned", () => {
    const wrong = { ...gufs(0, "a.org", [rec(A)], null), error: null, warnings: ["returned an Array; expected a Map"] };
    const f = checkConsistency(makeTrace({ servers, users, events: [wrong] }));
    expect(f.map((x) => [x.severity, x.kind, x.cause?.kind])).toEqual([["warning", "callback_failed", "wrong_type"]]);
    expect(f[0]!.message).toContain("get_users_for_states in router.ts returned an Array");
  });

  it("S6 woken_not_visible carries the cause when get_interested_users raised", () => {
    const t = makeTrace({ servers, users, events: [gufs(0, "a.org", [rec(A)], { [B]: [rec(A)] }), raised(gis(5, "a.org", B, null))] });
    const f = checkConsistency(t).find((x) => x.kind === "woken_not_visible")!;
    expect(f.cause).toMatchObject({ kind: "exception", line: 12, event: 1 });
  });

  it("S8 all_without_mapping: the cause is the missing key, or the exception that lost it", () => {
    const missing = makeTrace({ servers, users, events: [gis(100, "a.org", B, "ALL", "all.ts"), gufs(100, "a.org", [rec(A)], { [A]: [rec(A)] })] });
    const f = checkConsistency(missing);
    expect(f[0]!.cause).toMatchObject({ kind: "missing_all_mapping", module: "all.ts", event: 1 });
    expect(f[0]!.cause!.message).toContain("no module returns that key");
    const threw = makeTrace({ servers, users, events: [gis(100, "a.org", B, "ALL", "all.ts"), raised(gufs(100, "a.org", [rec(A)], null))] });
    const g = checkConsistency(threw).find((x) => x.kind === "all_without_mapping")!;
    expect(g.cause).toMatchObject({ kind: "exception", line: 12 });
  });
});
