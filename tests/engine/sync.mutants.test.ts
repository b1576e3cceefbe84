// /sync edge cases (R11–R16, R45–R55): requests that fail before or while affecting
// presence, the long-poll's start and end (Synapse's notifier), and tokens.
import { describe, expect, it } from "vitest";
import { startSync } from "../../src/engine/sync.ts";
import { World } from "../../src/engine/world.ts";
import { hostFromModules } from "./support/host.ts";
import { hostWith, routerOf } from "./support/routers.ts";
import { events, membership, put, run, scenario, seen, senders, states, sync, syncByLabel, T0 } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";
const G = "@gob:example.org";
const OFF = { set_presence: "offline" };
const FAST = { rc: { per_second: 1000, burst_count: 1000 } };

describe("sync edge cases", () => {
  it("R46 a `since` naming a sync that has not returned yet is a 400; presence is not affected", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A],
      steps: [sync(0, A, { ...OFF, label: "i" }), sync(1, A, { ...OFF, since: "i", timeout: 10_000, label: "lp" }), sync(2, A, { since: "lp", label: "x" })],
    });
    const x = syncByLabel(t, "x");
    expect(x.error).toEqual({ status: 400, errcode: "M_INVALID_PARAM", message: 'since: the sync labelled "lp" has not returned yet' });
    expect(x.next_batch).toBe("");
    expect(x.response).toEqual({});
    expect(states(t, A)).toEqual([]);
    expect(events(t, "error")).toEqual([]);
  });

  it("R46 a sync resumes from a labelled sync's next_batch", async () => {
    const t = await run({ servers: { "example.org": FAST }, users: [A, B], rooms: { "!r:example.org": [A, B] }, steps: [sync(0, A, { ...OFF, label: "i" }), put(1, B, "online"), sync(2, A, { ...OFF, since: "i", label: "n" })] });
    expect(syncByLabel(t, "n").since).toBe(syncByLabel(t, "i").next_batch);
    expect(syncByLabel(t, "n").mode).toBe("incremental");
    expect(senders(syncByLabel(t, "n"))).toEqual([B]);
  });

  it("R46 a malformed stream token is a 400 naming it", async () => {
    const w = new World(scenario({ users: [A] }), hostFromModules({}));
    const s = w.servers.get("example.org")!;
    let returned: unknown = null;
    const p = await startSync(s, { user: A, device: "DEV", set_presence: "online", since: "bogus", timeout: 0, full_state: false, filter: null, label: "b", onReturn: (r) => (returned = r) });
    expect(p.done).toBe(true);
    const ev = w.recorder.all().filter((e) => e.type === "sync");
    expect(ev.length).toBe(1);
    expect(ev[0]).toMatchObject({ label: "b", since: "bogus", next_batch: "", error: { status: 400, errcode: "M_INVALID_PARAM", message: "Invalid stream token bogus" } });
    expect(returned).toEqual({ next_batch: null, error: { status: 400, errcode: "M_INVALID_PARAM", message: "Invalid stream token bogus" } });
    // Not presence-affecting: no state change, no syncing counter.
    expect(s.current.size).toBe(0);
    expect(s.isSyncing(A, "DEV")).toBe(false);
  });

  it("R12 a sync over rc_presence says so in a debug log and does not affect presence", async () => {
    const t = await run({ users: [A], steps: [sync(0, A, { label: "a" }), sync(1, A, { label: "b" })] });
    expect(states(t, A).map((e) => e.at)).toEqual([0]);
    const logs = events(t, "log", (e) => e.level === "debug" && e.message === `${A}: /sync over rc_presence, presence not affected (R12)`);
    expect(logs.map((e) => e.at)).toEqual([1]);
  });

  it("R14 a presence-affecting sync that fails while setting presence answers 500, and its device stays syncing for good (Synapse never decrements)", async () => {
    // The router maps A's updates to a key that is not a user id: fan-out raises (R34).
    const host = hostWith({ "router.ts": routerOf((st) => (st.some((r: { user_id: string }) => r.user_id === A) ? new Map([["notauser", new Set(st)]]) : new Map()), () => new Set()) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [A], steps: [sync(0, A, { label: "s" })], duration: 300_000 }, host);
    expect(syncByLabel(t, "s").error).toEqual({ status: 500, errcode: "M_UNKNOWN", message: "Internal server error" });
    expect(events(t, "error")[0]).toMatchObject({ at: 0, message: `/sync for ${A} failed: router returned the key 'notauser', which is not a user id` });
    // R16 never ran: last_user_sync_ts stays at the sync's start, and the device never times out.
    expect(states(t, A).every((e) => e.after.last_user_sync_ts === T0)).toBe(true);
    expect(states(t, A).at(-1)?.after.state).toBe("online");
  });

  it("R55 a long-poll woken with nothing to show answers at its timeout with that evaluation's token", async () => {
    // The router wakes G for A's change (R31) but G may see nobody; B's later change wakes nobody.
    const host = hostWith({ "router.ts": routerOf((st) => (st.some((r: { user_id: string }) => r.user_id === A) ? new Map([[G, new Set()]]) : new Map()), () => new Set()) });
    const t = await run(
      {
        servers: { "example.org": { ...FAST, modules: ["router.ts"] } },
        users: [A, B, G],
        steps: [sync(0, G, { ...OFF, label: "i" }), sync(1, G, { ...OFF, since: "i", timeout: 10_000, label: "lp" }), put(2, A, "online"), put(3, B, "online")],
      },
      host,
    );
    const lp = syncByLabel(t, "lp");
    expect([lp.started_at, lp.at]).toEqual([1, 10_001]);
    expect(lp.response).toEqual({});
    expect(lp.next_batch).toBe("s1_0"); // the token of the wake-up at 2, not s2_0
  });

  it("R55 a long-poll whose since is already behind the stream answers at once when something is visible", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [sync(0, A, { ...OFF, label: "i" }), put(1, B, "online"), sync(2, A, { ...OFF, since: "i", timeout: 10_000, label: "lp" })],
    });
    const lp = syncByLabel(t, "lp");
    expect([lp.started_at, lp.at]).toEqual([2, 2]);
    expect(senders(lp)).toEqual([B]);
  });

  it("R55 a long-poll whose since is behind only by a stranger's change waits for its timeout", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B] },
      steps: [sync(0, A, { ...OFF, label: "i" }), put(1, C, "online"), sync(2, A, { ...OFF, since: "i", timeout: 10_000, label: "lp" })],
    });
    const lp = syncByLabel(t, "lp");
    expect([lp.started_at, lp.at]).toEqual([2, 10_002]);
    expect(lp.response).toEqual({});
    expect(lp.next_batch).toBe("s1_0");
  });

  it("R52 a long-poll whose since is behind only on the membership stream answers at once with the new member", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B],
      rooms: { "!r:example.org": [A] },
      steps: [sync(0, A, { ...OFF, label: "i" }), membership(1, B, "!r:example.org", "join"), sync(2, A, { ...OFF, since: "i", timeout: 10_000, label: "lp" })],
    });
    const lp = syncByLabel(t, "lp");
    expect([lp.started_at, lp.at]).toEqual([2, 2]);
    expect(seen(lp)[B]).toEqual({ presence: "offline" });
    expect(t.deliveries.find((d) => d.viewer === A && d.source === B)?.via).toEqual(["join"]);
  });

  it("R15 a long-poll returns exactly at its timeout: timeout 1 waits 1 ms, timeout 0 not at all", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A],
      steps: [sync(0, A, { ...OFF, label: "i" }), sync(5, A, { ...OFF, since: "i", timeout: 1, label: "one" }), sync(5, A, { ...OFF, since: "i", timeout: 0, label: "zero" })],
    });
    expect(syncByLabel(t, "one").at).toBe(6);
    expect(syncByLabel(t, "zero").at).toBe(5);
  });

  it("R52 members of a newly joined room: joined, invited and knocking ones, offline included; not those who left; not self", async () => {
    const D = "@dave:example.org";
    const E = "@erin:example.org";
    const F = "@fay:example.org";
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C, D, E, F],
      rooms: { "!r:example.org": [A, B], "!s:example.org": [C, D, F] },
      steps: [
        membership(0, E, "!s:example.org", "invite"),
        membership(0, F, "!s:example.org", "leave"),
        sync(1, B, { ...OFF, label: "i" }),
        membership(2, B, "!s:example.org", "join"),
        sync(3, B, { ...OFF, since: "i", label: "n" }),
      ],
    });
    const n = syncByLabel(t, "n");
    expect(senders(n)).toEqual([C, D, E].sort());
    expect(seen(n)[E]).toEqual({ presence: "offline" });
    expect(t.deliveries.filter((d) => d.viewer === B).map((d) => d.via)).toEqual([["join"], ["join"], ["join"]]);
  });

  it("R52 a room left and rejoined within the window counts as newly joined (Synapse: non-join events while still in the room)", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [sync(1, B, { ...OFF, label: "i" }), membership(2, B, "!r:example.org", "leave"), membership(3, B, "!r:example.org", "join"), sync(4, B, { ...OFF, since: "i", label: "n" })],
    });
    expect(seen(syncByLabel(t, "n"))).toEqual({ [A]: { presence: "offline" } });
  });

  it("R52 a room the user stayed in gives no extras; one the user left gives none either", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B], "!s:example.org": [B, C] },
      steps: [sync(1, B, { ...OFF, label: "i" }), membership(2, B, "!s:example.org", "leave"), sync(4, B, { ...OFF, since: "i", label: "n" })],
    });
    expect(syncByLabel(t, "n").response).toEqual({});
  });

  it("R46 timeout 0 with a since token is answered inside its own step, before later steps at that instant", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [sync(0, A, { ...OFF, label: "i" }), sync(5, A, { ...OFF, since: "i", timeout: 0, label: "z" }), put(5, B, "online")],
    });
    expect(syncByLabel(t, "z").response).toEqual({});
    expect(syncByLabel(t, "z").at).toBe(5);
  });

  it("R31/R55 two devices of one user long-polling at once are both woken", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: { [A]: ["D1", "D2"], [B]: ["DEV"] },
      rooms: { "!r:example.org": [A, B] },
      steps: [
        sync(0, A, { ...OFF, device: "D1", label: "i" }),
        sync(1, A, { ...OFF, device: "D1", since: "i", timeout: 30_000, label: "l1" }),
        sync(1, A, { ...OFF, device: "D2", since: "i", timeout: 30_000, label: "l2" }),
        put(7, B, "online"),
      ],
    });
    expect([syncByLabel(t, "l1").at, syncByLabel(t, "l2").at]).toEqual([7, 7]);
    expect(senders(syncByLabel(t, "l1"))).toEqual([B]);
    expect(senders(syncByLabel(t, "l2"))).toEqual([B]);
  });
});
