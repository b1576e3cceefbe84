import * as esbuild from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { duration, presenceLane } from "../../src/analysis/swimlane.ts";
import { run } from "../../src/pipeline/index.ts";
import { readFolder, ROOT } from "../lessons/pipeline.ts";
import { makeTrace, stateEv } from "./builders.ts";

async function traceOf(example: string) {
  const { "scenario.yaml": scenario, ...rest } = readFolder(join(ROOT, "examples", example));
  const modules = Object.fromEntries(Object.entries(rest).filter(([f]) => f.endsWith(".ts")));
  const r = await run({ scenario: { text: scenario!, path: "scenario.yaml" }, files: modules }, { esbuild });
  if (r.kind !== "ran") throw new Error(r.kind);
  return r.trace;
}

describe("presence swimlane", () => {
  it("R26 timeouts-and-devices: Alice goes online → unavailable → offline, each timeout explained", async () => {
    const lane = presenceLane(await traceOf("timeouts-and-devices"), "@alice:example.org");
    expect(lane.segments.map((s) => [s.from, s.to, s.state])).toEqual([
      [0, 5000, "offline"],
      [5000, 80000, "online"],
      [80000, 320000, "online"], // currently_active turned off (R23): same state, new segment
      [320000, 380000, "unavailable"],
      [380000, 480000, "offline"],
    ]);
    expect(lane.changes.map((c) => [c.at, c.from, c.to, c.cause])).toEqual([
      [5000, "offline", "online", "sync"],
      [320000, "online", "unavailable", "timeout"],
      [380000, "unavailable", "offline", "timeout"],
    ]);
    // Idle 5 min after the last activity (16 s), noticed at the next 5 s tick (R25).
    expect(lane.changes[1]!.why).toBe("idle: no activity for 5 min 4 s since +00:16.000 (R26)");
    expect(lane.changes[2]!.why).toBe("timed out: no device is syncing or recently active any more (last sync +06:16.000, last activity +00:16.000) (R26, S4)");
    expect(lane.devices.map((d) => d.device)).toEqual(["laptop"]);
    expect(lane.devices.flatMap((d) => d.syncs).length).toBeGreaterThan(0);
  });

  it("R25 R26 S4 the default example: Alice online from the start, unavailable 5 min after her long-poll started, offline once it ended", async () => {
    const lane = presenceLane(await traceOf("example-presence-router"), "@alice:example.org");
    expect(lane.segments.map((s) => [s.from, s.to, s.state, s.status_msg])).toEqual([
      [0, 85000, "online", "hi"],
      [85000, 325000, "online", "hi"], // currently_active turned off (R23): same state, new segment
      [325000, 385000, "unavailable", "hi"],
      [385000, 420000, "offline", "hi"],
    ]);
    expect(lane.changes.map((c) => [c.at, c.to, c.timeout])).toEqual([
      [0, "online", false],
      [325000, "unavailable", true],
      [385000, "offline", true],
    ]);
    // Last activity: the long-poll's start at 20 s; 5 min later is 320 s, and the timeout
    // lands on the first 5 s tick strictly after it (R25): 325 s, not 320 s.
    expect(lane.changes[1]!.why).toBe("idle: no activity for 5 min 5 s since +00:20.000 (R26)");
    expect(lane.changes[2]!.why).toMatch(/^timed out: no device is syncing .*last sync \+06:20\.000/);
    expect(lane.devices.flatMap((d) => d.puts).map((p) => p.state)).toEqual(["online"]);
  });

  it("a status change splits a segment; a user with no change is offline throughout", () => {
    const t = makeTrace({ servers: ["a.org"], users: ["@a:a.org", "@b:a.org"], end: 100, events: [stateEv(10, "a.org", "@a:a.org", "offline", "online"), stateEv(50, "a.org", "@a:a.org", "online", "online", { status_msg: "x" })] });
    expect(presenceLane(t, "@a:a.org").segments.map((s) => [s.from, s.to, s.status_msg])).toEqual([
      [0, 10, null],
      [10, 50, null],
      [50, 100, "x"],
    ]);
    expect(presenceLane(t, "@a:a.org").changes).toHaveLength(1);
    expect(presenceLane(t, "@b:a.org").segments).toEqual([{ from: 0, to: 100, state: "offline", status_msg: null, currently_active: false }]);
  });

  it("durations read as people say them", () => {
    expect(duration(1500)).toBe("1.5 s");
    expect(duration(30000)).toBe("30 s");
    expect(duration(59999)).toBe("1 min");
    expect(duration(304000)).toBe("5 min 4 s");
    expect(duration(3600000)).toBe("1 h");
    expect(duration(5400000)).toBe("1 h 30 min");
  });
});
