// "Routers can only add" (src/analysis/restrict.ts): a module that looks written to hide
// a room-mate gets a cannot_restrict finding; routers that only add never do.
import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConsistency, type Finding } from "../../src/analysis/consistency.ts";
import type { RoomHints } from "../../src/analysis/rooms.ts";
import { run } from "../../src/pipeline/index.ts";
import type { ModuleCallEvent, TraceEvent } from "../../src/trace/types.ts";
import { gis, gufs, makeTrace, rec } from "./builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const E = "@eve:a.org";
const M = "@mon:a.org";
const R = "@rita:b.org";
const servers = ["a.org", "b.org"];
const users = [A, B, E, M, R];
const TEAM = "!team:a.org";
const hints: RoomHints = { rooms: [{ id: TEAM, members: [A, B, E] }], excludedRooms: { "a.org": [], "b.org": [] } };

function restrict(events: TraceEvent[], h: RoomHints = hints): Finding[] {
  return checkConsistency(makeTrace({ servers, users, events }), h).filter((f) => f.kind === "cannot_restrict");
}

describe("cannot_restrict (A): get_interested_users lists some room-mates and leaves one out", () => {
  it("R50 R74 R75 cannot_restrict: fires with the viewer, the hidden room-mate, the module, the callback and the levers", () => {
    const f = restrict([gis(10_000, "a.org", A, [B], "hide.ts")]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", server: "a.org", viewer: A, source: E, module: "hide.ts", callback: "get_interested_users", example: { event: 0, at: 10_000 } });
    expect(f[0]!.rules).toEqual(["R50", "R31", "R74", "R75"]);
    const msg = f[0]!.message;
    expect(msg).toContain(`lists ${B} but not ${E}, who shares ${TEAM} with ${A}`);
    expect(msg).toContain("a router only adds");
    expect(msg).toContain("exclude_rooms_from_presence (R74)");
    expect(msg).toContain("federation_domain_whitelist (R75, R33)");
  });

  it("R50 cannot_restrict: one finding per (viewer, hidden) pair, at the first call", () => {
    const f = restrict([gis(1000, "a.org", A, [B]), gis(2000, "a.org", A, [B]), gis(3000, "a.org", B, [A])]);
    expect(f.map((x) => [x.viewer, x.source, x.example.at])).toEqual([
      [A, E, 1000],
      [B, E, 3000],
    ]);
  });

  it("R50 cannot_restrict: no finding when the answer says nothing about rooms (empty, non-room-mates only) or lists every room-mate", () => {
    expect(restrict([gis(0, "a.org", A, [])])).toEqual([]);
    expect(restrict([gis(0, "a.org", A, [M, R])])).toEqual([]);
    expect(restrict([gis(0, "a.org", A, [B, E, M])])).toEqual([]);
    // The viewer themself is not a room-mate to list.
    expect(restrict([gis(0, "a.org", A, [A])])).toEqual([]);
  });

  it("R51 cannot_restrict: ALL_USERS is never a finding (the mapping decides that sync, so leaving someone out works)", () => {
    expect(restrict([gis(0, "a.org", A, "ALL"), gufs(0, "a.org", [rec(A), rec(B), rec(E)], { [A]: [rec(A), rec(B)] }, "router.ts", { site: "sync", for_user: A })])).toEqual([]);
  });

  it("R74 cannot_restrict: a room excluded from presence is not shared, so leaving its members out is no finding", () => {
    expect(restrict([gis(0, "a.org", A, [B])], { ...hints, excludedRooms: { "a.org": [TEAM] } })).toEqual([]);
    // Excluded on another server only: still shared on a.org.
    expect(restrict([gis(0, "a.org", A, [B])], { ...hints, excludedRooms: { "b.org": [TEAM] } })).toHaveLength(1);
  });

  it("cannot_restrict needs the scenario's rooms: without them it stays silent", () => {
    expect(checkConsistency(makeTrace({ servers, users, events: [gis(0, "a.org", A, [B])] })).filter((f) => f.kind === "cannot_restrict")).toEqual([]);
  });

  it("R50 cannot_restrict: a module that raised adds nothing, so its answer lists nobody (R63)", () => {
    expect(restrict([gis(0, "a.org", A, null)])).toEqual([]);
  });
});

describe("cannot_restrict: rooms at the time of the call", () => {
  const join = (at: number, user: string, room = TEAM, membership = "join") => ({ at, user, room, membership });
  const base: RoomHints = { rooms: [{ id: TEAM, members: [A, B] }] };

  it("R50 cannot_restrict: a join counts from 1 ms after its instant, not at it", () => {
    const h = { ...base, memberships: [join(1000, E)] };
    expect(restrict([gis(1000, "a.org", A, [B])], h)).toEqual([]);
    expect(restrict([gis(1001, "a.org", A, [B])], h).map((f) => f.source)).toEqual([E]);
    expect(restrict([gis(999, "a.org", A, [B])], h)).toEqual([]);
  });

  it("R50 cannot_restrict: after a leave (or an invite, ban, knock) the user is no longer a room-mate", () => {
    const h = { ...hints, memberships: [join(1000, E, TEAM, "leave")] };
    expect(restrict([gis(999, "a.org", A, [B])], h).map((f) => f.source)).toEqual([E]);
    expect(restrict([gis(1000, "a.org", A, [B])], h)).toEqual([]);
    for (const m of ["invite", "ban", "knock"]) {
      expect(restrict([gis(1001, "a.org", A, [B])], { ...base, memberships: [join(1000, E, TEAM, m)] })).toEqual([]);
    }
  });

  it("R50 cannot_restrict: a module's update_room_membership the engine recorded counts like a membership step", () => {
    const call = (error: string | null): ModuleCallEvent => ({ at: 500, server: "a.org", type: "module_call", call: "update_room_membership", args: [A, E, TEAM, "join"], module: "m.ts", error });
    expect(restrict([call(null), gis(1000, "a.org", A, [B])], base).map((f) => f.source)).toEqual([E]);
    // A call that failed changed nothing.
    expect(restrict([call("boom"), gis(1000, "a.org", A, [B])], base)).toEqual([]);
  });
});

describe("cannot_restrict (B): get_users_for_states routes an update to some room-mates, not to one it routes others to", () => {
  // Alice's update goes to Bob, not Eve; Bob's update goes to Eve: the module routes room-mates to Eve, just not Alice.
  const routesOthersToEve = gufs(500, "a.org", [rec(B)], { [E]: [rec(B)], [A]: [rec(B)] });
  const aliceNotToEve = gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }, "hide.ts");

  it("R31 R33 cannot_restrict: fires for the left-out room-mate, with the routing module", () => {
    const f = restrict([gis(0, "a.org", E, [A, B]), routesOthersToEve, aliceNotToEve]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ viewer: E, source: A, module: "hide.ts", callback: "get_users_for_states", example: { event: 2, at: 1000 } });
    expect(f[0]!.rules).toEqual(["R31", "R33", "R50", "R74", "R75"]);
    expect(f[0]!.message).toContain(`routes ${A}'s update to ${B} but not to ${E}, though it routes ${B} to ${E}`);
  });

  it("R31 cannot_restrict: a gobbler in the room (the others never get room-mates routed) is no finding", () => {
    const gobbler = (at: number, u: string) => gufs(at, "a.org", [rec(u)], { [E]: [rec(u)] });
    expect(restrict([gis(0, "a.org", A, []), gis(0, "a.org", B, []), gis(0, "a.org", E, "ALL"), gobbler(100, A), gobbler(200, B)])).toEqual([]);
  });

  it("R51 cannot_restrict: a left-out room-mate whose interest is ALL_USERS is no finding (the mapping decides their sync)", () => {
    expect(restrict([gis(0, "a.org", E, "ALL"), routesOthersToEve, aliceNotToEve])).toEqual([]);
  });

  it("R31 cannot_restrict: no finding when the left-out room-mate never had presence computed (no interest call)", () => {
    expect(restrict([routesOthersToEve, aliceNotToEve])).toEqual([]);
  });

  it("R31 cannot_restrict: names the first three room-mates it routes to the viewer and counts the rest, never the update's own sender", () => {
    const U = ["@u1:a.org", "@u2:a.org", "@u3:a.org", "@u4:a.org"];
    const big: RoomHints = { rooms: [{ id: TEAM, members: [A, B, E, ...U] }], excludedRooms: { "a.org": [], "b.org": [] } };
    const others = (n: number, withAlice = false) => {
      const srcs = [...(withAlice ? [A] : []), ...U.slice(0, n)];
      return gufs(500, "a.org", srcs.map((u) => rec(u)), { [E]: srcs.map((u) => rec(u)) });
    };
    const at = (evs: TraceEvent[]) => restrict([gis(0, "a.org", E, [A, B]), ...evs, aliceNotToEve], big).find((f) => f.viewer === E && f.source === A)!.message;
    expect(at([others(4)])).toContain(`though it routes ${U[0]}, ${U[1]}, ${U[2]} and 1 more to ${E}`);
    expect(at([others(3)])).toContain(`though it routes ${U[0]}, ${U[1]}, ${U[2]} to ${E}`);
    // Alice's own earlier update was routed to Eve: she is not one of "the others".
    expect(at([others(1, true)])).toContain(`though it routes ${U[0]} to ${E}`);
    expect(at([others(3, true)])).toContain(`though it routes ${U[0]}, ${U[1]}, ${U[2]} to ${E}`);
    // Each left-out pair is a finding of its own: Alice's and u4's updates both skip Eve
    // (whose interest lists every room-mate, so part A finds nothing to take their place).
    const u4NotToEve = gufs(1200, "a.org", [rec(U[3]!)], { [B]: [rec(U[3]!)] }, "hide.ts");
    const both = restrict([gis(0, "a.org", E, [A, B, ...U]), others(3), aliceNotToEve, u4NotToEve], big).filter((f) => f.viewer === E);
    expect(both.map((f) => [f.source, f.example.at])).toEqual([
      [A, 1000],
      [U[3], 1200],
    ]);
    // Only Alice herself was ever routed to Eve: nothing shows the module routes room-mates to Eve.
    expect(restrict([gis(0, "a.org", E, [A, B]), gufs(500, "a.org", [rec(A)], { [E]: [rec(A)] }), aliceNotToEve], big).filter((f) => f.viewer === E && f.source === A)).toEqual([]);
  });

  it("R31 cannot_restrict: updates routed to the viewer from people who share no room with them do not count as routing room-mates", () => {
    // Eve is routed Mon's update only; Mon shares no room with her.
    const monToEve = gufs(500, "a.org", [rec(M)], { [E]: [rec(M)] });
    expect(restrict([gis(0, "a.org", E, [A, B]), monToEve, aliceNotToEve])).toEqual([]);
    // With Bob's routed to her too, Alice's update skipping her is a finding, naming Bob only.
    const f = restrict([gis(0, "a.org", E, [A, B]), monToEve, routesOthersToEve, aliceNotToEve]);
    expect(f.map((x) => [x.viewer, x.source])).toEqual([[E, A]]);
    expect(f[0]!.message).toContain(`though it routes ${B} to ${E} and`);
  });

  it("R31 cannot_restrict: names only room-mates on the call's own server among those the update was routed to", () => {
    // Rita (b.org) shares the room too and gets Alice's update; a.org's call judges a.org's users.
    const withRita: RoomHints = { rooms: [{ id: TEAM, members: [A, B, E, R] }], excludedRooms: { "a.org": [], "b.org": [] } };
    const aliceToBobAndRita = gufs(1000, "a.org", [rec(A)], { [R]: [rec(A)], [B]: [rec(A)] }, "hide.ts");
    const f = restrict([gis(0, "a.org", E, [A, B, R]), routesOthersToEve, aliceToBobAndRita], withRita);
    expect(f.map((x) => [x.viewer, x.source])).toEqual([[E, A]]);
    expect(f[0]!.message).toContain(`routes ${A}'s update to ${B} but not to ${E}`);
    // Routed to Rita alone: no local room-mate got it, so there is nothing to compare.
    expect(restrict([gis(0, "a.org", E, [A, B, R]), routesOthersToEve, gufs(1000, "a.org", [rec(A)], { [R]: [rec(A)] })], withRita)).toEqual([]);
  });

  it("R51 cannot_restrict: the ALL-path mapping (site sync) is never judged", () => {
    const syncSite = gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }, "hide.ts", { site: "sync", for_user: B });
    expect(restrict([gis(0, "a.org", E, [A, B]), routesOthersToEve, syncSite])).toEqual([]);
  });
});

