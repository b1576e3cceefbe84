// Engine benchmark (issue 2 §7): runs the generated 10,000-user scenario for one
// simulated hour in Node and reports throughput and where the time went.
import * as esbuild from "esbuild";
import { compile, execute, parse } from "../src/pipeline/index.ts";
import { BENCH_ROUTER, generateBenchScenario, type BenchShape } from "./generate.ts";

export interface EngineBench {
  shape: BenchShape;
  parse_ms: number;
  compile_ms: number;
  wall_ms: number;
  /** CPU time of the process during the run (user + system; includes GC helper threads). */
  cpu_ms: number;
  trace_events: number;
  /** Events per type, to see what the trace is made of. */
  event_counts: Record<string, number>;
  deliveries: number;
  events_per_second: number;
  router_calls: number;
  router_calls_per_second: number;
  /** Sum of router_call `ms` (measure: true): time inside the module's callbacks. */
  module_ms: number;
  /** wall_ms - module_ms: the engine's own time (pipeline, fan-out, sync, trace, GC). */
  engine_ms: number;
  module_share: number;
  engine_to_module_ratio: number;
  /** The budget: engine time at most 3× module time. */
  within_budget: boolean;
  /** Records passed to get_users_for_states: total and largest single call. */
  router_input_records: number;
  router_input_max: number;
  peak_rss_mb: number;
  /** V8 heap in use right after the run, the trace still referenced (it dominates). */
  heap_used_after_mb: number;
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
  const cpu0 = process.cpuUsage();
  t = performance.now();
  // The pipeline's run stage (its extras, hints and error locating, are negligible here).
  const { trace } = await execute(parsed, compiled, { measure: true });
  const wall_ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const heap_used_after = process.memoryUsage().heapUsed;
  let router_calls = 0;
  let module_ms = 0;
  let router_input_records = 0;
  let router_input_max = 0;
  const event_counts: Record<string, number> = {};
  for (const e of trace.events) {
    event_counts[e.type] = (event_counts[e.type] ?? 0) + 1;
    if (e.type === "router_call") {
      router_calls++;
      module_ms += e.ms;
      if (Array.isArray(e.input)) {
        router_input_records += e.input.length;
        router_input_max = Math.max(router_input_max, e.input.length);
      }
    }
  }
  const engine_ms = wall_ms - module_ms;
  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    shape,
    parse_ms: r(parse_ms),
    compile_ms: r(compile_ms),
    wall_ms: r(wall_ms),
    cpu_ms: r((cpu.user + cpu.system) / 1000),
    trace_events: trace.events.length,
    event_counts,
    deliveries: trace.deliveries.length,
    events_per_second: Math.round(trace.events.length / (wall_ms / 1000)),
    router_calls,
    router_calls_per_second: Math.round(router_calls / (wall_ms / 1000)),
    module_ms: r(module_ms),
    engine_ms: r(engine_ms),
    module_share: r(module_ms / wall_ms, 3),
    engine_to_module_ratio: r(engine_ms / Math.max(module_ms, 1e-9), 2),
    within_budget: engine_ms <= 3 * module_ms,
    router_input_records,
    router_input_max,
    peak_rss_mb: r(process.resourceUsage().maxRSS / 1024),
    heap_used_after_mb: r(heap_used_after / 1024 / 1024),
  };
}
