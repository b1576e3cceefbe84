// Pure rules: R1, R3, R9, R19, R23, R24, R25 (wheel), R26, R27.
import { describe, expect, it } from "vitest";
import { combine, newDevice, priority, type DeviceMap } from "../../src/engine/devices.ts";
import { RateLimiter } from "../../src/engine/ratelimit.ts";
import { handleTimeout, handleUpdate, shouldNotify } from "../../src/engine/rules.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { WheelTimer } from "../../src/engine/wheel.ts";
import { formatPresence } from "../../src/engine/wire.ts";

const T = { G: 60_000, S: 30_000, I: 300_000 };
const NOW = 1767225600000 + 1_000_000;
const rec = (o: Partial<UserPresenceState> = {}) => UserPresenceState.default("@a:hs").copy_and_replace(o);

describe("data model", () => {
  it("R1 busy > online > unavailable > offline", () => {
    expect(priority("org.matrix.msc3026.busy")).toBeGreaterThan(priority("online"));
    expect(priority("online")).toBeGreaterThan(priority("unavailable"));
    expect(priority("unavailable")).toBeGreaterThan(priority("offline"));
  });
  it("R3 a new device is offline with zero timestamps", () => {
    expect(newDevice("D")).toEqual({ device_id: "D", state: "offline", last_active_ts: 0, last_sync_ts: 0 });
  });
  it("R19 combine: highest (priority, last_active_ts), earlier device wins ties, empty is offline", () => {
    expect(combine([])).toBe("offline");
    expect(combine([{ device_id: "a", state: "unavailable", last_active_ts: 9, last_sync_ts: 0 }, { device_id: "b", state: "online", last_active_ts: 1, last_sync_ts: 0 }])).toBe("online");
    expect(combine([{ device_id: "a", state: "offline", last_active_ts: 5, last_sync_ts: 0 }, { device_id: "b", state: "offline", last_active_ts: 5, last_sync_ts: 0 }])).toBe("offline");
  });
});

describe("R9 rate limiter", () => {
  it("R9 second action allowed exactly 10 s later; retry_after_ms about 10000", () => {
    const l = new RateLimiter(0.1, 1);
    expect(l.attempt("u", 0).allowed).toBe(true);
    const d = l.attempt("u", 1);
    expect(d.allowed).toBe(false);
    expect(d.retry_after_ms).toBe(9999);
    expect(l.attempt("u", 9_999).allowed).toBe(false);
    expect(l.attempt("u", 10_000).allowed).toBe(true);
    expect(l.attempt("v", 10_000).allowed).toBe(true); // keyed per user
  });
});

describe("R24 should_notify", () => {
  it("R24 identical records do not notify; status change notifies; state change notifies", () => {
    expect(shouldNotify(rec(), rec(), 60_000)).toBe(false);
    expect(shouldNotify(rec(), rec({ status_msg: "x" }), 60_000)).toBe(true);
    expect(shouldNotify(rec(), rec({ state: "online" }), 60_000)).toBe(true);
  });
  it("R24 online: currently_active flip notifies; last_active bump > G notifies only when not active", () => {
    const o = rec({ state: "online", currently_active: true, last_active_ts: 1000 });
    expect(shouldNotify(o, o.copy_and_replace({ currently_active: false }), 60_000)).toBe(true);
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 1000 + 60_001 }), 60_000)).toBe(false);
    const p = o.copy_and_replace({ currently_active: false });
    expect(shouldNotify(p, p.copy_and_replace({ last_active_ts: 1000 + 60_001 }), 60_000)).toBe(true);
    expect(shouldNotify(p, p.copy_and_replace({ last_active_ts: 1000 + 60_000 }), 60_000)).toBe(false);
  });
  it("R24 not online: last_active bump > G notifies; sync/federation timestamps never do", () => {
    const o = rec({ state: "unavailable", last_active_ts: 1000 });
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 61_001 }), 60_000)).toBe(true);
    expect(shouldNotify(o, o.copy_and_replace({ last_user_sync_ts: 5 }), 60_000)).toBe(false);
    expect(shouldNotify(o, o.copy_and_replace({ last_federation_update_ts: 5 }), 60_000)).toBe(false);
  });
});

