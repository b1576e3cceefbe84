// Timeouts and loops: R25–R30, R21 restart, S1, S2, S11.
import { describe, expect, it } from "vitest";
import { client, events, put, restart, run, seen, states, stateAt, sync, syncByLabel, until } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";

describe("timeouts", () => {
  it("R25/S1 a PUT-only user goes offline about 60–65 s later (ticks on 5 s multiples from +35 s)", async () => {
    const t = await run({ users: [A], steps: [put(100_000, A, "online"), until(200_000)] });
    const off = states(t, A).find((e) => e.after.state === "offline")!;
    expect(off.cause).toBe("timeout");
    expect(off.at - 100_000).toBeGreaterThanOrEqual(60_000);
    expect(off.at - 100_000).toBeLessThanOrEqual(65_000);
    expect(off.at % 5000).toBe(0);
  });
  it("R25 no tick before +35 s: a PUT at 0 is first checked at 35 s", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "online"), until(100_000)] });
    const first = states(t, A).find((e) => e.cause === "timeout")!;
    expect(first.at).toBe(35_000);
  });
  it("R26/R28 currently_active turns false about G after the last activity, notified (S21)", async () => {
    const t = await run({ users: [A], steps: [sync(0, A, { label: "i" }), sync(11_000, A, { since: "i", timeout: 200_000, filter: { not_senders: [A] } })], duration: 200_000 });
    const flip = states(t, A).find((e) => e.before.currently_active && !e.after.currently_active)!;
    expect(flip.notified).toBe(true);
    expect(flip.after.state).toBe("online");
    expect(flip.at).toBeGreaterThan(71_000);
    expect(flip.at).toBeLessThanOrEqual(81_000);
  });
  it("S2 a client loop keeps the user online and currently active", async () => {
    const t = await run({ users: [A], clients: [{ user: A }], steps: [until(600_000)] });
    expect(stateAt(t, A, 600_000)).toBe("online");
    expect(t.final["example.org"][A].currently_active).toBe(true);
  });
  it("R28/S2 a client that keeps syncing never idles; a held-open sync idles after I", async () => {
    const t = await run({ users: [A, B], clients: [{ user: A }], steps: [sync(0, B, { label: "i" }), sync(11_000, B, { since: "i", timeout: 400_000, filter: { not_senders: [B] } }), until(400_000)], duration: 400_000 });
    expect(stateAt(t, A, 400_000)).toBe("online");
    const idle = states(t, B).find((e) => e.after.state === "unavailable")!;
    expect(idle.at).toBeGreaterThan(311_000);
    expect(idle.at).toBeLessThanOrEqual(321_000);
  });
  it("R26 a stopped client goes offline about S after its last sync start (S4)", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start"), client(50_000, A, "stop"), until(150_000)] });
    const off = states(t, A).find((e) => e.after.state === "offline")!;
    expect(off.at).toBeGreaterThan(50_000);
    expect(off.at).toBeLessThanOrEqual(50_000 + 40_000);
  });
  it("R25/R26 a device whose sync closed at t goes offline at the first tick strictly after t + S (boundary pair)", async () => {
    // Ticks fall on multiples of 5 s. Closed at 49 999: threshold 79 999, offline at 80 000.
    // Closed at 50 000: at 80 000 exactly S has passed (not more), offline at 85 000.
    for (const [at, off] of [
      [49_999, 80_000],
      [50_000, 85_000],
      [50_001, 85_000],
    ]) {
      const t = await run({ users: [A], steps: [sync(at, A, { label: "s" }), until(200_000)] });
      expect(syncByLabel(t, "s").at).toBe(at);
      const first = states(t, A).find((e) => e.after.state === "offline")!;
      expect([at, first.at, first.cause]).toEqual([at, off, "timeout"]);
    }
  });
  it("R25 after the wheel grew while holding entries, a later sync timeout still lands on its own bucket (#17850)", async () => {
    // A's and B's PUTs fill the wheel to ~310 s (idle timers), growing it once while
    // non-empty; D's sync at 279 s then gets a positional timer at 309 s. The old
    // duplicate-bucket wheel returned it a bucket early (305 s, too soon) and D went
    // offline only at 330 s; Synapse 1.157.1 checks D at 310 s.
    const D = "@dave:example.org";
    const t = await run({ users: [A, B, D], steps: [put(0, A, "online"), put(10_000, B, "online"), sync(279_000, D), until(400_000)] });
    const off = states(t, D).find((e) => e.after.state === "offline")!;
    expect([off.at, off.cause]).toEqual([310_000, "timeout"]);
  });
  it("R29 a remote user goes offline 30 min after their server last sent anything", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, "@r:remote.org"],
      steps: [{ kind: "edu", at: 0, origin: "remote.org", destination: "example.org", push: [{ user_id: "@r:remote.org", presence: "online", status_msg: "s" }] }, until(1_900_000)],
    });
    const off = states(t, "@r:remote.org", "example.org").find((e) => e.after.state === "offline")!;
    expect(off.at).toBeGreaterThan(1_800_000);
    expect(off.at).toBeLessThanOrEqual(1_810_000);
    expect(off.after.status_msg).toBe("s");
  });
  // A's client loop keeps her online: every sync start and end changes only timestamps,
  // so nothing is notified and she stays unpersisted (R22.6) until the persist loop
  // (first at +120 s, then every 60 s) gives her a new stream position.
  const repersist = (fidelity: { periodic_repersist: boolean }) =>
    run({
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      clients: [{ user: A }],
      fidelity,
      steps: [
        sync(1000, B, { set_presence: "offline", label: "b1" }),
        sync(119_999, B, { set_presence: "offline", since: "b1", label: "before" }),
        sync(120_000, B, { set_presence: "offline", since: "b1", label: "first" }),
        sync(179_999, B, { set_presence: "offline", since: "first", label: "between" }),
        sync(180_000, B, { set_presence: "offline", since: "first", label: "second" }),
      ],
      duration: 200_000,
    });
  it("R30/S11 periodic persistence re-streams persist-only changes at +120 s and every 60 s after; a roommate's next sync sees them again", async () => {
    const t = await repersist({ periodic_repersist: true });
    expect(events(t, "state", (e) => e.user === A && e.notified && e.at > 0)).toEqual([]); // nothing notified after 0
    expect(seen(syncByLabel(t, "before"))).toEqual({});
    expect(Object.keys(seen(syncByLabel(t, "first")))).toEqual([A]);
    expect(seen(syncByLabel(t, "between"))).toEqual({});
    expect(Object.keys(seen(syncByLabel(t, "second")))).toEqual([A]);
    expect(events(t, "wake", (e) => e.at === 120_000)).toEqual([]); // S11: nobody is woken
  });
  it("R30 fidelity.periodic_repersist off: no re-stream at +120 s", async () => {
    const t = await repersist({ periodic_repersist: false });
    expect(seen(syncByLabel(t, "first"))).toEqual({});
    expect(seen(syncByLabel(t, "second"))).toEqual({});
  });
  it("R21 restart: records restored with a pseudo-device, timers rebuilt, loop restarts 35 s later", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "online", "hi"), restart(10_000, "example.org"), until(200_000)] });
    const st = states(t, A);
    const off = st.find((e) => e.after.state === "offline")!;
    // Before restart the first tick would be at 35 s; after it, at 45 s.
    expect(off.at).toBe(45_000);
    expect(off.before.status_msg).toBe("hi");
  });
});
