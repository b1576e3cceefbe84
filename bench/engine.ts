// Engine benchmark (issue 2 §7): runs the generated 10,000-user scenario for one
// simulated hour in Node and reports throughput and where the time went.
import * as esbuild from "esbuild";
import { getHeapStatistics } from "node:v8";
import { compile, execute, parse } from "../src/pipeline/index.ts";
import { createModuleHost } from "../src/sandbox/host.ts";
import { columnsOf } from "../src/trace/columns.ts";
import type { RunStats } from "../src/engine/index.ts";
import { BENCH_ROUTER, generateBenchScenario, type BenchShape } from "./generate.ts";

export interface EngineBench {
  shape: BenchShape;
  parse_ms: number;
  compile_ms: number;
  wall_ms: number;
  /** CPU time of the process during the run (user + system; includes GC helper threads). */
  cpu_ms: number;
  /** Events kept in the trace (at most LIMITS.events + its warning, src/engine/recorder.ts). */
  trace_events: number;
  /** Events per type, to see what the trace is made of. */
  event_counts: Record<string, number>;
  deliveries: number;
  events_per_second: number;
  /** Module callback invocations over the whole run (also those past the trace's event limit). */
  router_calls: number;
  router_calls_per_second: number;
  /** Sum of every router call's `ms` (measure: true): time inside the module's callbacks. */
  module_ms: number;
  /** wall_ms - module_ms: the engine's own time (pipeline, fan-out, sync, trace, GC). */
  engine_ms: number;
  module_share: number;
  engine_to_module_ratio: number;
  /** Issue 14's budgets: engine ≤ 5× module time, peak heap ≤ 250 MB, wall ≤ 4 s. */
  budgets: { engine_to_module: string; peak_heap: string; wall: string };
  /** Records passed to get_users_for_states: total and largest single call. */
  router_input_records: number;
  router_input_max: number;
  peak_rss_mb: number;
  /** Largest V8 heap in use, sampled at every entry into module code during the run. */
  peak_heap_mb: number;
  /** 1-minute load average at the start and end of the run (2 cores: above 2 is contended). */
  load: [number, number];
  /** V8 heap in use right after the run, the trace still referenced (it dominates). */
  heap_used_after_mb: number;
}

/** Issue 14's budgets for this bench. */
const BUDGET = { engine_to_module: 5, peak_heap_mb: 250, wall_ms: 4000 } as const;

/** The engine's time over the module's, and each budget met or missed (one run or the summary of several). */
function judge(t: { wall_ms: number; module_ms: number; peak_heap_mb: number }): Pick<EngineBench, "engine_ms" | "engine_to_module_ratio" | "budgets"> {
  const engine_ms = t.wall_ms - t.module_ms;
  return {
    engine_ms: Math.round(engine_ms * 10) / 10,
    engine_to_module_ratio: Math.round((engine_ms / Math.max(t.module_ms, 1e-9)) * 100) / 100,
    budgets: {
      engine_to_module: engine_ms <= BUDGET.engine_to_module * t.module_ms ? "met" : "missed",
      peak_heap: t.peak_heap_mb <= BUDGET.peak_heap_mb ? "met" : "missed",
      wall: t.wall_ms <= BUDGET.wall_ms ? "met" : "missed",
    },
  };
}

