// Configuration modes R70–R75, and determinism.
import { describe, expect, it } from "vitest";
import { client, events, moduleApi, put, restart, run, scenario, seen, states, sync, syncByLabel, until } from "./support/build.ts";
import { gobblerModern, hostWith } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const R = "@rita:remote.org";
const ROOM = { "!r:example.org": [A, B, R] };

describe("configuration", () => {
  it("R70/R73 enabled false: no presence in syncs, GET offline, pipeline drops updates", async () => {
    const t = await run({ servers: { "example.org": { enabled: false } }, users: [A, B], rooms: ROOM, steps: [put(0, A, "online"), sync(1, B, { label: "s" })] });
    expect(syncByLabel(t, "s").response).toEqual({});
    expect(states(t, A)).toEqual([]);
  });
  it("R71 tracking off: no timeouts loop, no outbound EDUs", async () => {
    const t = await run({ servers: { "example.org": { enabled: "untracked" }, "remote.org": {} }, users: [A, B, R], rooms: ROOM, steps: [moduleApi(0, "example.org", "set_presence_for_users", { [A]: ["online", null] }), until(400_000)] });
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
    expect(states(t, A).length).toBe(1); // never times out (R72: no timers)
  });
  it("R72 untracked: sync still returns presence, the router is consulted", async () => {
    const t = await run(
      { servers: { "example.org": { enabled: "untracked", modules: ["router.ts"] } }, users: [A, B], rooms: ROOM, steps: [moduleApi(0, "example.org", "set_presence_for_users", { [A]: ["online", null] }), sync(1, B, { label: "s" })] },
      hostWith({ "router.ts": gobblerModern([]) }),
    );
    expect(seen(syncByLabel(t, "s"))[A].presence).toBe("online");
    expect(events(t, "router_call", (e) => e.callback === "get_interested_users").length).toBe(1);
    expect(states(t, B)).toEqual([]); // the sync did not affect presence
  });
  it("R74 exclude_rooms_from_presence: sharing only excluded rooms is not sharing (sync, wake, GET)", async () => {
    const t = await run({
      servers: { "example.org": { exclude: ["!r:example.org"] } },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [put(0, A, "online"), sync(1, B, { set_presence: "offline", label: "s" }), { kind: "get_presence", at: 2, user: B, target: A, label: null }],
    });
    expect(syncByLabel(t, "s").response).toEqual({});
    expect(events(t, "wake", (e) => e.user === B)).toEqual([]);
    expect(events(t, "request", (e) => e.request.method === "GET")[0].response.status).toBe(403);
  });
  it("R75 timer knobs: a smaller sync_online_timeout times devices out sooner", async () => {
    const t = await run({ servers: { "example.org": { S: 10_000, G: 20_000, I: 40_000 } }, users: [A], steps: [client(100_000, A, "start"), client(110_000, A, "stop"), until(200_000)] });
    const off = states(t, A).find((e) => e.after.state === "offline")!;
    expect(off.at).toBeLessThanOrEqual(130_000);
  });
  it("R73 restart with presence disabled would flush stored non-offline records (none stored: nothing)", async () => {
    const t = await run({ servers: { "example.org": { enabled: false } }, users: [A], steps: [restart(1000, "example.org")] });
    expect(states(t, A)).toEqual([]);
  });
});

describe("determinism", () => {
  it("the same scenario and modules give byte-identical traces", async () => {
    const sc = scenario({
      servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {}, "third.org": {} },
      users: [A, B, R, "@t:third.org"],
      rooms: { "!r:example.org": [A, B, R], "!s:example.org": [A, "@t:third.org"] },
      clients: [{ user: B }, { user: R }],
      seed: 7,
      steps: [put(0, A, "online", "hi"), put(20_000, A, "unavailable"), until(400_000)],
    });
    const h = () => hostWith({ "router.ts": gobblerModern([B]) });
    const a = JSON.stringify(await run(sc, h()));
    const b = JSON.stringify(await run(sc, h()));
    expect(a).toBe(b);
    expect(JSON.parse(a).events.length).toBeGreaterThan(20);
    expect(JSON.parse(a).events.filter((e: { type: string }) => e.type === "router_call").every((e: { ms: number }) => e.ms === 0)).toBe(true);
  });
  it("the seed changes federation delays only through the seeded PRNG", async () => {
    const mk = (seed: number) => scenario({ servers: { "example.org": {}, "remote.org": {} }, users: [A, R], rooms: { "!r:example.org": [A, R] }, seed, steps: [put(0, A, "online")] });
    const t1 = await run(mk(1));
    const t1b = await run(mk(1));
    expect(events(t1, "edu_received")[0].at).toBe(events(t1b, "edu_received")[0].at);
  });
});
