// Reading module callback results (src/engine/modules/validate.ts): size caps exactly at
// the limit and one past it, which values count as mappings, and each warning's text.
import { describe, expect, it } from "vitest";
import { runInNewContext } from "node:vm";
import { mappingEntries, MAX_RESULT_ITEMS, ResultTooLarge, setValues, toPresenceState } from "../../src/engine/modules/validate.ts";
import { UserPresenceState } from "../../src/engine/state.ts";

const rec = { user_id: "@a:x", state: "online", last_active_ts: 1, last_federation_update_ts: 2, last_user_sync_ts: 3, status_msg: "hi", currently_active: true };

describe("mappingEntries", () => {
  it("Maps and plain objects (any realm, null prototype) in order; anything else is not a mapping", () => {
    expect(mappingEntries(new Map<unknown, unknown>([["b", 1], ["a", 2]]))).toEqual([["b", 1], ["a", 2]]);
    expect(mappingEntries({ b: 1, a: 2 })).toEqual([["b", 1], ["a", 2]]);
    const bare = Object.create(null) as Record<string, number>;
    bare.k = 1;
    expect(mappingEntries(bare)).toEqual([["k", 1]]);
    expect(mappingEntries(runInNewContext("({ k: 1 })"))).toEqual([["k", 1]]);
    expect(mappingEntries(runInNewContext("new Map([['k', 1]])"))).toEqual([["k", 1]]);
    for (const v of [null, undefined, 1, "s", [1], new Set([1]), new (class X {})(), new Date(0)]) expect(mappingEntries(v)).toBeNull();
  });

  it(`at most MAX_RESULT_ITEMS (${MAX_RESULT_ITEMS}) entries: exactly that many are read, one more throws`, () => {
    const map = new Map(Array.from({ length: MAX_RESULT_ITEMS }, (_, i) => [i, i]));
    expect(mappingEntries(map)).toHaveLength(MAX_RESULT_ITEMS);
    map.set(-1, -1);
    expect(() => mappingEntries(map)).toThrow(ResultTooLarge);
    const obj: Record<string, number> = {};
    for (let i = 0; i < MAX_RESULT_ITEMS; i++) obj[`k${i}`] = i;
    expect(mappingEntries(obj)).toHaveLength(MAX_RESULT_ITEMS);
    obj.extra = 1;
    expect(() => mappingEntries(obj)).toThrow(ResultTooLarge);
  });
});

describe("setValues", () => {
  it("reads in order and spends the shared budget: reaching exactly 0 is fine, below throws", () => {
    const budget = { left: 3 };
    expect(setValues(new Set(["a", "b"]), budget)).toEqual(["a", "b"]);
    expect(budget.left).toBe(1);
    expect(setValues(new Set(["c"]), budget)).toEqual(["c"]);
    expect(budget.left).toBe(0);
    expect(() => setValues(new Set(["d"]), budget)).toThrow(ResultTooLarge);
  });
});

describe("toPresenceState", () => {
  it("copies a valid record into a fresh frozen state (never the object given)", () => {
    const mine = new UserPresenceState(rec);
    const s = toPresenceState(mine);
    expect(s).toBeInstanceOf(UserPresenceState);
    expect(s).not.toBe(mine);
    expect({ ...(s as UserPresenceState) }).toMatchObject(rec);
    expect(toPresenceState({ ...rec, status_msg: null })).toBeInstanceOf(UserPresenceState);
  });

  it("names every missing or wrong-typed field", () => {
    expect(toPresenceState(5)).toBe("expected a UserPresenceState, got a number");
    expect(toPresenceState(null)).toBe("expected a UserPresenceState, got null");
    expect(toPresenceState({})).toBe(
      "expected a UserPresenceState, got a plain object with missing or wrong-typed user_id, state, last_active_ts, last_federation_update_ts, last_user_sync_ts, status_msg, currently_active",
    );
    expect(toPresenceState({ ...rec, last_active_ts: Infinity })).toBe("expected a UserPresenceState, got a plain object with missing or wrong-typed last_active_ts");
    expect(toPresenceState({ ...rec, last_user_sync_ts: "3", currently_active: 1 })).toBe(
      "expected a UserPresenceState, got a plain object with missing or wrong-typed last_user_sync_ts, currently_active",
    );
    expect(toPresenceState({ ...rec, status_msg: 5 })).toBe("expected a UserPresenceState, got a plain object with missing or wrong-typed status_msg");
  });

  it("a getter that throws is reported, not thrown", () => {
    const evil = { get user_id(): string { throw new Error("boom"); } };
    expect(toPresenceState(evil)).toMatch(/^reading a state failed \(.*boom.*\)$/);
  });
});
