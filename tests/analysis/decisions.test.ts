// routingDecisions / targetFlags: decisions (routed, allowed, both) and outcomes from the
// recorded facts of real engine runs (R31, R33, R50, R51, S6).
import { describe, expect, it } from "vitest";
import { decisionOf, routingDecisions, targetFlags } from "../../src/analysis/decisions.ts";
import { put, run, sync } from "../engine/support/build.ts";
import { hostWith, routerOf } from "../engine/support/routers.ts";
import { gis, gufs, makeTrace, rec } from "./builders.ts";

const A = "@alice:example.org";
const C = "@carol:example.org"; // exists, never syncs
const G = "@gob:example.org"; // syncs
const D = "@dave:example.org"; // not in the scenario
const R = "@rita:remote.org";
const OFF = { set_presence: "offline" };
const mapTo = (users: string[]) => (states: any[]) => new Map(users.map((u) => [u, new Set(states.filter((s) => s.user_id === A))]));

describe("routingDecisions", () => {
  it("R31/S6 routed to a syncing user whose get_interested_users says nothing: woken, nothing to see", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], clients: [{ user: G }], steps: [put(1000, A, "online")] },
      hostWith({ "router.ts": routerOf(mapTo([G]), () => new Set()) }),
    );
    const p = decisionOf(t, A, G)!;
    expect(p).toMatchObject({ decision: "routed", outcome: "woken_nothing", deliveries: [] });
    expect(p.wakes.length).toBeGreaterThan(0);
    expect(p.events.every((i) => t.events[i]!.type === "router_call")).toBe(true);
  });

  it("R50 routed and allowed: both, delivered by sync, with the deliveries and calls behind it", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], clients: [{ user: G }], steps: [put(1000, A, "online")] },
      hostWith({ "router.ts": routerOf(mapTo([G]), (u: string) => (u === G ? new Set([A]) : new Set())) }),
    );
    const p = decisionOf(t, A, G)!;
    expect(p).toMatchObject({ decision: "both", outcome: "delivered_sync" });
    expect(p.deliveries.map((i) => t.deliveries[i]!.viewer)).toContain(G);
    const sites = new Set(p.events.map((i) => (t.events[i] as { site: string }).site));
    expect(sites).toEqual(new Set(["wake", "federation", "sync"]));
    expect(p.calls.length).toBe(new Set(p.calls).size);
  });

  it("routed to a user with no sync, and to a user not in the scenario: flagged", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, C, G], clients: [{ user: G }], steps: [put(1000, A, "online")] },
      hostWith({ "router.ts": routerOf(mapTo([C, D]), () => new Set()) }),
    );
    expect(decisionOf(t, A, C)).toMatchObject({ decision: "routed", outcome: "no_sync" });
    expect(decisionOf(t, A, D)).toMatchObject({ decision: "routed", outcome: "unknown_target" });
    expect(decisionOf(t, A, G)).toBeNull();
    const flags = targetFlags(t);
    expect(flags.map((f) => [f.user, f.kind])).toEqual([
      [C, "no_sync"],
      [D, "unknown_target"],
    ]);
    expect(flags[0]!.message).toBe("@carol:example.org has no sync in this scenario: add a client");
    expect(flags[1]!.message).toMatch(/^@dave:example.org is not a user of this scenario/);
  });

  it("R33 routed to a remote user: delivered by federation (an EDU to their server)", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, R], steps: [put(1000, A, "online")] },
      hostWith({ "router.ts": routerOf(mapTo([R]), () => new Set()) }),
    );
    const p = decisionOf(t, A, R)!;
    expect(p).toMatchObject({ decision: "routed", outcome: "delivered_federation" });
    expect(t.deliveries[p.deliveries[0]!]).toMatchObject({ transport: "federation", viewer: "remote.org" });
  });

  it("R51 ALL_USERS: the ALL path's entry for the syncing user is 'allowed'; other keys of that call are not decisions", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G, C], steps: [put(1000, A, "online"), sync(2000, G, { ...OFF, label: "s" })] },
      hostWith({ "router.ts": routerOf((states) => (states.length ? new Map([[G, new Set(states.filter((s) => s.user_id === A))], [C, new Set(states)]]) : new Map()), (u: string) => (u === G ? "ALL" : new Set())) }),
    );
    expect(decisionOf(t, A, G)).toMatchObject({ decision: "both", outcome: "delivered_sync" });
    // C is a key of the wake call (routed, no sync) but the ALL path's C entry decides nothing.
    expect(decisionOf(t, A, C)!.events.every((i) => (t.events[i] as { site: string }).site !== "sync")).toBe(true);
  });

  it("a failed call decides nothing; self pairs are left out; decisions are in order of first decision", () => {
    const a = rec(A, "online");
    const tr = makeTrace({
      servers: ["example.org"],
      users: [A, C, G],
      events: [gufs(1000, "example.org", [a], null), gufs(2000, "example.org", [a], { [A]: [a], [C]: [a] }), gis(3000, "example.org", G, [A])],
    });
    expect(routingDecisions(tr).map((p) => [p.from, p.to, p.decision, p.first])).toEqual([
      [A, C, "routed", 2000],
      [A, G, "allowed", 3000],
    ]);
    expect(routingDecisions(tr)[1]!.outcome).toBe("no_sync");
  });

  it("deliveries behind a decision: sync ones of the pair itself, federation ones to the target's server only when they came via the router", () => {
    const a = rec(A, "online");
    const dv = (at: number, source: string, viewer: string, transport: "sync" | "federation", via: string[]) => ({ at, server: "example.org", source, viewer, transport, state: "online", via });
    const tr = makeTrace({
      servers: ["example.org", "remote.org"],
      users: [A, C, G, R],
      events: [gufs(1000, "example.org", [a], { [G]: [a], [R]: [a], [C]: [a] })],
      deliveries: [
        dv(1100, A, C, "sync", ["router"]), // 0: A → C by sync
        dv(1100, G, A, "sync", ["router"]), // 1: not a decided pair (G → A)
        dv(1200, A, "remote.org", "federation", ["room:!r:example.org"]), // 2: to R's server, but not via the router
        dv(1300, A, "remote.org", "federation", ["router"]), // 3: to R's server via the router
        dv(1400, C, "remote.org", "federation", ["router"]), // 4: another source
      ],
    });
    const by = new Map(routingDecisions(tr).map((p) => [p.to, p]));
    expect(by.get(C)).toMatchObject({ outcome: "delivered_sync", deliveries: [0] });
    expect(by.get(R)).toMatchObject({ outcome: "delivered_federation", deliveries: [3] });
    expect(by.get(G)).toMatchObject({ deliveries: [] });
    expect(by.get(G)!.outcome).not.toMatch(/^delivered/);
  });
});

