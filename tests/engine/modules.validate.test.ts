// Reading what router callbacks return (src/engine/modules/validate.ts): only real Maps,
// plain objects and Sets count (R61, R62), the playground's size limit holds exactly at
// MAX_RESULT_ITEMS (boundary pairs), and records are checked field by field and copied.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { MAX_RESULT_ITEMS, ResultTooLarge, mappingEntries, setValues, toPresenceState } from "../../src/engine/modules/validate.ts";
import { UserPresenceState } from "../../src/engine/state.ts";

const good = {
  user_id: "@a:example.org",
  state: "online",
  last_active_ts: 5,
  last_federation_update_ts: 0,
  last_user_sync_ts: 7,
  status_msg: null,
  currently_active: true,
};

describe("mappingEntries (R61: the result must be a mapping)", () => {
  it("the playground limit is 100 000 items", () => {
    expect(MAX_RESULT_ITEMS).toBe(100_000);
  });

  it("R61 a Map's entries in insertion order, keys of any type kept for the caller to judge", () => {
    const s = new Set();
    expect(mappingEntries(new Map<unknown, unknown>([["@b:x", s], [7, 1]]))).toEqual([["@b:x", s], [7, 1]]);
    expect(mappingEntries(new Map())).toEqual([]);
  });

  it("R61 a plain object's own enumerable entries; Object.create(null) and another realm's object count", () => {
    const s = new Set();
    expect(mappingEntries({ "@b:x": s, "@a:x": 1 })).toEqual([["@b:x", s], ["@a:x", 1]]);
    const bare = Object.create(null) as Record<string, unknown>;
    bare["@c:x"] = s;
    expect(mappingEntries(bare)).toEqual([["@c:x", s]]);
    const foreign = runInNewContext('({ "@d:x": 1 })') as object;
    expect(mappingEntries(foreign)).toEqual([["@d:x", 1]]);
    expect(mappingEntries(runInNewContext('new Map([["@e:x", 2]])'))).toEqual([["@e:x", 2]]);
  });

  it("R61 not mappings: arrays, class instances, objects inheriting from one, primitives, null", () => {
    class Foo {}
    const child = Object.create({ inherited: 1 }) as object;
    for (const v of [[], [["@a:x", new Set()]], new Foo(), child, new Set(), null, undefined, "{}", 3]) {
      expect(mappingEntries(v), String(v)).toBeNull();
    }
  });

  it("a Map of exactly the limit's entries is read; one more is too large (boundary pair)", () => {
    const m = new Map([["@a:x", 1], ["@b:x", 2], ["@c:x", 3]]);
    expect(mappingEntries(m, 3)).toHaveLength(3);
    m.set("@d:x", 4);
    expect(() => mappingEntries(m, 3)).toThrow(ResultTooLarge);
  });

  it("a plain object of exactly the limit's keys is read; one more is too large (boundary pair)", () => {
    const o: Record<string, number> = { "@a:x": 1, "@b:x": 2, "@c:x": 3 };
    expect(mappingEntries(o, 3)).toHaveLength(3);
    o["@d:x"] = 4;
    expect(() => mappingEntries(o, 3)).toThrow(ResultTooLarge);
  });

  it("the default limit is MAX_RESULT_ITEMS", () => {
    const big = Object.fromEntries(Array.from({ length: MAX_RESULT_ITEMS + 1 }, (_, i) => [i, 0]));
    expect(() => mappingEntries(big)).toThrow(ResultTooLarge);
    delete big[0];
    expect(mappingEntries(big)).toHaveLength(MAX_RESULT_ITEMS);
  });
});

describe("setValues (R61, R62: a Set's values under one budget)", () => {
  it("values in insertion order; the budget counts down across calls", () => {
    const budget = { left: 5 };
    expect(setValues(new Set(["b", "a", "c"]), budget)).toEqual(["b", "a", "c"]);
    expect(budget.left).toBe(2);
    expect(setValues(new Set([1, 2]), budget)).toEqual([1, 2]);
    expect(budget.left).toBe(0);
    expect(setValues(new Set(), budget)).toEqual([]);
    expect(() => setValues(new Set([1]), budget)).toThrow(ResultTooLarge);
  });

  it("exactly the budget is read; one item past it is too large", () => {
    expect(setValues(new Set([1, 2, 3]), { left: 3 })).toEqual([1, 2, 3]);
    expect(() => setValues(new Set([1, 2, 3, 4]), { left: 3 })).toThrow(ResultTooLarge);
  });
});

describe("toPresenceState (R61: a record copied, never the module's object)", () => {
  it("a well-typed record becomes a fresh frozen UserPresenceState with the same seven fields", () => {
    const s = toPresenceState({ ...good, extra: "dropped" });
    expect(s).toBeInstanceOf(UserPresenceState);
    expect((s as UserPresenceState).as_dict()).toEqual(good);
    expect(Object.isFrozen(s)).toBe(true);
    const own = UserPresenceState.default("@z:x");
    const copy = toPresenceState(own);
    expect(copy).not.toBe(own);
    expect((copy as UserPresenceState).equals(own)).toBe(true);
    expect((toPresenceState({ ...good, status_msg: "hi" }) as UserPresenceState).status_msg).toBe("hi");
  });

  it("primitives and null are refused with their type", () => {
    expect(toPresenceState(null)).toBe("expected a UserPresenceState, got null");
    expect(toPresenceState("@a:x")).toBe('expected a UserPresenceState, got the string "@a:x"');
    expect(toPresenceState(3)).toBe("expected a UserPresenceState, got a number");
  });

  it("each missing or wrong-typed field is named", () => {
    const bad = (patch: Record<string, unknown>) => toPresenceState({ ...good, ...patch });
    expect(bad({ user_id: 1 })).toBe("expected a UserPresenceState, got a plain object with missing or wrong-typed user_id");
    expect(bad({ state: undefined })).toMatch(/wrong-typed state$/);
    expect(bad({ last_active_ts: "5" })).toMatch(/wrong-typed last_active_ts$/);
    expect(bad({ last_federation_update_ts: Number.NaN })).toMatch(/wrong-typed last_federation_update_ts$/);
    expect(bad({ last_user_sync_ts: Number.POSITIVE_INFINITY })).toMatch(/wrong-typed last_user_sync_ts$/);
    expect(bad({ status_msg: undefined })).toMatch(/wrong-typed status_msg$/);
    expect(bad({ status_msg: 3 })).toMatch(/wrong-typed status_msg$/);
    expect(bad({ currently_active: 1 })).toMatch(/wrong-typed currently_active$/);
    expect(toPresenceState({ user_id: "@a:x" })).toBe(
      "expected a UserPresenceState, got a plain object with missing or wrong-typed state, last_active_ts, last_federation_update_ts, last_user_sync_ts, status_msg, currently_active",
    );
  });

  it("a getter that throws while a field is read is reported, not thrown", () => {
    const v = { ...good, get last_active_ts(): number { throw new Error("nope"); } };
    expect(toPresenceState(v)).toBe("reading a state failed (Error: nope)");
  });
});
