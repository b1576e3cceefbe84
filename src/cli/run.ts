// The headless runner's work, separate from process I/O: read a scenario and run it
// through the pipeline (src/pipeline, the same one the browser uses), describing every
// problem as "file:line:col: sentence".
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Trace } from "../trace/types.ts";
import { formatProblem, run, type Engine, type EsbuildLike, type ExecuteOptions, type HostFactory } from "../pipeline/index.ts";
import { cwdLabel, diskReader } from "./files.ts";

export interface RunnerDeps {
  esbuild: EsbuildLike;
  /** Default: the real engine. The CLI runs it contained (src/cli/contain.ts containedEngine). */
  engine?: Engine;
  host?: HostFactory;
  /** Loads Pyodide for .py modules when the engine runs in this process (tests). */
  python?: ExecuteOptions["python"];
}

export type Outcome =
  /** Nothing ran: the scenario or a module is bad. */
  | { kind: "invalid"; problems: string[]; warnings: string[] }
  /** The engine ran; `problems` are trace.errors (a run stopped by them exits 2). */
  | { kind: "ran"; trace: Trace; problems: string[]; warnings: string[] };

/** Runs the scenario file at `scenarioPath` (as the user typed it; messages use it). */
export async function runScenarioFile(scenarioPath: string, deps: RunnerDeps): Promise<Outcome> {
  let text: string;
  try {
    text = readFileSync(scenarioPath, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message);
    return { kind: "invalid", problems: [`${scenarioPath}: cannot read the scenario: ${why}`], warnings: [] };
  }
  return runScenarioSource({ text, scenarioPath, dir: dirname(scenarioPath) }, deps);
}

export interface ScenarioSource {
  text: string;
  /** How messages name the scenario (a path, or "scenario.yaml" of a link). */
  scenarioPath: string;
  /** Folder module paths are relative to (for messages and disk reads). */
  dir: string;
  /** Module files by name; default: read from disk under `dir`. */
  read?: (name: string) => string | null;
}

/** Runs a scenario text whose module files come from `src.read` (disk or a permalink). */
export async function runScenarioSource(src: ScenarioSource, deps: RunnerDeps): Promise<Outcome> {
  const r = await run(
    { scenario: { text: src.text, path: src.scenarioPath }, files: src.read ?? diskReader(src.dir) },
    { esbuild: deps.esbuild, engine: deps.engine, host: deps.host, python: deps.python, measure: false, moduleLabel: cwdLabel(src.dir) },
  );
  const warnings = r.warnings.map(formatProblem);
  const problems = r.problems.map(formatProblem);
  return r.kind === "ran" ? { kind: "ran", trace: r.trace, problems, warnings } : { kind: "invalid", problems, warnings };
}
