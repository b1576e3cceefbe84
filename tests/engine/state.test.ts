import { describe, expect, it } from "vitest";
import { UserPresenceState, recordKey } from "../../src/engine/state.ts";

describe("UserPresenceState", () => {
  it("R2 default record: offline, zero timestamps, null status, frozen", () => {
    const s = UserPresenceState.default("@a:hs");
    expect(s.as_dict()).toEqual({
      user_id: "@a:hs",
      state: "offline",
      last_active_ts: 0,
      last_federation_update_ts: 0,
      last_user_sync_ts: 0,
      status_msg: null,
      currently_active: false,
    });
    expect(Object.isFrozen(s)).toBe(true);
  });
  it("R2 equality is over all seven fields", () => {
    const a = UserPresenceState.default("@a:hs");
    expect(a.equals(a.copy_and_replace({}))).toBe(true);
    expect(a.equals(a.copy_and_replace({ last_user_sync_ts: 1 }))).toBe(false);
    expect(recordKey(a)).toBe(recordKey(a.copy_and_replace({})));
  });
});
