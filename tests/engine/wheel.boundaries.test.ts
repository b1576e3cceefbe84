// R25 wheel-timer boundary pairs that rules.unit.test.ts leaves on one side only.
import { describe, expect, it } from "vitest";
import { WheelTimer } from "../../src/engine/wheel.ts";

describe("R25 wheel timer boundaries", () => {
  it("R25 a deadline in the last pending bucket joins it (no new bucket); one bucket past grows the wheel by one", () => {
    const w = new WheelTimer();
    w.insert(0, "a", 10_000); // buckets 1..3
    w.insert(0, "b", 14_999); // bucket 3, the last one
    expect(w.keys()).toEqual([1, 2, 3]);
    w.insert(0, "c", 15_000); // bucket 4: one new bucket
    expect(w.keys()).toEqual([1, 2, 3, 4]);
    expect(w.fetch(15_000)).toEqual(["a", "b"]);
    expect(w.fetch(20_000)).toEqual(["c"]);
  });
  it("R25 a deadline in the first pending bucket joins it; a later one lands in its own bucket inside the run", () => {
    const w = new WheelTimer();
    w.insert(0, "a", 20_000); // buckets 1..5
    w.insert(0, "first", 0); // bucket 1
    w.insert(0, "mid", 9_999); // bucket 2
    expect(w.fetch(5_000)).toEqual(["first"]);
    expect(w.fetch(9_999)).toEqual([]);
    expect(w.fetch(10_000)).toEqual(["mid"]);
  });
  it("R25 fetching returns every due bucket at once, in bucket order, and empties them", () => {
    const w = new WheelTimer();
    w.insert(0, "x", 1_000);
    w.insert(0, "y", 6_000);
    w.insert(0, "z", 11_000);
    expect(w.fetch(10_000)).toEqual(["x", "y"]);
    expect(w.keys()).toEqual([3]);
    expect(w.fetch(10_000)).toEqual([]);
    expect(w.fetch(15_000)).toEqual(["z"]);
  });
  it("R25 after many fetches (storage compacted) inserts and fetches still line up", () => {
    const w = new WheelTimer();
    for (let i = 0; i < 1100; i++) {
      w.insert(i * 5_000, `u${i}`, i * 5_000);
      expect(w.fetch(i * 5_000 + 4_999)).toEqual([]);
      expect(w.fetch((i + 1) * 5_000)).toEqual([`u${i}`]);
    }
    w.insert(1100 * 5_000, "last", 1100 * 5_000 + 7_000);
    expect(w.keys()).toEqual([1101, 1102]); // an empty wheel grows from the bucket after now
    expect(w.fetch(1102 * 5_000 - 1)).toEqual([]);
    expect(w.fetch(1102 * 5_000)).toEqual(["last"]);
  });
});
