// The engine's entry point: runScenario(scenario, { host }) → Trace (scenario-format §4).
import { evaluateExpectations } from "../scenario/expect.ts";
import type { Scenario } from "../scenario/types.ts";
import type { PresenceRecord, RunError, Trace } from "../trace/types.ts";
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
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<Trace> {
  const world = new World(scenario, options.host);
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
  const final: Record<string, Record<string, PresenceRecord>> = {};
  for (const s of world.servers.values()) {
    const recs: Record<string, PresenceRecord> = {};
    for (const [u, r] of s.current) recs[u] = r.traceDict();
    final[s.name] = recs;
  }
  const partial = {
    version: 1 as const,
    scenario: scenarioInfo,
    events: world.recorder.all(),
    deliveries: world.recorder.deliveries,
    final,
  };
  const trace: Trace = { ...partial, expectations: [], errors: [] };
  trace.expectations = evaluateExpectations(scenario, { ...partial, errors: [] });
  return trace;
}
