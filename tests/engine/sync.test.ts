// The sync read path: R45–R55.
import { describe, expect, it } from "vitest";
import { gobblerModern, hostWith } from "./support/routers.ts";
import { client, events, membership, put, run, seen, senders, sync, syncByLabel, until } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";
const FAST = { rc: { per_second: 1000, burst_count: 1000 } };
const ROOMS = { "!r:example.org": [A, B] };
const OFF = { set_presence: "offline" };

describe("sync read path", () => {
  it("R45 a filter blocking all presence skips the section", async () => {
    for (const filter of [{ types: [] }, { not_types: ["*"] }, { senders: [] }, { not_senders: ["*"] }]) {
      const t = await run({ users: [A, B], rooms: ROOMS, steps: [put(0, A, "online"), sync(1, B, { ...OFF, filter, label: "s" })] });
      expect(syncByLabel(t, "s").response).toEqual({});
    }
  });
  it("R46/S19 initial hides offline users; incremental shows transitions to offline", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B, C] },
      steps: [put(0, A, "online"), put(0, C, "offline", "away"), sync(1, B, { ...OFF, label: "i" }), put(2, A, "offline"), sync(3, B, { ...OFF, since: "i", label: "n" })],
    });
    expect(senders(syncByLabel(t, "i"))).toEqual([A]);
    expect(seen(syncByLabel(t, "n"))[A].presence).toBe("offline");
    expect(syncByLabel(t, "n").mode).toBe("incremental");
  });
  it("R46 include_offline_users_on_sync shows offline users in initial syncs", async () => {
    const t = await run({ servers: { "example.org": { include_offline_users_on_sync: true } }, users: [A, B], rooms: ROOMS, steps: [sync(1, B, { ...OFF, label: "i" })] });
    expect(senders(syncByLabel(t, "i"))).toEqual([A, B].sort());
  });
  it("R46 full_state computes from scratch: unchanged users are sent again, not only what changed since", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [put(0, A, "online"), sync(1, B, { ...OFF, label: "i" }), sync(2, B, { ...OFF, since: "i", full_state: true, label: "f" })] });
    expect(syncByLabel(t, "f").mode).toBe("full_state");
    expect(senders(syncByLabel(t, "f"))).toEqual([A]);
    expect(seen(syncByLabel(t, "f"))[A].presence).toBe("online");
  });
  it("R46/R52 full_state with since: the initial base plus every joined, invited or knocking member, offline ones included", async () => {
    const D = "@dave:example.org";
    const E = "@erin:example.org";
    const X = "@xavier:example.org";
    const t = await run({
      servers: { "example.org": { ...FAST, exclude: ["!quiet:example.org"] } },
      users: [A, B, C, D, E, X],
      rooms: { "!r:example.org": [A, B, C, E], "!quiet:example.org": [B, X] },
      steps: [
        put(0, A, "online"),
        put(0, X, "online"),
        sync(1, B, { ...OFF, label: "i" }),
        membership(2, D, "!r:example.org", "invite"),
        membership(2, E, "!r:example.org", "leave"),
        sync(3, B, { ...OFF, since: "i", full_state: true, label: "f" }),
        sync(3, B, { ...OFF, since: "initial", label: "plain" }),
      ],
    });
    const f = syncByLabel(t, "f");
    // C never set presence (offline default) and D is only invited: both come as R52 extras;
    // X shares only an excluded room, yet R52 extras are not filtered by exclusion. E left.
    expect(senders(f)).toEqual([A, C, D, X].sort());
    expect(seen(f)[C]).toEqual({ presence: "offline" });
    expect(seen(f)[D]).toEqual({ presence: "offline" });
    expect(t.deliveries.find((d) => d.source === C && d.viewer === B)?.via).toEqual(["join"]);
    // The initial sync at the same instant hides them (R46: offline hidden, no R52).
    expect(senders(syncByLabel(t, "plain"))).toEqual([A]);
    expect(syncByLabel(t, "plain").mode).toBe("initial");
  });
  it("R48 nothing new: empty, the same token, and the router is not called", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["r.ts"] } }, users: [A, B], rooms: ROOMS, steps: [put(0, A, "online"), sync(1, B, { ...OFF, label: "i" }), sync(2, B, { ...OFF, since: "i", label: "n" })] },
      hostWith({ "r.ts": gobblerModern([B]) }),
    );
    expect(syncByLabel(t, "n").response).toEqual({});
    expect(syncByLabel(t, "n").next_batch).toBe(syncByLabel(t, "i").next_batch);
    // One get_interested_users call: the initial sync's. The incremental one short-circuits.
    expect(events(t, "router_call", (e) => e.callback === "get_interested_users").map((e) => e.at)).toEqual([1]);
  });
  it("R50 incremental: only changed users who share a room (or self); not strangers", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C],
      rooms: ROOMS,
      steps: [sync(0, B, { ...OFF, label: "i" }), put(1, A, "online"), put(1, C, "online"), sync(2, B, { ...OFF, since: "i", label: "n" })],
    });
    expect(senders(syncByLabel(t, "n"))).toEqual([A]);
  });
  it("R52 newly joined extras: a joiner's presence (offline included) and all members of a newly joined room", async () => {
    const t = await run({
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B], "!s:example.org": [C] },
      steps: [sync(0, B, { ...OFF, label: "i" }), membership(1, C, "!r:example.org", "join"), membership(1, B, "!s:example.org", "join"), sync(2, B, { ...OFF, since: "i", label: "n" })],
    });
    const s = syncByLabel(t, "n");
    expect(seen(s)[C]).toEqual({ presence: "offline" });
    expect(t.deliveries.find((d) => d.source === C)?.via).toContain("join");
  });
  it("R52 a user who joined and left within the window does not count", async () => {
    const t = await run({
      users: [A, B, C],
      rooms: ROOMS,
      steps: [sync(0, B, { ...OFF, label: "i" }), membership(1, C, "!r:example.org", "join"), membership(2, C, "!r:example.org", "leave"), sync(3, B, { ...OFF, since: "i", label: "n" })],
    });
    expect(seen(syncByLabel(t, "n"))[C]).toBeUndefined();
  });
  it("R53 senders / not_senders / types filters; types match only m.presence exactly", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B, C] },
      steps: [
        put(0, A, "online"),
        put(0, C, "online"),
        sync(1, B, { ...OFF, filter: { senders: [A] }, label: "s" }),
        sync(1, B, { ...OFF, since: "initial", filter: { not_senders: [A] }, label: "ns" }),
        sync(1, B, { ...OFF, since: "initial", filter: { types: ["m.*"] }, label: "t" }),
        sync(1, B, { ...OFF, since: "initial", filter: { types: ["m.presence"] }, label: "tp" }),
        sync(1, B, { ...OFF, since: "initial", filter: { not_types: ["m.presence"] }, label: "ntp" }),
      ],
    });
    expect(senders(syncByLabel(t, "s"))).toEqual([A]);
    expect(senders(syncByLabel(t, "ns"))).toEqual([C]);
    expect(syncByLabel(t, "t").response).toEqual({});
    // A non-empty types list that names m.presence lets everyone through; not_types removes it.
    expect(senders(syncByLabel(t, "tp"))).toEqual([A, C]);
    expect(syncByLabel(t, "ntp").response).toEqual({});
  });
  it("R54 wire format; the presence key is omitted when empty", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [put(0, A, "unavailable", "zz"), sync(2500, B, { ...OFF, label: "s" }), sync(2500, C, { ...OFF, label: "e" })] });
    expect(syncByLabel(t, "s").response).toEqual({ presence: { events: [{ type: "m.presence", sender: A, content: { presence: "unavailable", status_msg: "zz" } }] } });
    expect(syncByLabel(t, "e").response).toEqual({});
  });
  it("R55/R31 a long-poll returns as soon as a wake-up finds presence; the delivery records via", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [sync(0, B, { ...OFF, label: "i" }), sync(1000, B, { ...OFF, since: "i", timeout: 30_000, label: "lp" }), put(5000, A, "online")] });
    const lp = syncByLabel(t, "lp");
    expect(lp.at).toBe(5000);
    expect(lp.started_at).toBe(1000);
    expect(senders(lp)).toEqual([A]);
    expect(events(t, "wake", (e) => e.user === B)[0].reasons).toEqual(["room:!r:example.org"]);
    expect(t.deliveries).toContainEqual({ at: 5000, server: "example.org", source: A, viewer: B, transport: "sync", state: "online", via: ["room:!r:example.org"] });
  });
  it("R55 a long-poll with nothing to return ends at its timeout, empty", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [sync(0, B, { ...OFF, label: "i" }), sync(1000, B, { ...OFF, since: "i", timeout: 20_000, label: "lp" })] });
    expect(syncByLabel(t, "lp").at).toBe(21_000);
    expect(syncByLabel(t, "lp").response).toEqual({});
  });
});

