// One time format throughout: +mm:ss.mmm offsets, the absolute time for hover titles,
// and record timestamps in JSON views annotated with their offset.
import { describe, expect, it } from "vitest";
import { formatAbsolute, formatOffset, formatTimestamp } from "../../src/trace/time.ts";
import { formatOffset as textFormatOffset } from "../../src/trace/text.ts";
import { formatOffset as analysisFormatOffset } from "../../src/analysis/time.ts";
import { prettyWithTimes } from "../../src/ui/inspector/format.ts";
import { simTimeTitle } from "../../src/ui/time/SimTime.tsx";

const START = 1_767_225_600_000; // 2026-01-01T00:00:00Z, the default start (spec Q1b)

describe("formatOffset", () => {
  it("writes +mm:ss.mmm, minutes growing past 59", () => {
    expect(formatOffset(0)).toBe("+00:00.000");
    expect(formatOffset(30_000)).toBe("+00:30.000");
    expect(formatOffset(59_999)).toBe("+00:59.999");
    expect(formatOffset(60_000)).toBe("+01:00.000");
    expect(formatOffset(4_500_250)).toBe("+75:00.250");
    expect(formatOffset(-1500)).toBe("-00:01.500");
  });

  it("is the one function the trace text and the analysis use", () => {
    expect(textFormatOffset).toBe(formatOffset);
    expect(analysisFormatOffset).toBe(formatOffset);
  });
});

describe("absolute time", () => {
  it("start_time + offset in UTC, to the millisecond", () => {
    expect(formatAbsolute(START, 0)).toBe("2026-01-01 00:00:00.000 UTC");
    expect(formatAbsolute(START, 65_250)).toBe("2026-01-01 00:01:05.250 UTC");
    expect(formatAbsolute(START, 86_400_000 - 1)).toBe("2026-01-01 23:59:59.999 UTC");
    expect(formatAbsolute(START, 86_400_000)).toBe("2026-01-02 00:00:00.000 UTC");
    expect(formatAbsolute(Number.NaN, 0)).toBe("invalid time");
  });

  it("a hover title has both; without a run only the offset", () => {
    expect(simTimeTitle(30_000, START)).toBe("+00:30.000 (2026-01-01 00:00:30.000 UTC)");
    expect(simTimeTitle(30_000, null)).toBe("+00:30.000");
  });

  it("a record timestamp of 0 means never; others are offsets from the start", () => {
    expect(formatTimestamp(START, 0)).toBe("never");
    expect(formatTimestamp(START, START)).toBe("+00:00.000");
    expect(formatTimestamp(START, START + 1)).toBe("+00:00.001");
    expect(formatTimestamp(START, START - 1)).toBe("-00:00.001");
  });
});

describe("prettyWithTimes", () => {
  const record = {
    user_id: "@a:x",
    state: "online",
    last_active_ts: START + 30_000,
    last_federation_update_ts: 0,
    last_user_sync_ts: START + 30_000,
    status_msg: null,
    currently_active: true,
  };

  it("puts the offset next to every *_ts field of a router call's input", () => {
    const text = prettyWithTimes([record], START);
    expect(text).toContain(`"last_active_ts": ${START + 30_000}, // +00:30.000`);
    expect(text).toContain(`"last_federation_update_ts": 0, // never`);
    expect(text).toContain(`"last_user_sync_ts": ${START + 30_000}, // +00:30.000`);
    // Only timestamps: other numbers and strings are left alone.
    expect(text).toContain(`"state": "online",\n`);
    expect(text.match(/\/\//g)).toHaveLength(3);
  });

  it("annotates the last field of an object (no comma) and leaves a *_ts string alone", () => {
    const text = prettyWithTimes({ a: 1, last_active_ts: START + 1000 }, START);
    expect(text.split("\n")[2]).toBe(`  "last_active_ts": ${START + 1000} // +00:01.000`);
    expect(prettyWithTimes({ x_ts: "soon", n: 5 }, START)).toBe(JSON.stringify({ x_ts: "soon", n: 5 }, null, 2));
  });

  it("is plain pretty JSON without a run (no start time)", () => {
    expect(prettyWithTimes([record], null)).toBe(JSON.stringify([record], null, 2));
  });
});
