// The headless runner's work, separate from process I/O: read a scenario, compile the
// module files it names with the same pipeline as the browser, run the engine, and
// describe every problem as "file:line:col: sentence".
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { ModuleHost } from "../engine/contracts.ts";
import type { ScenarioIssue } from "../scenario/issues.ts";
import type { Scenario } from "../scenario/types.ts";
import type { RunError, Trace } from "../trace/types.ts";
import { compileModules, type CompileResult, type Diagnostic, type EsbuildLike } from "../compile/index.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { createLocator } from "../scenario/pathpos.ts";
import { collectModuleFiles } from "./files.ts";
import type { Contained } from "./contain.ts";

export type ParseResult = { ok: true; scenario: Scenario; warnings: ScenarioIssue[] } | { ok: false; errors: ScenarioIssue[] };

export interface RunnerDeps {
  parseScenario(text: string, file: string): ParseResult;
  runScenario(scenario: Scenario, opts: { host: ModuleHost; measure: boolean }): Trace | Promise<Trace>;
  esbuild: EsbuildLike;
  /**
   * Runs the modules contained (src/cli/contain.ts: a permission-restricted process with
   * a watchdog); the CLI sets it. Without it they run in this process (tests).
   */
  runContained?(scenario: Scenario, compiled: CompileResult): Promise<Contained>;
}

export type Outcome =
  /** Nothing ran: the scenario or a module is bad. */
  | { kind: "invalid"; problems: string[]; warnings: string[] }
  /** The engine ran; `problems` are trace.errors (a run stopped by them exits 2). */
  | { kind: "ran"; trace: Trace; problems: string[]; warnings: string[] };

function at(file: string, line: number | undefined, column: number | undefined): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 1}`;
}

export function formatIssue(i: ScenarioIssue): string {
  const path = i.path ? ` (${i.path})` : "";
  return `${at(i.file, i.line, i.column)}: ${i.severity}: ${i.message}${path}`;
}

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
  const { text, scenarioPath, dir } = src;
  const parsed = deps.parseScenario(text, scenarioPath);
  if (!parsed.ok) return { kind: "invalid", problems: parsed.errors.map(formatIssue), warnings: [] };
  const warnings = parsed.warnings.map(formatIssue);
  const scenario = parsed.scenario;

  const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  const locate = createLocator(text);
  const inScenario = (path: string, message: string) => {
    const p = locate(path);
    return `${at(scenarioPath, p?.line, p?.column)}: error: ${message} (${path})`;
  };

  const { files, entries, missing } = collectModuleFiles(scenario, dir, src.read);
  if (missing.length) {
    const problems = missing.map((m) =>
      inScenario(`${m.path}.module`, `module file '${m.file}' not found (looked for ${shown(m.file)})`),
    );
    return { kind: "invalid", problems, warnings };
  }

  const compiled: CompileResult = await compileModules(deps.esbuild, files, entries);
  const diag = (d: Diagnostic) => `${at(shown(d.file), d.line, d.column)}: ${d.severity}: ${d.message}`;
  const compileErrors = compiled.diagnostics.filter((d) => d.severity === "error");
  warnings.push(...compiled.diagnostics.filter((d) => d.severity === "warning").map(diag));
  if (compileErrors.length) return { kind: "invalid", problems: compileErrors.map(diag), warnings };

  let trace: Trace;
  if (deps.runContained) {
    const r = await deps.runContained(scenario, compiled);
    if (!r.ok) {
      // Stopped by the watchdog or a crash: at the callback's line when it is known.
      const src = r.file !== undefined && Object.prototype.hasOwnProperty.call(files, r.file) ? files[r.file] : undefined;
      const line = src && r.callback ? src.split("\n").findIndex((l) => l.includes(r.callback!)) + 1 : 0;
      const where = src ? (line > 0 ? at(shown(r.file!), line, 1) : shown(r.file!)) : scenarioPath;
      return { kind: "invalid", problems: [`${where}: error: ${r.message}`], warnings };
    }
    trace = r.trace;
  } else {
    trace = await deps.runScenario(scenario, { host: createModuleHost(compiled), measure: false });
  }
  const moduleFiles = new Set(Object.keys(files));
  // Module problems point into module files; scenario/config problems at a scenario path.
  const runError = (e: RunError) => {
    const file = e.file === undefined ? undefined : moduleFiles.has(e.file) ? shown(e.file) : e.file;
    const path = e.path ? ` (${e.path})` : "";
    if (file !== undefined && e.line !== undefined) return `${at(file, e.line, e.column)}: error: ${e.message}${path}`;
    if (e.path) return inScenario(e.path, file ? `${file}: ${e.message}` : e.message);
    return `${file ?? scenarioPath}: error: ${e.message}`;
  };
  return { kind: "ran", trace, problems: trace.errors.map(runError), warnings };
}
