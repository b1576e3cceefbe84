// Durations at their edges: each rejection's exact message, the whole-millisecond
// tolerance and the safe-integer cap on both sides, separators, and formatDuration
// around every unit boundary.
import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/scenario/durations.ts";

const bad = (message: string) => ({ ok: false, message });
const HOW = "use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s";

describe("parseDuration messages", () => {
  it("numbers: finite, whole, not negative (0 is fine)", () => {
    expect(parseDuration(0)).toEqual({ ok: true, ms: 0 });
    expect(parseDuration(1)).toEqual({ ok: true, ms: 1 });
    expect(parseDuration(-1)).toEqual(bad("a duration cannot be negative (got -1)"));
    expect(parseDuration(NaN)).toEqual(bad("a duration must be a finite number of milliseconds"));
    expect(parseDuration(-Infinity)).toEqual(bad("a duration must be a finite number of milliseconds"));
    expect(parseDuration(2.5)).toEqual(bad('a duration in milliseconds must be a whole number (got 2.5); write e.g. "1.5s" for fractions'));
  });

  it("other types, empty and negative strings", () => {
    expect(parseDuration({})).toEqual(bad("expected a duration such as 30s, 5m, 1m30s or a number of milliseconds"));
    expect(parseDuration("  ")).toEqual(bad("empty duration; write e.g. 30s, 5m or 250ms"));
    expect(parseDuration(" -5s")).toEqual(bad('a duration cannot be negative (got " -5s")'));
    expect(parseDuration("5s-")).toEqual(bad(`"5s-" is not a duration; ${HOW}`));
  });

  it("bad parts anywhere in the string", () => {
    for (const s of ["x5s", "5s x", "5s5", "1.s", ".5s", "5 minutes", "1h\t5m", "5S"]) {
      expect(parseDuration(s), s).toEqual(bad(`"${s}" is not a duration; ${HOW}`));
    }
    expect(parseDuration("1m30s1m")).toEqual(bad('duration "1m30s1m" repeats the unit "m"'));
    expect(parseDuration("1ms1m")).toEqual({ ok: true, ms: 60_001 });
  });

  it("whitespace: trimmed around, spaces allowed between parts and before a unit", () => {
    expect(parseDuration(" 5m ")).toEqual({ ok: true, ms: 300_000 });
    expect(parseDuration("1h   5m")).toEqual({ ok: true, ms: 3_900_000 });
    expect(parseDuration("5 m")).toEqual({ ok: true, ms: 300_000 });
    expect(parseDuration(" 42 ")).toEqual({ ok: true, ms: 42 });
  });

  it("units", () => {
    expect(parseDuration("1ms")).toEqual({ ok: true, ms: 1 });
    expect(parseDuration("1s")).toEqual({ ok: true, ms: 1000 });
    expect(parseDuration("1m")).toEqual({ ok: true, ms: 60_000 });
    expect(parseDuration("1h")).toEqual({ ok: true, ms: 3_600_000 });
    expect(parseDuration("1d")).toEqual({ ok: true, ms: 86_400_000 });
    expect(parseDuration("1w")).toEqual({ ok: true, ms: 604_800_000 });
    expect(parseDuration("1w1d1h1m1s1ms")).toEqual({ ok: true, ms: 604_800_000 + 86_400_000 + 3_600_000 + 60_000 + 1000 + 1 });
  });

  it("whole milliseconds: float noise up to 1e-6 ms is forgiven, more is not", () => {
    expect(parseDuration("1.1s")).toEqual({ ok: true, ms: 1100 });
    expect(parseDuration("1.0000009ms")).toEqual({ ok: true, ms: 1 });
    expect(parseDuration("0.9999991ms")).toEqual({ ok: true, ms: 1 });
    expect(parseDuration("1.0000011ms")).toEqual(bad('duration "1.0000011ms" is not a whole number of milliseconds'));
    expect(parseDuration("0.9999989ms")).toEqual(bad('duration "0.9999989ms" is not a whole number of milliseconds'));
    expect(parseDuration("1.5ms")).toEqual(bad('duration "1.5ms" is not a whole number of milliseconds'));
  });

  it("the largest safe integer is accepted, one more is too large", () => {
    expect(parseDuration("9007199254740991ms")).toEqual({ ok: true, ms: Number.MAX_SAFE_INTEGER });
    expect(parseDuration("9007199254740992ms")).toEqual(bad('duration "9007199254740992ms" is too large'));
  });
});

describe("formatDuration around each unit", () => {
  it.each([
    [1, "1ms"],
    [999, "999ms"],
    [1000, "1s"],
    [1001, "1.001s"],
    [1010, "1.01s"],
    [1100, "1.1s"],
    [59_999, "59.999s"],
    [60_000, "1m"],
    [60_001, "1m0.001s"],
    [3_599_999, "59m59.999s"],
    [3_600_000, "1h"],
    [3_660_000, "1h1m"],
    [3_600_001, "1h0m0.001s"],
    [86_399_999, "23h59m59.999s"],
    [86_400_000, "1d"],
    [86_400_001, "1d0h0m0.001s"],
    [86_460_000, "1d0h1m"],
    [90_000_000, "1d1h"],
    [-1500, "-1.5s"],
    [-1, "-1ms"],
  ])("%d ms → %s", (ms, s) => {
    expect(formatDuration(ms)).toBe(s);
    if (ms > 0) expect(parseDuration(s)).toEqual({ ok: true, ms });
  });
});
