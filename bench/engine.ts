// Engine benchmark (issue 2 §7): runs the generated 10,000-user scenario for one
// simulated hour in Node and reports throughput and where the time went.
import * as esbuild from "esbuild";
import { compileModules } from "../src/compile/index.ts";
import { createModuleHost } from "../src/sandbox/host.ts";
import { parseScenario } from "../src/scenario/parse.ts";
import { runScenario } from "../src/engine/index.ts";
import { BENCH_ROUTER, generateBenchScenario, type BenchShape } from "./generate.ts";

export interface EngineBench {
  shape: BenchShape;
  parse_ms: number;
  compile_ms: number;
  wall_ms: number;
  trace_events: number;
  deliveries: number;
  events_per_second: number;
  router_calls: number;
  router_calls_per_second: number;
  module_ms: number;
  engine_ms: number;
  module_share: number;
  engine_to_module_ratio: number;
  peak_rss_mb: number;
  heap_used_after_mb: number;
}

export async function benchEngine(shape: BenchShape): Promise<EngineBench> {
  const yaml = generateBenchScenario(shape);
  let t = performance.now();
  const parsed = parseScenario(yaml, "bench.yaml");
  const parse_ms = performance.now() - t;
  if (!parsed.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  t = performance.now();
  const compiled = await compileModules(esbuild, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
  const compile_ms = performance.now() - t;
  if (compiled.diagnostics.some((d) => d.severity === "error")) throw new Error(JSON.stringify(compiled.diagnostics));
  const host = createModuleHost(compiled);
  t = performance.now();
  const trace = await runScenario(parsed.scenario, { host, measure: true });
  const wall_ms = performance.now() - t;
  let router_calls = 0;
  let module_ms = 0;
  for (const e of trace.events) {
    if (e.type === "router_call") {
      router_calls++;
      module_ms += e.ms;
    }
  }
  const engine_ms = wall_ms - module_ms;
  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    shape,
    parse_ms: r(parse_ms),
    compile_ms: r(compile_ms),
    wall_ms: r(wall_ms),
    trace_events: trace.events.length,
    deliveries: trace.deliveries.length,
    events_per_second: Math.round(trace.events.length / (wall_ms / 1000)),
    router_calls,
    router_calls_per_second: Math.round(router_calls / (wall_ms / 1000)),
    module_ms: r(module_ms),
    engine_ms: r(engine_ms),
    module_share: r(module_ms / wall_ms, 3),
    engine_to_module_ratio: r(engine_ms / Math.max(module_ms, 1e-9), 2),
    peak_rss_mb: r(process.resourceUsage().maxRSS / 1024),
    heap_used_after_mb: r(process.memoryUsage().heapUsed / 1024 / 1024),
  };
}