describe("cannot_restrict on real runs (the pipeline, as the playground runs them)", () => {
  const ROOT = join(import.meta.dirname, "..", "..");
  const findingsOfRun = async (scenarioText: string, files: Record<string, string>) => {
    const r = await run({ scenario: { text: scenarioText, path: "scenario.yaml" }, files }, { esbuild });
    if (r.kind !== "ran") throw new Error(`did not run: ${r.kind}`);
    return checkConsistency(r.trace, r.hints).filter((f) => f.kind === "cannot_restrict");
  };
  const tsFiles = (dir: string) => Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith(".ts")).map((n) => [n, readFileSync(join(dir, n), "utf8")]));

  it("R50 cannot_restrict: examples/router-cannot-restrict names Eve hidden from Alice and from Bob", { timeout: 60_000 }, async () => {
    const dir = join(ROOT, "examples", "router-cannot-restrict");
    const f = await findingsOfRun(readFileSync(join(dir, "scenario.yaml"), "utf8"), tsFiles(dir));
    expect(f.map((x) => [x.viewer, x.source, x.module])).toEqual([
      ["@alice:example.org", "@eve:example.org", "router.ts"],
      ["@bob:example.org", "@eve:example.org", "router.ts"],
    ]);
  });

  it("R50 cannot_restrict: a membership step of the scenario counts from its time on (hints.memberships)", { timeout: 60_000 }, async () => {
    const dir = join(ROOT, "examples", "router-cannot-restrict");
    const original = readFileSync(join(dir, "scenario.yaml"), "utf8");
    // Eve is not in the room at first and joins at 10.5 s: Alice's sync at 10 s lists Bob and
    // leaves out nobody; Bob's at 11 s leaves out Eve, a room-mate by then.
    const text = original
      .replace('"!team:example.org": ["@alice:example.org", "@bob:example.org", "@eve:example.org"]', '"!team:example.org": ["@alice:example.org", "@bob:example.org"]')
      .replace("steps:\n", 'steps:\n  - { at: 10500ms, membership: { user: "@eve:example.org", room: "!team:example.org", membership: join } }\n');
    expect(text).not.toBe(original);
    const f = await findingsOfRun(text.replace(/\nexpect:[\s\S]*$/, "\nexpect:\n  - no_errors: true\n"), tsFiles(dir));
    expect(f.map((x) => [x.viewer, x.source])).toEqual([["@bob:example.org", "@eve:example.org"]]);
  });

  it("R50 cannot_restrict: no other TypeScript example and no lesson solution gets one (lesson 8's starter does)", { timeout: 180_000 }, async () => {
    const seen: Record<string, number> = {};
    for (const name of readdirSync(join(ROOT, "examples"))) {
      const dir = join(ROOT, "examples", name);
      if (name === "router-cannot-restrict" || !existsSync(join(dir, "scenario.yaml")) || readdirSync(dir).some((n) => n.endsWith(".py"))) continue;
      seen[name] = (await findingsOfRun(readFileSync(join(dir, "scenario.yaml"), "utf8"), tsFiles(dir))).length;
    }
    for (const id of readdirSync(join(ROOT, "lessons"))) {
      const dir = join(ROOT, "lessons", id);
      if (!existsSync(join(dir, "solution.ts"))) continue; // a Python lesson (09): TypeScript only here
      const scenario = readFileSync(join(dir, "scenario.yaml"), "utf8");
      seen[`${id} solution`] = (await findingsOfRun(scenario, { "router.ts": readFileSync(join(dir, "solution.ts"), "utf8") })).length;
      if (id.startsWith("08-")) seen[`${id} starter`] = (await findingsOfRun(scenario, { "router.ts": readFileSync(join(dir, "starter.ts"), "utf8") })).length;
    }
    expect(Object.keys(seen).length).toBeGreaterThanOrEqual(17);
    const fired = Object.entries(seen).filter(([, n]) => n > 0);
    expect(fired).toEqual([["08-routers-only-add starter", 2]]);
  });
});
