// Boundary pairs for the pure rules (R23, R24, R26) that rules.unit.test.ts leaves on one
// side only: each strict comparison at exactly its threshold and 1 ms past it. Written
// against the surviving mutants of `npm run mutate -- src/engine/rules.ts`.
import { describe, expect, it } from "vitest";
import { BUSY_TIMEOUT, FED_PING, FED_TIMEOUT } from "../../src/engine/config.ts";
import type { DeviceMap } from "../../src/engine/devices.ts";
import { handleTimeout, handleUpdate, shouldNotify } from "../../src/engine/rules.ts";
import { UserPresenceState } from "../../src/engine/state.ts";

const T = { G: 60_000, S: 30_000, I: 300_000 };
const NOW = 1767225600000 + 10_000_000;
const BUSY = "org.matrix.msc3026.busy";
const rec = (o: Partial<UserPresenceState> = {}) => UserPresenceState.default("@a:hs").copy_and_replace(o);
const devs = (...ds: Array<[string, string, number, number]>): DeviceMap => new Map(ds.map(([id, state, la, ls]) => [id, { device_id: id, state, last_active_ts: la, last_sync_ts: ls }]));
const never = () => false;
const LIVE = { ...T, persistOnly: false };

describe("R24 should_notify boundaries", () => {
  it("R24.5 not online: a last_active bump of exactly G does not notify, G + 1 ms does", () => {
    const o = rec({ state: "unavailable", last_active_ts: 1000 });
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 1000 + T.G }), T.G)).toBe(false);
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 1000 + T.G + 1 }), T.G)).toBe(true);
  });
  it("R24.5 not online: currently_active alone never notifies; a bump past G notifies even when active", () => {
    const o = rec({ state: "unavailable", currently_active: true, last_active_ts: 1000 });
    expect(shouldNotify(o, o.copy_and_replace({ currently_active: false }), T.G)).toBe(false);
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 1000 + T.G + 1 }), T.G)).toBe(true);
  });
  it("R24.4 online and still active: a bump past G alone does not notify (needs !currently_active)", () => {
    const o = rec({ state: "online", currently_active: true, last_active_ts: 1000 });
    expect(shouldNotify(o, o.copy_and_replace({ last_active_ts: 1000 + T.G + 1 }), T.G)).toBe(false);
  });
});

describe("R23 handle_update boundaries", () => {
  it("R23 ping: last_federation_update_ts exactly FED_PING old does not ping, 1 ms older does", () => {
    const at = rec({ state: "unavailable", last_active_ts: NOW - 10, last_federation_update_ts: NOW - FED_PING });
    const r = handleUpdate(at, at, true, NOW, LIVE);
    expect(r.ping).toBe(false);
    expect(r.record.last_federation_update_ts).toBe(NOW - FED_PING);
    const past = at.copy_and_replace({ last_federation_update_ts: NOW - FED_PING - 1 });
    expect(handleUpdate(past, past, true, NOW, LIVE).ping).toBe(true);
  });
  it("R23 currently_active: last_active exactly G - 1 ms ago is active, exactly G is not", () => {
    const n = (la: number) => rec({ state: "online", last_active_ts: la, last_federation_update_ts: NOW });
    expect(handleUpdate(rec(), n(NOW - T.G + 1), true, NOW, LIVE).record.currently_active).toBe(true);
    expect(handleUpdate(rec(), n(NOW - T.G + 1), true, NOW, LIVE).timers).toEqual([NOW - T.G + 1 + T.I, NOW + 1, T.S]);
    expect(handleUpdate(rec(), n(NOW - T.G), true, NOW, LIVE).timers).toEqual([NOW - T.G + T.I, T.S]);
  });
  it("R23 busy: a sync timer and a BUSY_TIMEOUT timer, both from last_user_sync_ts", () => {
    const n = rec({ state: BUSY, last_active_ts: NOW, last_user_sync_ts: NOW - 5, last_federation_update_ts: NOW });
    expect(handleUpdate(rec(), n, true, NOW, LIVE).timers).toEqual([NOW - 5 + T.S, NOW - 5 + BUSY_TIMEOUT]);
    expect(handleUpdate(rec(), n, true, NOW, { ...T, persistOnly: true }).timers).toEqual([]);
  });
  it("R23 offline local: no timers and no ping, even with a stale federation timestamp", () => {
    const n = rec({ state: "offline", status_msg: "bye", last_federation_update_ts: 0 });
    const r = handleUpdate(rec(), n, true, NOW, LIVE);
    expect(r.timers).toEqual([]);
    expect(r.ping).toBe(false);
    expect(r.notify).toBe(true); // status_msg changed (R24.2)
  });
  it("R23 remote with persistOnly: no FED_TIMEOUT timer", () => {
    const rr = UserPresenceState.default("@r:other").copy_and_replace({ state: "online", last_federation_update_ts: NOW });
    expect(handleUpdate(UserPresenceState.default("@r:other"), rr, false, NOW, { ...T, persistOnly: true }).timers).toEqual([]);
    expect(handleUpdate(UserPresenceState.default("@r:other"), rr, false, NOW, LIVE).timers).toEqual([NOW + FED_TIMEOUT]);
  });
  it("R23 a notified record gets last_federation_update_ts = now; an unnotified one keeps its own", () => {
    const n = rec({ state: "online", last_active_ts: NOW, last_federation_update_ts: NOW - 10 });
    const r = handleUpdate(rec(), n, true, NOW, LIVE);
    expect(r.notify).toBe(true);
    expect(r.record.last_federation_update_ts).toBe(NOW);
    const same = handleUpdate(r.record.copy_and_replace({ last_federation_update_ts: NOW - 10 }), r.record.copy_and_replace({ last_federation_update_ts: NOW - 10 }), true, NOW, LIVE);
    expect(same.notify).toBe(false);
    expect(same.record.last_federation_update_ts).toBe(NOW - 10);
  });
});