export async function benchEngine(shape: BenchShape): Promise<EngineBench> {
  const yaml = generateBenchScenario(shape);
  let t = performance.now();
  const parsed = parse({ text: yaml, path: "bench.yaml" });
  const parse_ms = performance.now() - t;
  if (!parsed.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  t = performance.now();
  const compiled = await compile(esbuild, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
  const compile_ms = performance.now() - t;
  if (compiled.diagnostics.some((d) => d.severity === "error")) throw new Error(JSON.stringify(compiled.diagnostics));
  const load0 = (await import("node:os")).loadavg()[0];
  let peakHeap = 0;
  const sample = () => {
    const h = getHeapStatistics().used_heap_size;
    if (h > peakHeap) peakHeap = h;
  };
  // Samples the heap each time the engine enters module code (the engine never yields
  // to timers, so an interval would not fire during the run).
  const host = (c: typeof compiled) => {
    const inner = createModuleHost(c);
    return { ...inner, load: inner.load.bind(inner), locate: inner.locate.bind(inner), enter: () => (sample(), sample) };
  };
  const stats: RunStats = {};
  const cpu0 = process.cpuUsage();
  t = performance.now();
  // The pipeline's run stage (its extras, hints and error locating, are negligible here).
  const { trace } = await execute(parsed, compiled, { measure: true, host, stats });
  const wall_ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  sample();
  const heap_used_after = process.memoryUsage().heapUsed;
  const load1 = (await import("node:os")).loadavg()[0];
  const router_calls = stats.router_calls ?? 0;
  const module_ms = stats.module_ms ?? 0;
  let router_input_records = 0;
  let router_input_max = 0;
  const event_counts: Record<string, number> = {};
  // Read the columns (materialising the events would be most of the heap).
  const cols = columnsOf(trace);
  const n = cols ? cols.length : trace.events.length;
  for (let i = 0; i < n; i++) {
    const type = cols ? cols.typeOf(i) : trace.events[i].type;
    event_counts[type] = (event_counts[type] ?? 0) + 1;
    const e = cols ? cols.objectOf(i) : trace.events[i];
    if (e?.type === "router_call" && Array.isArray(e.input)) {
      router_input_records += e.input.length;
      router_input_max = Math.max(router_input_max, e.input.length);
    }
  }
  const trace_events = stats.events ?? n;
  const deliveries = stats.deliveries ?? trace.deliveries.length;
  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    shape,
    parse_ms: r(parse_ms),
    compile_ms: r(compile_ms),
    wall_ms: r(wall_ms),
    cpu_ms: r((cpu.user + cpu.system) / 1000),
    trace_events,
    event_counts,
    deliveries,
    events_per_second: Math.round(trace_events / (wall_ms / 1000)),
    router_calls,
    router_calls_per_second: Math.round(router_calls / (wall_ms / 1000)),
    module_ms: r(module_ms),
    module_share: r(module_ms / wall_ms, 3),
    ...judge({ wall_ms, module_ms, peak_heap_mb: peakHeap / 1024 / 1024 }),
    router_input_records,
    router_input_max,
    peak_rss_mb: r(process.resourceUsage().maxRSS / 1024),
    peak_heap_mb: r(peakHeap / 1024 / 1024),
    load: [r(load0, 2), r(load1, 2)],
    heap_used_after_mb: r(heap_used_after / 1024 / 1024),
  };
}

/** The runs of one `npm run bench` engine part, each in a fresh process, and their spread. */
export interface EngineRuns extends EngineBench {
  /** How many runs the medians are of. */
  runs: number;
  /** Every run's wall, CPU and peak heap, in run order (min / max say how noisy the machine was). */
  each: Array<{ wall_ms: number; cpu_ms: number; peak_heap_mb: number; engine_to_module_ratio: number; load: [number, number] }>;
}

const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The median run by wall time (its counts are the same in every run: the engine is
 * deterministic), with the median CPU time and ratio, and the largest peak heap of all
 * runs: the heap budget is judged on the worst run, the time budgets on the median.
 */
export function summariseEngineRuns(all: EngineBench[]): EngineRuns {
  if (!all.length) throw new Error("no engine runs");
  const byWall = [...all].sort((a, b) => a.wall_ms - b.wall_ms);
  const mid = byWall[Math.floor((byWall.length - 1) / 2)]!;
  const peak_heap_mb = Math.max(...all.map((r) => r.peak_heap_mb));
  const wall_ms = medianOf(all.map((r) => r.wall_ms));
  const module_ms = medianOf(all.map((r) => r.module_ms));
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    ...mid,
    wall_ms: round(wall_ms),
    cpu_ms: round(medianOf(all.map((r) => r.cpu_ms))),
    module_ms: round(module_ms),
    peak_heap_mb,
    ...judge({ wall_ms, module_ms, peak_heap_mb }),
    runs: all.length,
    each: all.map((r) => ({ wall_ms: r.wall_ms, cpu_ms: r.cpu_ms, peak_heap_mb: r.peak_heap_mb, engine_to_module_ratio: r.engine_to_module_ratio, load: r.load })),
  };
}
