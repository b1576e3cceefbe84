import { describe, expect, it } from "vitest";
import { advance, clampTime, eventTimes, nextEventTime, prevEventTime, tickMarks } from "../../src/ui/timeline/events.ts";
import { formatOffset, formatWallClock } from "../../src/analysis/time.ts";
import { delivery, gufs, makeTrace, rec, stateEv, syncEv, START } from "../analysis/builders.ts";

const A = "@alice:a.org";

function trace() {
  return makeTrace({
    servers: ["a.org"],
    users: [A],
    end: 100000,
    events: [
      stateEv(0, "a.org", A, "offline", "online"),
      syncEv(10, "a.org", A, []),
      stateEv(300, "a.org", A, "online", "unavailable"),
      stateEv(60000, "a.org", A, "unavailable", "offline"),
      syncEv(60000, "a.org", A, [], { status: 500, errcode: "M_UNKNOWN", message: "x" }),
      gufs(70000, "a.org", [rec(A)], {}),
    ],
    deliveries: [delivery(20, A, A, ["self"])],
  });
}

describe("timeline helpers", () => {
  it("event times are sorted and distinct, deliveries included", () => {
    expect(eventTimes(trace())).toEqual([0, 10, 20, 300, 60000, 70000]);
  });

  it("next/prev event time step strictly past t", () => {
    const t = trace();
    expect(nextEventTime(t, -5)).toBe(0);
    expect(nextEventTime(t, 0)).toBe(10);
    expect(nextEventTime(t, 15)).toBe(20);
    expect(nextEventTime(t, 70000)).toBeNull();
    expect(prevEventTime(t, 60000)).toBe(300);
    expect(prevEventTime(t, 60001)).toBe(60000);
    expect(prevEventTime(t, 0)).toBeNull();
  });

  it("tick marks: state changes coloured by new state, failures as errors, merged per bucket", () => {
    const ticks = tickMarks(trace(), 100);
    expect(ticks.map((k) => [k.at, k.kind, k.state ?? null])).toEqual([
      [0, "state", "online"],
      [10, "sync", null],
      [300, "state", "unavailable"],
      [60000, "state", "offline"],
      [60000, "error", null],
      [70000, "router", null],
    ]);
    expect(ticks[0]!.title).toContain("offline → online");
    // Two syncs in one bucket merge into one tick with a count.
    const t2 = makeTrace({ servers: ["a.org"], users: [A], end: 1000, events: [syncEv(1, "a.org", A, []), syncEv(2, "a.org", A, [])] });
    expect(tickMarks(t2, 10)).toMatchObject([{ kind: "sync", count: 2, event: 0 }]);
  });

  it("playback advances by dt × speed and stops at the end", () => {
    expect(advance(0, 16, 1, 1000)).toEqual({ time: 16, done: false });
    expect(advance(0, 16, 100, 1000)).toEqual({ time: 1000, done: true });
    expect(advance(500, -3, 10, 1000)).toEqual({ time: 500, done: false });
    expect(clampTime(-1, 10)).toBe(0);
    expect(clampTime(11, 10)).toBe(10);
  });

  it("clock formats: +mm:ss.mmm and wall-clock time of day", () => {
    expect(formatOffset(0)).toBe("+00:00.000");
    expect(formatOffset(65250)).toBe("+01:05.250");
    expect(formatOffset(3600000)).toBe("+60:00.000");
    expect(formatWallClock(START, 65250)).toBe("00:01:05.250Z");
  });
});
