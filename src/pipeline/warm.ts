// Warming a fresh engine worker up before its run (issue 10's cost: docs/fresh-realm-cost.md).
//
// Every run gets a new worker, so the engine's code runs cold in it: each function is
// compiled on first use and interpreted at first. An idle spare can run its primed
// scenario through the engine once beforehand, without any module, so that no module code
// ever runs in the worker before its real run; the trace is dropped. Stopped after
// `budgetMs` of wall time (checked at the engine's progress reports, every hundredth of
// the simulated duration). The engine keeps no state between runs, so the real run's trace
// is the same with or without a warm-up (tests/pipeline/warm.test.ts).
import { execute } from "./execute.ts";
import type { ValidScenario } from "./types.ts";
import type { ModuleHost } from "../engine/contracts.ts";

const STOP = Symbol("warm-up over");

/** No module is loaded in a warm-up: a host that is asked for one is a bug. */
const NO_MODULES: ModuleHost = {
  load(file) {
    throw new Error(`a warm-up loads no module (asked for ${file})`);
  },
  locate: (err) => ({ message: String(err) }),
};

/** The scenario with every server's modules and legacy presence router taken out. */
export function withoutModules(parsed: ValidScenario): ValidScenario {
  const servers = parsed.scenario.servers.map((sv) => ({ ...sv, modules: [], presence: { ...sv.presence, presence_router: null } }));
  return { ...parsed, scenario: { ...parsed.scenario, servers } };
}

/** Runs the scenario without modules for at most about `budgetMs`; `stopped`: it did not finish. */
export async function warmUp(parsed: ValidScenario, budgetMs: number, now: () => number = () => performance.now()): Promise<{ ms: number; stopped: boolean }> {
  const t = now();
  let stopped = false;
  const onProgress = () => {
    if (now() - t > budgetMs) {
      stopped = true;
      throw STOP;
    }
  };
  try {
    await execute(withoutModules(parsed), { bundles: {}, diagnostics: [] }, { host: () => NO_MODULES, measure: false, onProgress });
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return { ms: now() - t, stopped };
}
