// Stage 4: run a parsed scenario over compiled modules in the engine, and locate what
// stopped it: module problems in the module file, scenario/config problems at their
// scenario path.
import { runScenario } from "../engine/index.ts";
import { crossCheckRun, type CrossCheckRun } from "../engine/crosscheck.ts";
import { runCost } from "../analysis/cost.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { combineHosts, createPythonHost } from "../python/host.ts";
import { needsPython } from "./compile.ts";
import { createLocator } from "../scenario/pathpos.ts";
import type { Scenario } from "../scenario/types.ts";
import type { RunError } from "../trace/types.ts";
import type { ModuleHost } from "../engine/contracts.ts";
import type { CompileResult, Executed, ExecuteOptions, Problem, RoomHints, ScenarioInput, ValidScenario } from "./types.ts";

/** What the consistency checker needs from the scenario (the trace lacks time-0 rooms). */
export function scenarioHints(sc: Scenario): RoomHints {
  return {
    rooms: sc.rooms.map((r) => ({ id: r.id, members: r.members })),
    excludedRooms: Object.fromEntries(sc.servers.map((s) => [s.name, s.exclude_rooms_from_presence])),
    memberships: sc.steps.flatMap((s) => (s.kind === "membership" ? [{ at: s.at, user: s.user, room: s.room, membership: s.membership }] : [])),
  };
}

/** Locates the run's errors; `moduleFiles` are the names the compiler was given. */
export function locateRunErrors(errors: readonly RunError[], input: ScenarioInput, moduleFiles: ReadonlySet<string>, moduleLabel: (file: string) => string = (f) => f): Problem[] {
  if (errors.length === 0) return [];
  const locate = createLocator(input.text);
  const inScenario = (path: string, message: string): Problem => {
    const p = locate(path);
    return { file: input.path, line: p?.line, column: p?.column, path, message, severity: "error" };
  };
  return errors.map((e) => {
    const file = e.file === undefined ? undefined : moduleFiles.has(e.file) ? moduleLabel(e.file) : e.file;
    if (file !== undefined && e.line !== undefined) return { file, line: e.line, column: e.column, path: e.path, message: e.message, severity: "error" };
    if (e.path) return inScenario(e.path, file ? `${file}: ${e.message}` : e.message);
    return { file: file ?? input.path, message: e.message, severity: "error" };
  });
}

/** A new module host for one run: the factory's (or the default) plus Pyodide for .py modules. */
async function hostFor(parsed: ValidScenario, compiled: CompileResult, options: ExecuteOptions): Promise<ModuleHost> {
  const base = options.host ? options.host(compiled, parsed.scenario) : createModuleHost(compiled);
  // .py modules run in Pyodide, loaded only now that the scenario uses one; a runner
  // without options.python (the CLI's contained engine) runs them elsewhere.
  return needsPython(compiled) && options.python ? combineHosts(base, createPythonHost(await options.python(), compiled.python!, parsed.scenario.seed)) : base;
}

export async function execute(parsed: ValidScenario, compiled: CompileResult, options: ExecuteOptions = {}): Promise<Executed> {
  const host = await hostFor(parsed, compiled, options);
  const engine = options.engine ?? runScenario;
  const trace = await engine(parsed.scenario, { host, measure: options.measure ?? false, ...(options.stats && { stats: options.stats }), ...(options.onProgress && { onProgress: options.onProgress }) });
  if (trace.errors.length === 0) trace.cost = runCost(trace);
  const moduleFiles = new Set(compiled.files ?? Object.keys(compiled.bundles));
  const out: Executed = { trace, problems: locateRunErrors(trace.errors, parsed.input, moduleFiles, options.moduleLabel), hints: scenarioHints(parsed.scenario) };
  if (options.crossCheck && !options.engine && trace.errors.length === 0) out.crossCheck = await crossCheck(parsed, compiled, options);
  return out;
}

/**
 * The active cross-check alone (src/engine/crosscheck.ts), after a run without errors:
 * the playground draws the run's graph first and runs this after it.
 */
export async function crossCheck(parsed: ValidScenario, compiled: CompileResult, options: ExecuteOptions = {}): Promise<CrossCheckRun> {
  // A fresh host: the probe run must not share module instances with the real run.
  const probeHost = await hostFor(parsed, compiled, options);
  const instants = typeof options.crossCheck === "object" ? options.crossCheck.instants : undefined;
  return crossCheckRun(parsed.scenario, { host: probeHost, ...(instants && { instants }) });
}
