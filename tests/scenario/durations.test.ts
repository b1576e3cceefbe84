import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/scenario/durations.ts";

describe("durations (scenario-format §1, presence-semantics §1)", () => {
  it.each([
    [250, 250],
    ["250ms", 250],
    ["30s", 30_000],
    ["5m", 300_000],
    ["1h", 3_600_000],
    ["1m30s", 90_000],
    ["2m", 120_000],
    ["3m", 180_000],
    ["20m", 1_200_000],
    ["1.5s", 1500],
    ["1d", 86_400_000],
    ["1w", 604_800_000],
    ["1h 5m", 3_900_000],
    ["42", 42],
    [0, 0],
  ])("parses %j as %d ms", (v, ms) => {
    expect(parseDuration(v)).toEqual({ ok: true, ms });
  });

  it.each([["5x"], ["m5"], [""], ["-5s"], [-1], [1.5], ["1.0001ms"], ["1s1s"], [true], [null], [Infinity]])("rejects %j", (v) => {
    const r = parseDuration(v);
    expect(r.ok).toBe(false);
  });

  it("explains what a duration looks like", () => {
    const r = parseDuration("5 minutes");
    expect(r.ok || r.message).toMatch(/250ms, 30s, 5m/);
  });

  it.each([
    [0, "0s"],
    [250, "250ms"],
    [90_000, "1m30s"],
    [3_600_000, "1h"],
    [3_605_000, "1h0m5s"],
    [1500, "1.5s"],
    [360_000, "6m"],
    [604_800_000, "7d"],
    [90_061_000, "1d1h1m1s"],
  ])("formats %d as %s", (ms, s) => {
    expect(formatDuration(ms)).toBe(s);
    expect(parseDuration(s)).toEqual({ ok: true, ms });
  });
});
