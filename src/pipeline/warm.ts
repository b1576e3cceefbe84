// Warming a fresh engine worker up before its run (issue 10's cost: docs/fresh-realm-cost.md).
//
// Every run gets a new worker, so the engine's code runs cold in it: each function is
// compiled on first use and interpreted at first. An idle spare can run its primed
// scenario through the engine beforehand (a few passes; V8 optimises hot code after a
// few) with the user's modules replaced by a stand-in router of ours, so that no module
// code of the user's ever runs in the worker before its real run, while the engine's
// module paths (loading, calling, reading results) warm up too; the traces are dropped. It stops
// when its wall-time budget is spent or the frame interrupts it, checked at the engine's
// progress reports (every hundredth of the simulated duration). The engine keeps no state
// between runs, so the real run's trace is the same with or without a warm-up
// (tests/pipeline/warm.test.ts).
import { execute } from "./execute.ts";
import type { ValidScenario } from "./types.ts";
import type { CompileResult } from "../compile/types.ts";
import type { ModuleEntry } from "../scenario/types.ts";

const STOP = Symbol("warm-up over");

/** The stand-in's file name: not a name a module file can have (module files end in .ts or .py). */
export const STAND_IN = "__warm_up__.js";

/**
 * The stand-in router, as compiled module code: a modern module whose callbacks route each
 * update to its own user and let each user see only themself (little work beyond the
 * calls themselves).
 */
const STAND_IN_CODE = `module.exports = class WarmUpRouter {
  constructor(config, api) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => new Map(states.map((s) => [s.user_id, new Set([s])])),
      get_interested_users: async (user_id) => new Set([user_id]),
    });
  }
};`;

export const STAND_IN_COMPILED: CompileResult = {
  bundles: { [STAND_IN]: { code: STAND_IN_CODE, map: JSON.stringify({ version: 3, sources: [STAND_IN], names: [], mappings: "" }) } },
  diagnostics: [],
};

/**
 * The scenario with every server's modules and legacy presence router replaced: one
 * stand-in router on each server that had any, none elsewhere.
 */
export function withStandIns(parsed: ValidScenario): ValidScenario {
  const servers = parsed.scenario.servers.map((sv) => {
    const routed = sv.modules.length > 0 || sv.presence.presence_router !== null;
    const standIn: ModuleEntry = { module: STAND_IN, file: STAND_IN, export: "default", config: {}, path: `servers.${sv.name}.modules[0]` };
    return { ...sv, modules: routed ? [standIn] : [], presence: { ...sv.presence, presence_router: null } };
  });
  return { ...parsed, scenario: { ...parsed.scenario, servers } };
}

export interface WarmOptions {
  /** Wall-clock ms to stop after (checked at each progress report). */
  budgetMs: number;
  /** Passes over the scenario at most (V8 optimises the engine's hot code after a few). */
  passes?: number;
  /** Stop at the next progress report when this says so (the frame wants the worker for a run). */
  interrupted?: () => boolean;
  now?: () => number;
}

/**
 * Runs the scenario with stand-in routers, up to `passes` times, stopping once the budget
 * is spent or `interrupted()`. `stopped`: a pass did not finish; `passes`: passes finished.
 */
export async function warmUp(parsed: ValidScenario, opts: WarmOptions): Promise<{ ms: number; stopped: boolean; passes: number }> {
  const now = opts.now ?? (() => performance.now());
  const t = now();
  const over = () => now() - t > opts.budgetMs || opts.interrupted?.() === true;
  const bare = withStandIns(parsed);
  const onProgress = () => {
    if (over()) throw STOP;
  };
  let passes = 0;
  let stopped = false;
  try {
    while (passes < (opts.passes ?? 1) && !(passes > 0 && over())) {
      // The default host: no watchdog spans (the frame does not watch a spare).
      await execute(bare, STAND_IN_COMPILED, { onProgress });
      passes++;
    }
  } catch (e) {
    if (e !== STOP) throw e;
    stopped = true;
  }
  return { ms: now() - t, stopped, passes };
}