describe("R23 handle_update", () => {
  it("R23 local online: timers at last_active+I, +G, last_user_sync+S; currently_active strict <G", () => {
    const n = rec({ state: "online", last_active_ts: NOW, last_federation_update_ts: NOW });
    const r = handleUpdate(rec(), n, true, NOW, { ...T, persistOnly: false });
    expect(r.timers).toEqual([NOW + T.I, NOW + T.G, 0 + T.S]);
    expect(r.record.currently_active).toBe(true);
    expect(r.notify).toBe(true);
    expect(r.record.last_federation_update_ts).toBe(NOW);
    const old = handleUpdate(rec(), rec({ state: "online", last_active_ts: NOW - T.G }), true, NOW, { ...T, persistOnly: false });
    expect(old.record.currently_active).toBe(false);
  });
  it("R23 ping when last_federation_update_ts older than 25 min; persistOnly sets no timers", () => {
    const prev = rec({ state: "unavailable", last_active_ts: NOW - 10, last_federation_update_ts: NOW - 1_500_001 });
    const r = handleUpdate(prev, prev, true, NOW, { ...T, persistOnly: true });
    expect(r.timers).toEqual([]);
    expect(r.ping).toBe(true);
    expect(r.notify).toBe(false);
    expect(r.record.last_federation_update_ts).toBe(NOW);
  });
  it("R23 unavailable keeps currently_active; remote gets a FED_TIMEOUT timer only", () => {
    const r = handleUpdate(rec(), rec({ state: "unavailable", currently_active: true }), true, NOW, { ...T, persistOnly: false });
    expect(r.record.currently_active).toBe(true);
    const rr = rec({ user_id: "@r:other", state: "online", last_federation_update_ts: NOW, currently_active: true });
    const res = handleUpdate(UserPresenceState.default("@r:other"), rr, false, NOW, { ...T, persistOnly: false });
    expect(res.timers).toEqual([NOW + 1_800_000]);
    expect(res.record.currently_active).toBe(true);
  });
});

describe("R25 wheel timer (Synapse 1.157.1 wheel_timer.py)", () => {
  it("R25 a deadline d is returned by the first check at or after (floor(d/5000)+1)*5000", () => {
    const w = new WheelTimer();
    w.insert(0, "u", 12_000);
    expect(w.fetch(14_999)).toEqual([]);
    expect(w.fetch(15_000)).toEqual(["u"]);
  });
  it("R25 boundary: a deadline 1 ms before a bucket boundary is due at the boundary; exactly on it, one bucket later", () => {
    const w = new WheelTimer();
    w.insert(0, "before", 14_999);
    w.insert(0, "on", 15_000);
    w.insert(0, "past", 15_001);
    expect(w.fetch(15_000)).toEqual(["before"]);
    expect(w.fetch(19_999)).toEqual([]);
    expect(w.fetch(20_000)).toEqual(["on", "past"]);
  });
  it("R25 a past deadline into an empty wheel goes to the bucket after now (boundary pair on now)", () => {
    const w = new WheelTimer();
    w.insert(99_999, "a", 5); // now in bucket 19: due at 100 000
    expect(w.keys()).toEqual([20]);
    expect(w.fetch(99_999)).toEqual([]);
    expect(w.fetch(100_000)).toEqual(["a"]);
    const v = new WheelTimer();
    v.insert(100_000, "b", 5); // now in bucket 20: due at 105 000
    expect(v.fetch(104_999)).toEqual([]);
    expect(v.fetch(105_000)).toEqual(["b"]);
  });
  it("R25 a past deadline into a non-empty wheel goes to the earliest pending bucket; users once per check", () => {
    const w = new WheelTimer();
    w.insert(100_000, "a", 200_000);
    w.insert(100_000, "b", 5);
    w.insert(100_000, "a", 7);
    expect(w.keys()[0]).toBe(21);
    expect(w.fetch(104_999)).toEqual([]);
    expect(w.fetch(105_000)).toEqual(["b", "a"]);
  });
  it("R25 buckets stay contiguous and unique: growing the wheel starts after its last key (upstream #17850)", () => {
    const w = new WheelTimer();
    w.insert(0, "a", 10_000); // buckets 1..3
    w.insert(0, "b", 20_000); // grows to 1..5 (no second bucket 3)
    expect(w.keys()).toEqual([1, 2, 3, 4, 5]);
    w.insert(0, "c", 17_000); // bucket 4: due at 20 000, not 15 000
    expect(w.fetch(15_000)).toEqual(["a"]);
    expect(w.fetch(19_999)).toEqual([]);
    expect(w.fetch(20_000)).toEqual(["c"]);
    expect(w.fetch(25_000)).toEqual(["b"]);
    expect(w.keys()).toEqual([]);
  });
});

