// PairMap (src/analysis/pairMap.ts): pairs of ids, ordered (a → b is not b → a).
import { describe, expect, it } from "vitest";
import { PairMap } from "../../src/analysis/pairMap.ts";

describe("PairMap", () => {
  it("add sets a pair once: true when new, false (value kept) when there", () => {
    const m = new PairMap<number>();
    expect(m.add("a", "b", 1)).toBe(true);
    expect(m.add("a", "b", 2)).toBe(false);
    expect(m.get("a", "b")).toBe(1);
    // Another second id under the same first, and the pair the other way round, are new.
    expect(m.add("a", "c", 3)).toBe(true);
    expect(m.add("b", "a", 4)).toBe(true);
    expect([m.get("a", "c"), m.get("b", "a")]).toEqual([3, 4]);
    expect(m.hasFirst("b")).toBe(true);
    expect(m.hasFirst("c")).toBe(false);
  });

  it("getOr makes a value only for a missing pair", () => {
    const m = new PairMap<string[]>();
    let made = 0;
    const make = () => (made++, []);
    const first = m.getOr("x", "y", make);
    expect(m.getOr("x", "y", make)).toBe(first);
    expect(made).toBe(1);
    expect(m.get("y", "x")).toBeUndefined();
    expect(m.get("x", "z")).toBeUndefined();
  });
});
