// CallIndex: the binary-search lookup the consistency checks use (R64's evidence). It
// must answer exactly what the linear scan it replaced answered.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CallIndex, userKey } from "../../src/analysis/callIndex.ts";

type C = { event: number; key: string };
const idx = (calls: C[]) => new CallIndex(calls, (c) => c.key);

describe("CallIndex", () => {
  const calls: C[] = [
    { event: 3, key: "a" },
    { event: 5, key: "b" },
    { event: 7, key: "a" },
    { event: 9, key: "a" },
  ];
  it("a call at the event itself counts as before, the next one as after", () => {
    expect(idx(calls).around("a", 7)).toEqual({ before: calls[2], after: calls[3] });
    expect(idx(calls).around("a", 6)).toEqual({ before: calls[0], after: calls[2] });
    expect(idx(calls).around("a", 8)).toEqual({ before: calls[2], after: calls[3] });
  });
  it("before the first call: no before; after the last: no after", () => {
    expect(idx(calls).around("a", 2)).toEqual({ before: null, after: calls[0] });
    expect(idx(calls).around("a", 3)).toEqual({ before: calls[0], after: calls[2] });
    expect(idx(calls).around("a", 9)).toEqual({ before: calls[3], after: null });
    expect(idx(calls).around("a", 10)).toEqual({ before: calls[3], after: null });
  });
  it("only the key's own calls; an unknown key has none", () => {
    expect(idx(calls).around("b", 4)).toEqual({ before: null, after: calls[1] });
    expect(idx(calls).around("c", 4)).toEqual({ before: null, after: null });
  });
  it("deciding: the first call after, else the latest before, else null", () => {
    expect(idx(calls).deciding("a", 4)).toBe(calls[2]);
    expect(idx(calls).deciding("a", 9)).toBe(calls[3]);
    expect(idx(calls).deciding("b", 5)).toBe(calls[1]);
    expect(idx(calls).deciding("c", 5)).toBeNull();
  });
  it("userKey separates server and user", () => {
    expect(userKey("hs1", "@a:hs1")).toBe("hs1\t@a:hs1");
    expect(userKey("hs1", "x")).not.toBe(userKey("hs", "1x"));
  });
  it("answers as a scan over calls in trace order does", () => {
    const scan = (cs: C[], key: string, event: number) => {
      let before: C | null = null;
      for (const c of cs) {
        if (c.key !== key) continue;
        if (c.event > event) return { before, after: c };
        before = c;
      }
      return { before, after: null };
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.constantFrom("a", "b", "c")), { maxLength: 30 }), fc.nat(45), fc.constantFrom("a", "b", "c", "d"), (raw, event, key) => {
        const cs = raw.map(([e, k]) => ({ event: e, key: k })).sort((x, y) => x.event - y.event);
        const got = idx(cs).around(key, event);
        const want = scan(cs, key, event);
        expect(got.before).toBe(want.before);
        expect(got.after).toBe(want.after);
      }),
    );
  });
});
