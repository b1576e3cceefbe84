// The engine's entry point: runScenario(scenario, { host }) → Trace (scenario-format §4).
import { evaluateExpectations } from "../scenario/expect.ts";
import type { Scenario } from "../scenario/types.ts";
import type { PresenceRecord, RunError, Trace } from "../trace/types.ts";
import { attachColumns, readingCopy } from "../trace/columns.ts";
import type { ModuleHost } from "./contracts.ts";
import { createServerApi } from "./moduleapi-impl.ts";
import { loadModules } from "./modules/index.ts";
import { startup } from "./timeouts.ts";
import { World } from "./world.ts";

export interface RunOptions {
  host: ModuleHost;
  /**
   * Record wall-clock `ms` of router calls (the playground); default false → 0. `ms` is
   * the time spent running the callback itself: its synchronous run, plus later
   * microtask turns only when it awaits inside (see modules/invoke.ts settle()).
   */
  measure?: boolean;
  /** Filled at the end of the run with counts that are not part of the trace (the bench). */
  stats?: RunStats;
  /** The share of the simulated duration run so far (0–1), every hundredth: a progress bar. */
  onProgress?: (done: number) => void;
}

/** What a run did beyond its (possibly capped) trace; wall-clock, so never in the trace. */
export interface RunStats {
  /** Module callback invocations, including those past the trace's event limit. */
  router_calls?: number;
  /** Sum of their `ms` (0 unless `measure`). */
  module_ms?: number;
  /** Events and deliveries kept in the trace. */
  events?: number;
  deliveries?: number;
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<Trace> {
  const world = new World(scenario, options.host);
  if (options.onProgress) world.onProgress = options.onProgress;
  const errors: RunError[] = [];
  for (const s of world.servers.values()) {
    s.api = createServerApi(s);
    const loaded = await loadModules({
      server: s.cfg,
      host: options.host,
      api: s.api,
      emit: (e) => world.recorder.emit(e),
      fidelity: scenario.fidelity,
      seed: scenario.seed,
      measure: options.measure ?? false,
      onUnsettled: () => world.microtasksRunaway(),
      nextCallId: () => ++world.routerCalls,
      tracing: () => world.recorder.accepting,
    });
    s.router = world.watchRouter(loaded.router);
    errors.push(...loaded.errors);
  }
  const scenarioInfo = {
    servers: scenario.servers.map((s) => s.name),
    users: scenario.users.map((u) => u.id),
    start_time: scenario.start_time,
    end: world.end,
  };
  if (errors.length) {
    // Startup errors (R56–R58) stop the run.
    return { version: 1, scenario: scenarioInfo, events: [], deliveries: [], final: {}, expectations: [], errors };
  }
  for (const s of world.servers.values()) await startup(s);
  await world.run();
  if (options.stats) {
    const { offered, columns } = world.recorder;
    Object.assign(options.stats, { ...offered, events: columns.length, deliveries: columns.deliveryCount });
  }
  const final: Record<string, Record<string, PresenceRecord>> = {};
  for (const s of world.servers.values()) {
    const recs: Record<string, PresenceRecord> = {};
    for (const [u, r] of s.current) recs[u] = r.traceDict();
    final[s.name] = recs;
  }
  // events and deliveries stay in the recorder's columns until something reads them.
  const trace: Trace = attachColumns({ version: 1, scenario: scenarioInfo, events: [], deliveries: [], final, expectations: [], errors: [] }, world.recorder.columns);
  // Expectations read a copy of the events, so the trace's own stay in columns (posted as typed arrays).
  trace.expectations = evaluateExpectations(scenario, readingCopy(trace));
  return trace;
}