// synapse/handlers/sync.py: no since token, timeout 0 or full_state → computed and
// returned at once; only an incremental sync with a timeout long-polls.
describe("§5 initial syncs never wait (R46, R55)", () => {
  it("R46 a sync without since returns at once whatever its timeout; the same sync with since waits", async () => {
    const t = await run({
      users: [A, B],
      rooms: ROOMS,
      steps: [sync(1000, B, { ...OFF, timeout: 30_000, label: "i" }), sync(2000, B, { ...OFF, since: "i", timeout: 30_000, label: "lp" })],
    });
    const i = syncByLabel(t, "i");
    expect([i.mode, i.started_at, i.at]).toEqual(["initial", 1000, 1000]);
    const lp = syncByLabel(t, "lp");
    expect([lp.mode, lp.started_at, lp.at]).toEqual(["incremental", 2000, 32_000]);
  });
  it("R46 full_state with a since token and a timeout returns at once", async () => {
    const t = await run({
      users: [A, B],
      rooms: ROOMS,
      steps: [sync(1000, B, { ...OFF, label: "i" }), sync(2000, B, { ...OFF, since: "i", full_state: true, timeout: 30_000, label: "f" })],
    });
    const f = syncByLabel(t, "f");
    expect([f.started_at, f.at]).toEqual([2000, 2000]);
    expect(f.mode).toBe("full_state");
  });
  it("R46 timeout 0 with a since token returns at once, empty", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [sync(1000, B, { ...OFF, label: "i" }), sync(2000, B, { ...OFF, since: "i", timeout: 0, label: "z" })] });
    expect([syncByLabel(t, "z").started_at, syncByLabel(t, "z").at]).toEqual([2000, 2000]);
  });
  it("R46 a client loop's first sync is initial and returns at the loop's start; the next one long-polls", async () => {
    const t = await run({ users: [A, B], rooms: ROOMS, steps: [client(5000, B, "start"), until(60_000)], duration: 60_000 });
    const mine = events(t, "sync", (e) => e.user === B);
    expect(mine[0]).toMatchObject({ mode: "initial", since: null, started_at: 5000, at: 5000 });
    expect(mine[1]).toMatchObject({ mode: "incremental", started_at: 5000, at: 35_000 });
  });
});