describe("R26 handle_timeout boundaries", () => {
  const s = rec({ state: "online", last_active_ts: NOW - 10, last_federation_update_ts: NOW });
  it("R26.2.2 the sync limit runs from the later of last_sync_ts and last_active_ts", () => {
    // Recent activity keeps a device whose last sync is old, and the other way round.
    expect(handleTimeout(s, true, devs(["D", "online", NOW - 10, 0]), never, NOW, T)).toEqual({ record: null, devices: null });
    expect(handleTimeout(s, true, devs(["D", "online", 0, NOW - 10]), never, NOW, T).devices?.get("D")?.state).toBe("unavailable");
  });
  it("R26.2.2 busy device: exactly BUSY_TIMEOUT since its last sync is kept, 1 ms more removes it", () => {
    const b = rec({ state: BUSY, last_active_ts: NOW, last_federation_update_ts: NOW });
    expect(handleTimeout(b, true, devs(["D", BUSY, 0, NOW - BUSY_TIMEOUT]), never, NOW, T)).toEqual({ record: null, devices: null });
    const r = handleTimeout(b, true, devs(["D", BUSY, 0, NOW - BUSY_TIMEOUT - 1]), never, NOW, T);
    expect(r.record?.state).toBe("offline");
    expect(r.devices?.size).toBe(0);
  });
  it("R26.2.2 an idled (unavailable) device uses S, not BUSY_TIMEOUT", () => {
    const r = handleTimeout(s, true, devs(["D", "unavailable", NOW - T.S - 1, NOW - T.S - 1]), never, NOW, T);
    expect(r.devices?.size).toBe(0);
    expect(r.record?.state).toBe("offline");
  });
  it("R26.3 a device idled while syncing turns the user unavailable; the other fields are kept", () => {
    const r = handleTimeout(s, true, devs(["D", "online", NOW - T.I - 1, NOW]), () => true, NOW, T);
    expect(r.record?.as_dict()).toEqual({ ...s.as_dict(), state: "unavailable" });
    expect(r.devices?.get("D")).toEqual({ device_id: "D", state: "unavailable", last_active_ts: NOW - T.I - 1, last_sync_ts: NOW });
  });
  it("R26 isSyncing is asked per device id", () => {
    const asked: Array<string | null> = [];
    handleTimeout(s, true, devs(["A", "online", NOW, NOW], ["B", "online", NOW, NOW]), (id) => (asked.push(id), true), NOW, T);
    expect(asked).toEqual(["A", "B"]);
  });
});
