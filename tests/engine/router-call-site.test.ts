// router_call events carry their combined call's id and the engine path that made the
// call (R31 wake, R33 federation / ping, R49/R51 sync, R68 snapshot), so analysis reads
// them instead of inferring from event order.
import { describe, expect, it } from "vitest";
import { events, moduleApi, put, run, sync, until } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const G = "@gob:example.org";
const R = "@rita:remote.org";
const OFF = { set_presence: "offline" };
const mapAllTo = (users: string[]) => (states: any[]) => new Map(users.map((u) => [u, new Set(states)]));

describe("router_call call ids and sites", () => {
  it("R31/R33 a notified batch: a 'wake' call then a 'federation' call, distinct ids, no for_user", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, G, R], steps: [put(0, A, "online")] },
      hostWith({ "router.ts": routerOf(mapAllTo([R, G]), () => new Set()) }),
    );
    const calls = events(t, "router_call", (e) => e.callback === "get_users_for_states");
    expect(calls.map((e) => [e.site, e.for_user])).toEqual([
      ["wake", null],
      ["federation", null],
    ]);
    expect(calls[0]!.call).toBeLessThan(calls[1]!.call);
  });

  it("R49/R51 a sync: get_interested_users and the ALL path mapping are 'sync' calls for the syncing user", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], steps: [put(0, A, "online"), sync(1, G, { ...OFF, label: "s" })] },
      hostWith({ "router.ts": routerOf(mapAllTo([G]), (u: string) => (u === G ? "ALL" : new Set())) }),
    );
    const mine = events(t, "router_call", (e) => e.for_user === G);
    expect(mine.map((e) => [e.callback, e.site])).toEqual([
      ["get_interested_users", "sync"],
      ["get_users_for_states", "sync"],
    ]);
    expect(mine[0]!.call).not.toBe(mine[1]!.call);
  });

  it("R61 two modules in one combined call share its id; the next call gets a new one", async () => {
    const r = routerOf(mapAllTo([G]), () => new Set());
    const t = await run(
      { servers: { "example.org": { modules: ["a.ts", "b.ts"] } }, users: [A, G], steps: [put(0, A, "online"), put(5, A, "unavailable")] },
      hostWith({ "a.ts": r, "b.ts": r }),
    );
    const calls = events(t, "router_call");
    expect(calls.map((e) => e.module)).toEqual(["a.ts", "b.ts", "a.ts", "b.ts"]);
    expect(calls[0]!.call).toBe(calls[1]!.call);
    expect(calls[2]!.call).toBe(calls[3]!.call);
    expect(calls[2]!.call).toBe(calls[0]!.call + 1);
  });

  it("R68 send_local_online_presence_to a remote user: a 'snapshot' call for that user", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, R], steps: [put(0, A, "online"), moduleApi(1, "example.org", "send_local_online_presence_to", [R])] },
      hostWith({ "router.ts": routerOf(() => new Map(), () => new Set([A])) }),
    );
    const snap = events(t, "router_call", (e) => e.site === "snapshot");
    expect(snap.map((e) => [e.callback, e.for_user])).toEqual([["get_interested_users", R]]);
  });

  it("R33 a ping batch is a 'ping' call", async () => {
    // R35: an online user unchanged for 25 min is pinged to remote servers, through the router.
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, R], rooms: { "!r:example.org": [A, R] }, clients: [{ user: A }], steps: [until(1_600_000)] },
      hostWith({ "router.ts": routerOf(() => new Map(), () => new Set()) }),
    );
    const pings = events(t, "router_call", (e) => e.site === "ping");
    expect(pings.length).toBeGreaterThanOrEqual(1);
    expect(pings[0]!.at).toBeGreaterThanOrEqual(1_500_000);
    expect(events(t, "router_call", (e) => e.site === "federation" && e.at >= 1_500_000 && e.at === pings[0]!.at)).toEqual([]);
  });
});
