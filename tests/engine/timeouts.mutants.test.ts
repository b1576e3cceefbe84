// The server loops and restarts (timeouts.ts) beyond timeouts.test.ts: a failing
// timeout check is logged and the loop goes on (R25), shutdown persists first and a
// restored remote record keeps its 30-min federation timeout (R21, R29).
import { describe, expect, it } from "vitest";
import { edu, events, put, restart, run, states, sync, T0, until } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const R = "@rita:remote.org";
const FAST = { per_second: 1000, burst_count: 1000 };

describe("server loops and restarts", () => {
  it("R25/R34 a timeout check whose fan-out fails is logged, its records stay stored, and later checks still run", async () => {
    // The router relabels every record as a remote user's: the federation sender's R34
    // assertion fails in every fan-out (the PUTs answer 500, the timeouts are logged).
    const relabel = routerOf(
      (states) => new Map([[R, new Set(states.map((s: any) => s.copy_and_replace({ user_id: R })))]]),
      () => new Set(),
    );
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"], rc: FAST }, "remote.org": {} }, users: [A, B, R], steps: [put(0, A, "online"), put(40_000, B, "online"), until(120_000)] },
      hostWith({ "router.ts": relabel }),
    );
    const failed = events(t, "error", (e) => e.message.startsWith("presence timeout check failed: "));
    expect(failed.map((e) => e.at)).toEqual([35_000, 105_000]);
    expect(failed[0].message).toContain("records of non-local user(s) @rita:remote.org were routed to remote.org");
    expect(states(t, A).at(-1)).toMatchObject({ at: 35_000, cause: "timeout", after: { state: "offline" } });
    expect(states(t, B).at(-1)).toMatchObject({ at: 105_000, cause: "timeout", after: { state: "offline" } });
  });

  it("R21 shutdown persists what was not yet persisted: the restored record carries the sync end's timestamp", async () => {
    // The long-poll ends at 6000: only last_user_sync_ts changes (persist-only, R16/R22.6).
    const t = await run({
      servers: { "example.org": { rc: FAST } },
      users: [A],
      steps: [sync(0, A, { label: "i" }), sync(1000, A, { since: "i", timeout: 5000 }), restart(10_000, "example.org"), until(100_000)],
    });
    const off = states(t, A).find((e) => e.after.state === "offline")!;
    expect(off.cause).toBe("timeout");
    expect(off.before.last_user_sync_ts).toBe(T0 + 6000);
  });

  it("R21/R29 a restored remote record still goes offline 30 min after its server's last EDU (not 25)", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, R],
      steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }]), restart(10_000, "example.org"), until(1_900_000)],
    });
    const off = states(t, R, "example.org").filter((e) => e.after.state === "offline");
    // Restarted at 10 s: checks at 45 s + 5 s·n; the first one past 1 800 000 is 1 805 000.
    expect(off.map((e) => e.at)).toEqual([1_805_000]);
  });

  it("R21 a restart drops pending long-polls: they never answer, even past their timeout", async () => {
    const steps = [sync(0, B, { set_presence: "offline", label: "i" }), sync(1000, B, { set_presence: "offline", since: "i", timeout: 60_000, label: "lp" })];
    const dropped = await run({ users: [A, B], steps: [...steps, restart(5000, "example.org"), until(70_000)] });
    expect(events(dropped, "sync", (e) => e.label === "lp")).toEqual([]);
    const kept = await run({ users: [A, B], steps: [...steps, until(70_000)] });
    expect(events(kept, "sync", (e) => e.label === "lp").map((e) => e.at)).toEqual([61_000]);
  });
  it("R21 a running client loop reconnects at once after a restart and keeps its user online", async () => {
    const t = await run({ users: [A], clients: [{ user: A }], steps: [restart(10_000, "example.org"), until(200_000)] });
    expect(events(t, "sync", (e) => e.started_at === 10_000).length).toBeGreaterThan(0);
    expect(states(t, A).filter((e) => e.after.state === "offline")).toEqual([]);
  });
  it("R21 presence queued for a destination behind a transaction in flight is lost with a restart; the one in flight still arrives", async () => {
    // 0: A online goes out at once (in flight until 1000). 10: A unavailable is queued
    // behind it. 500: restart. Nothing more is sent at 1000.
    const t = await run({
      servers: { "example.org": { rc: FAST }, "remote.org": {} },
      users: [A, R],
      rooms: { "!r:example.org": [A, R] },
      federation_delay: { min: 1000, max: 1000 },
      steps: [put(0, A, "online"), put(10, A, "unavailable"), restart(500, "example.org"), until(5000)],
    });
    expect(events(t, "edu_sent", (e) => e.server === "example.org").map((e) => [e.at, e.edu.content.push.map((p) => p.presence)])).toEqual([[0, ["online"]]]);
    expect(events(t, "edu_received", (e) => e.server === "remote.org").map((e) => e.at)).toEqual([1000]);
  });
});

describe("R21 a restart re-arms each restored record's own deadlines", () => {
  // startup() puts every restored online record back in the wheel at last_active + I and
  // last_user_sync + S. Checks after a restart start at +35 s (R25) and then every 5 s; a
  // deadline in the past would be checked once at the first tick and then forgotten.
  it("R21 R26 the idle timeout: unavailable at the first check past last_active + I", async () => {
    const t = await run({
      servers: { "example.org": { I: 60_000, S: 3_600_000, rc: FAST } },
      users: [A],
      steps: [put(0, A, "online"), restart(10_000, "example.org"), until(200_000)],
    });
    const idle = states(t, A).filter((e) => e.after.state !== "online");
    // now − last_active > I is strict (R26): at 60 s exactly Alice is not idle yet; 65 s is.
    expect(idle.map((e) => [e.at, e.after.state])).toEqual([[65_000, "unavailable"]]);
  });

  it("R21 R25 the sync timeout: offline at the first check past last_user_sync + S", async () => {
    const t = await run({
      servers: { "example.org": { S: 60_000, rc: FAST } },
      users: [A],
      steps: [sync(0, A, { label: "i" }), sync(1000, A, { since: "i", timeout: 5000 }), restart(10_000, "example.org"), until(200_000)],
    });
    const off = states(t, A).filter((e) => e.after.state === "offline");
    // The long-poll ended at 6 s: 6 + 60 = 66 s, checked at 70 s.
    expect(off.map((e) => e.at)).toEqual([70_000]);
  });
});
