// The growable typed column behind the columnar trace (src/trace/column.ts).
import { describe, expect, it } from "vitest";
import { u32, f64 } from "../../src/trace/column.ts";

describe("Column", () => {
  it("grows past its capacity keeping every value (doubling)", () => {
    const c = u32();
    const n = c.data.length + 1; // one past the first capacity
    for (let i = 0; i < n; i++) expect(c.push(i * 3)).toBe(i);
    expect(c.length).toBe(n);
    expect(Array.from(c.view())).toEqual(Array.from({ length: n }, (_, i) => i * 3));
    expect(c.data.length).toBe((n - 1) * 2);
  });

  it("an adopted empty array (a column the wire had no rows for) still takes pushes", () => {
    const c = f64();
    c.adopt(new Float64Array(0));
    c.push(1.5);
    c.push(2.5);
    expect(c.length).toBe(2);
    expect(Array.from(c.view())).toEqual([1.5, 2.5]);
    expect(Array.from(c.copy())).toEqual([1.5, 2.5]);
  });

  it("an adopted full array grows on the next push; view and copy cover exactly the filled part", () => {
    const c = u32();
    c.adopt(Uint32Array.of(7, 8));
    expect(c.push(9)).toBe(2);
    expect(Array.from(c.view())).toEqual([7, 8, 9]);
    const copy = c.copy();
    expect(copy.buffer).not.toBe(c.data.buffer);
    expect(copy.buffer.byteLength).toBe(3 * 4);
  });
});
