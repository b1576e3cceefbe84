// The engine bench's summary of several runs (bench/engine.ts summariseEngineRuns): medians
// for the time budgets, the worst run for the heap budget, each run kept.
import { describe, expect, it } from "vitest";
import { summariseEngineRuns, type EngineBench } from "../../bench/engine.ts";

function run(wall_ms: number, extra: Partial<EngineBench> = {}): EngineBench {
  return {
    shape: { servers: 1, users: 1, rooms: 1, clients: 1, duration: 1, actions: 1, seed: 1 },
    parse_ms: 1,
    compile_ms: 1,
    wall_ms,
    cpu_ms: wall_ms * 1.2,
    trace_events: 10,
    event_counts: {},
    deliveries: 5,
    events_per_second: 1,
    router_calls: 3,
    router_calls_per_second: 1,
    module_ms: 100,
    engine_ms: wall_ms - 100,
    module_share: 0,
    engine_to_module_ratio: 0,
    budgets: { engine_to_module: "missed", peak_heap: "missed", wall: "missed" },
    router_input_records: 0,
    router_input_max: 0,
    peak_rss_mb: 1,
    peak_heap_mb: 200,
    load: [1, 1],
    heap_used_after_mb: 1,
    ...extra,
  };
}

describe("summariseEngineRuns", () => {
  it("takes the median wall and CPU time, and the median run's counts", () => {
    const s = summariseEngineRuns([run(5000, { deliveries: 1 }), run(3000, { deliveries: 2 }), run(4500, { deliveries: 3 })]);
    expect(s.wall_ms).toBe(4500);
    expect(s.cpu_ms).toBe(5400);
    expect(s.deliveries).toBe(3);
    expect(s.runs).toBe(3);
    expect(s.each.map((e) => e.wall_ms)).toEqual([5000, 3000, 4500]);
  });

  it("averages the two middle runs of an even count", () => {
    expect(summariseEngineRuns([run(1000), run(3000), run(2000), run(9000)]).wall_ms).toBe(2500);
  });

  it("judges the wall budget on the median: 4 s is met, just over it is missed", () => {
    expect(summariseEngineRuns([run(3000), run(4000), run(9000)]).budgets.wall).toBe("met");
    expect(summariseEngineRuns([run(3000), run(4000.1), run(9000)]).budgets.wall).toBe("missed");
  });

  it("judges the heap budget on the worst run: 250 MB is met, just over it in any run is missed", () => {
    const heaps = (h: number[]) => summariseEngineRuns(h.map((peak_heap_mb, i) => run(1000 + i, { peak_heap_mb })));
    expect(heaps([200, 250, 100]).budgets.peak_heap).toBe("met");
    expect(heaps([200, 250.1, 100]).budgets.peak_heap).toBe("missed");
    expect(heaps([200, 250.1, 100]).peak_heap_mb).toBe(250.1);
  });

  it("judges the engine's time against 5× the module's, both from the medians", () => {
    // module 100 ms: the engine (wall - module) may take 500 ms.
    expect(summariseEngineRuns([run(600)]).budgets.engine_to_module).toBe("met");
    expect(summariseEngineRuns([run(600)]).engine_to_module_ratio).toBe(5);
    expect(summariseEngineRuns([run(600.2)]).budgets.engine_to_module).toBe("missed");
    expect(summariseEngineRuns([run(700, { module_ms: 100 }), run(700, { module_ms: 200 }), run(700, { module_ms: 300 })]).module_ms).toBe(200);
  });

  it("reports the engine's own time (wall minus module) to a tenth of a millisecond", () => {
    expect(summariseEngineRuns([run(1234.56, { module_ms: 100 })]).engine_ms).toBe(1134.6);
  });

  it("refuses no runs", () => {
    expect(() => summariseEngineRuns([])).toThrow("no engine runs");
  });
});