describe("R26/R27 handle_timeout (pure: returns the record and the new device map)", () => {
  const devs = (...ds: Array<[string, string, number, number]>): DeviceMap => new Map(ds.map(([id, state, la, ls]) => [id, { device_id: id, state, last_active_ts: la, last_sync_ts: ls }]));
  const never = () => false;
  it("R26 offline users never time out, their devices untouched", () => {
    expect(handleTimeout(rec(), true, devs(["D", "online", 0, 0]), never, NOW, T)).toEqual({ record: null, devices: null });
  });
  it("R26 idle after I (boundary: I exactly is not idle), device removed after S when not syncing, kept while syncing", () => {
    const s = rec({ state: "online", last_active_ts: NOW - 10, last_federation_update_ts: NOW });
    const d1 = devs(["D", "online", NOW - 300_001, NOW - 10]);
    const r1 = handleTimeout(s, true, d1, () => true, NOW, T);
    expect(r1.record?.state).toBe("unavailable");
    expect(r1.devices?.get("D")?.state).toBe("unavailable");
    expect(d1.get("D")?.state).toBe("online"); // the input is not modified
    expect(handleTimeout(s, true, devs(["D", "online", NOW - 300_000, NOW - 10]), () => true, NOW, T)).toEqual({ record: null, devices: null });
    const d2 = devs(["D", "online", NOW - 30_001, NOW - 30_001]);
    const r2 = handleTimeout(s, true, d2, never, NOW, T);
    expect(r2.record?.state).toBe("offline");
    expect(r2.devices?.size).toBe(0);
    expect(d2.size).toBe(1);
    expect(handleTimeout(s, true, devs(["D", "online", NOW - 30_000, NOW - 30_000]), never, NOW, T).devices).toBeNull();
    expect(handleTimeout(s, true, devs(["D", "online", NOW - 30_001, NOW - 30_001]), () => true, NOW, T)).toEqual({ record: null, devices: null });
  });
  it("R26.3 device edits stand even when the user's state does not change", () => {
    // Two devices: the stale one goes, the other keeps the user online.
    const s = rec({ state: "online", last_active_ts: NOW - 10, last_federation_update_ts: NOW });
    const r = handleTimeout(s, true, devs(["old", "online", NOW - 30_001, NOW - 30_001], ["new", "online", NOW - 10, NOW - 10]), never, NOW, T);
    expect(r.record).toBeNull();
    expect([...(r.devices?.keys() ?? [])]).toEqual(["new"]);
  });
  it("R26 busy devices are never idled and last BUSY_TIMEOUT; status_msg untouched", () => {
    const s = rec({ state: "org.matrix.msc3026.busy", status_msg: "x", last_active_ts: NOW, last_federation_update_ts: NOW });
    const d = devs(["D", "org.matrix.msc3026.busy", NOW - 400_000, NOW - 400_000]);
    expect(handleTimeout(s, true, d, never, NOW, T)).toEqual({ record: null, devices: null });
    const r = handleTimeout(s, true, devs(["D", "org.matrix.msc3026.busy", NOW - 3_600_001, 0]), never, NOW, T);
    expect(r.record?.state).toBe("offline");
    expect(r.record?.status_msg).toBe("x");
  });
  it("R26.4/R26.5 changed when last_active older than G or federation older than FED_PING", () => {
    const s = rec({ state: "online", last_active_ts: NOW - 60_001, last_federation_update_ts: NOW, currently_active: true });
    expect(handleTimeout(s, true, undefined, never, NOW, T).record).toBe(s);
    expect(handleTimeout(s.copy_and_replace({ last_active_ts: NOW - 60_000 }), true, undefined, never, NOW, T).record).toBeNull();
    const f = rec({ state: "online", last_active_ts: NOW, last_federation_update_ts: NOW - 1_500_001 });
    expect(handleTimeout(f, true, undefined, never, NOW, T).record).toBe(f);
    expect(handleTimeout(f.copy_and_replace({ last_federation_update_ts: NOW - 1_500_000 }), true, undefined, never, NOW, T).record).toBeNull();
  });
  it("R27 remote users go offline after 30 min, keeping status_msg and currently_active", () => {
    const s = rec({ user_id: "@r:o", state: "online", status_msg: "m", currently_active: true, last_federation_update_ts: NOW - 1_800_001 });
    const r = handleTimeout(s, false, undefined, never, NOW, T);
    expect(r.record?.as_dict()).toEqual({ ...s.as_dict(), state: "offline" });
    expect(handleTimeout(s.copy_and_replace({ last_federation_update_ts: NOW - 1_800_000 }), false, undefined, never, NOW, T).record).toBeNull();
  });
});

describe("R38/R54 wire format", () => {
  it("R38 a default record becomes exactly {presence, user_id}", () => {
    expect(JSON.stringify(formatPresence(UserPresenceState.default("@user:test"), NOW, true))).toBe('{"presence":"offline","user_id":"@user:test"}');
  });
  it("R54 currently_active only for online (even false); status only when non-empty; no user_id", () => {
    expect(formatPresence(rec({ state: "online", last_active_ts: NOW - 5, status_msg: "" }), NOW, false)).toEqual({ presence: "online", last_active_ago: 5, currently_active: false });
    expect(formatPresence(rec({ state: "unavailable", currently_active: true, status_msg: "s" }), NOW, false)).toEqual({ presence: "unavailable", status_msg: "s" });
  });
});
