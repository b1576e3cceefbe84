// Configuration modes R70–R75, and determinism.
import { describe, expect, it } from "vitest";
import { client, events, getPresence, moduleApi, put, restart, run, scenario, seen, states, sync, syncByLabel, until } from "./support/build.ts";
import { gobblerModern, hostWith } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const R = "@rita:remote.org";
const ROOM = { "!r:example.org": [A, B, R] };

describe("configuration", () => {
  it("R70/R73 enabled false: no presence in syncs (initial or incremental), GET offline, PUT 200 and dropped", async () => {
    const t = await run({
      // include_offline_users_on_sync would list A and B (offline defaults) if the section were computed.
      servers: { "example.org": { enabled: false, include_offline_users_on_sync: true, rc: { per_second: 1000, burst_count: 1000 } } },
      users: [A, B],
      rooms: ROOM,
      steps: [put(0, A, "online"), sync(1, B, { label: "s" }), getPresence(2, B, A, "g"), put(3, A, "unavailable"), sync(4, B, { since: "s", label: "n" })],
    });
    expect(syncByLabel(t, "s").response).toEqual({});
    expect(syncByLabel(t, "n").response).toEqual({});
    expect(states(t, A)).toEqual([]);
    expect(events(t, "request", (e) => e.request.method === "PUT").map((e) => e.response.status)).toEqual([200, 200]);
    expect(events(t, "request", (e) => e.label === "g")[0].response).toEqual({ status: 200, body: { presence: "offline" } });
  });
  it("R22.1/R73 enabled false: the pipeline drops even forced module updates (nothing stored, nothing to flush on restart)", async () => {
    const t = await run({
      servers: { "example.org": { enabled: false } },
      users: [A, B],
      rooms: ROOM,
      steps: [moduleApi(0, "example.org", "set_presence_for_users", { [A]: ["online", "hi"] }), restart(1000, "example.org"), sync(2000, B, { label: "s" })],
    });
    expect(states(t, A)).toEqual([]);
    expect(events(t, "log", (e) => e.message.includes("presence is disabled: dropped 1 update"))).toHaveLength(1);
    expect(syncByLabel(t, "s").response).toEqual({});
    expect(t.final["example.org"][A]).toBeUndefined();
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
      // B long-polls from 1 ms: a shared non-excluded room would wake B at A's change (R31).
      steps: [sync(0, B, { set_presence: "offline", label: "i" }), sync(1, B, { set_presence: "offline", since: "i", timeout: 10_000, label: "lp" }), put(5, A, "online"), sync(20_000, B, { set_presence: "offline", label: "s" }), { kind: "get_presence", at: 20_001, user: B, target: A, label: null }],
    });
    expect(syncByLabel(t, "s").response).toEqual({});
    expect(events(t, "wake", (e) => e.user === B)).toEqual([]);
    expect(syncByLabel(t, "lp").at).toBe(10_001);
    expect(events(t, "request", (e) => e.request.method === "GET")[0].response.status).toBe(403);
  });
  it("R75 timer knobs: a smaller sync_online_timeout times devices out sooner", async () => {
    const t = await run({ servers: { "example.org": { S: 10_000, G: 20_000, I: 40_000 } }, users: [A], steps: [client(100_000, A, "start"), client(110_000, A, "stop"), until(200_000)] });
    const off = states(t, A).find((e) => e.after.state === "offline")!;
    expect(off.at).toBeLessThanOrEqual(130_000);
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
