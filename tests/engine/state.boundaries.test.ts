// R2 record value semantics (equals, copy_and_replace, recordKey) and R19 combine ties.
import { describe, expect, it } from "vitest";
import { combine, getOrCreateDevice, priority, type DeviceRecord } from "../../src/engine/devices.ts";
import { recordKey, UserPresenceState } from "../../src/engine/state.ts";
import type { PresenceRecord } from "../../src/trace/types.ts";

const base = UserPresenceState.default("@a:hs").copy_and_replace({ state: "online", last_active_ts: 10, last_federation_update_ts: 20, last_user_sync_ts: 30, status_msg: "m", currently_active: true });
const OTHER: PresenceRecord = { user_id: "@b:hs", state: "unavailable", last_active_ts: 11, last_federation_update_ts: 21, last_user_sync_ts: 31, status_msg: "n", currently_active: false };
const FIELDS = Object.keys(OTHER) as Array<keyof PresenceRecord>;

describe("R2 record value semantics", () => {
  it("R2 equals: a field-for-field copy is equal; a difference in any one field is not", () => {
    expect(base.equals(base.as_dict())).toBe(true);
    expect(base.equals(new UserPresenceState(base.as_dict()))).toBe(true);
    for (const f of FIELDS) expect([f, base.equals({ ...base.as_dict(), [f]: OTHER[f] })]).toEqual([f, false]);
  });
  it("R2 copy_and_replace: each field alone is replaced, the other six kept", () => {
    for (const f of FIELDS) expect(base.copy_and_replace({ [f]: OTHER[f] }).as_dict()).toEqual({ ...base.as_dict(), [f]: OTHER[f] });
    expect(base.copy_and_replace({}).as_dict()).toEqual(base.as_dict());
    // Only own enumerable fields count (like a dict update): inherited ones are ignored.
    expect(base.copy_and_replace(Object.create({ state: "offline" }) as Partial<PresenceRecord>).state).toBe("online");
    expect(Object.isFrozen(base.copy_and_replace({ state: "offline" }))).toBe(true);
  });
  it("R2 default: offline, zero timestamps, no status, not active", () => {
    expect(UserPresenceState.default("@u:hs").as_dict()).toEqual({ user_id: "@u:hs", state: "offline", last_active_ts: 0, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: false });
  });
  it("R2 recordKey: equal records share a key; each field changes it; null and empty status differ", () => {
    const k = recordKey(base);
    expect(recordKey(base.as_dict())).toBe(k);
    expect(recordKey(base)).toBe(k); // cached
    for (const f of FIELDS) expect(recordKey({ ...base.as_dict(), [f]: OTHER[f] })).not.toBe(k);
    expect(recordKey({ ...base.as_dict(), status_msg: null })).not.toBe(recordKey({ ...base.as_dict(), status_msg: "" }));
    // Timestamps split differently are different records (a set must keep both).
    expect(recordKey({ ...base.as_dict(), last_active_ts: 1, last_federation_update_ts: 23 })).not.toBe(recordKey({ ...base.as_dict(), last_active_ts: 12, last_federation_update_ts: 3 }));
    expect(recordKey({ ...base.as_dict(), last_federation_update_ts: 1, last_user_sync_ts: 23 })).not.toBe(recordKey({ ...base.as_dict(), last_federation_update_ts: 12, last_user_sync_ts: 3 }));
    // Length prefixes keep field boundaries apart.
    expect(recordKey({ ...base.as_dict(), user_id: "@a:h", state: "sonline" })).not.toBe(recordKey({ ...base.as_dict(), user_id: "@a:hs", state: "online" }));
  });
  it("R2 traceDict is as_dict, frozen and built once", () => {
    expect(base.traceDict()).toEqual(base.as_dict());
    expect(Object.isFrozen(base.traceDict())).toBe(true);
    expect(base.traceDict()).toBe(base.traceDict());
  });
});

describe("R19 combine ties", () => {
  const d = (id: string, state: string, la: number): DeviceRecord => ({ device_id: id, state, last_active_ts: la, last_sync_ts: 0 });
  it("R19 same priority: exactly equal last_active_ts keeps the earlier device, 1 ms later wins", () => {
    // offline and an unknown state share priority 1, so the winner is visible.
    expect(combine([d("a", "offline", 5), d("b", "weird", 5)])).toBe("offline");
    expect(combine([d("a", "offline", 5), d("b", "weird", 6)])).toBe("weird");
    expect(combine([d("a", "offline", 6), d("b", "weird", 5)])).toBe("offline");
  });
  it("R19 higher priority wins whatever the timestamps, in either order", () => {
    expect(combine([d("a", "unavailable", 100), d("b", "online", 1)])).toBe("online");
    expect(combine([d("a", "online", 1), d("b", "unavailable", 100)])).toBe("online");
    expect(combine([d("a", "online", 100), d("b", "org.matrix.msc3026.busy", 1)])).toBe("org.matrix.msc3026.busy");
    expect(combine([d("a", "offline", 100), d("b", "unavailable", 1)])).toBe("unavailable");
  });
  it("R1 priorities are exactly busy 4, online 3, unavailable 2, anything else 1", () => {
    expect(["org.matrix.msc3026.busy", "online", "unavailable", "offline", "x"].map(priority)).toEqual([4, 3, 2, 1, 1]);
  });
  it("R3 getOrCreateDevice returns the existing record, or adds a new offline one", () => {
    const m = new Map<string | null, DeviceRecord>();
    const a = getOrCreateDevice(m, "A");
    expect(a).toEqual({ device_id: "A", state: "offline", last_active_ts: 0, last_sync_ts: 0 });
    expect(getOrCreateDevice(m, "A")).toBe(a);
    expect([...m.keys()]).toEqual(["A"]);
  });
});
