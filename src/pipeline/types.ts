// Types of the pipeline (scenario text + module files → parse → compile → run). Stage
// outputs are plain data (structured-cloneable): the browser parses and runs in the
// engine worker but compiles in the compile worker, and hands results across.
import type { ModuleHost } from "../engine/contracts.ts";
import type { CompileResult, Diagnostic as CompileDiagnostic, EsbuildLike } from "../compile/types.ts";
import type { Limits } from "../scenario/limits.ts";
import type { Scenario } from "../scenario/types.ts";
import type { Trace } from "../trace/types.ts";
import type { RoomHints } from "../analysis/rooms.ts";
import type { PyodideLike } from "../python/host.ts";
import type { CrossCheckRun } from "../engine/crosscheck.ts";
import type { RunStats } from "../engine/index.ts";

export type { CompileResult, EsbuildLike, Limits, RoomHints, Scenario, Trace };

/**
 * A problem at a place: the scenario file (its path as given) or a module file (as the
 * `moduleLabel` option names it). `line`/`column` are 1-based (UTF-16 columns); absent
 * when only the file is known. `path` is the place inside the scenario it concerns.
 */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Scenario path, e.g. "steps[3].sync.user" ("" or absent: none). */
  path?: string;
  message: string;
  severity: "error" | "warning";
}

/** A problem as the editor shows it: always a line, the scenario path folded into the message. */
export interface Diagnostic extends CompileDiagnostic {
  /** Scenario problems carry the path inside the scenario (steps[3].sync.user). */
  path?: string;
}

/** The scenario file: its text and how messages name it. */
export interface ScenarioInput {
  text: string;
  /** A path ("examples/x/scenario.yaml") or a tab name ("scenario.yaml"). */
  path: string;
}

/**
 * Module files by name (relative to the scenario's folder, POSIX separators), or a
 * reader giving a file's text by that name (null: no such file). With a reader, only the
 * files the scenario names and what they import (transitively) are read.
 */
export type ModuleFiles = Record<string, string> | ((name: string) => string | null);

export interface PipelineInput {
  scenario: ScenarioInput;
  files: ModuleFiles;
}

/** Stage 1 output. On failure `errors` holds every issue found (warnings included). */
export type ParsedScenario =
  | { ok: true; input: ScenarioInput; scenario: Scenario; warnings: Problem[] }
  | { ok: false; input: ScenarioInput; errors: Problem[] };

/** A scenario that parsed and validated (what the later stages need). */
export type ValidScenario = Extract<ParsedScenario, { ok: true }>;

/** Stage 2 output: what to compile, and the module files the scenario names that are not there. */
export interface GatheredModules {
  files: Record<string, string>;
  /** Module entries as the scenario writes them (the compiler's and the host's keys). */
  entries: string[];
  /** One located error per missing file (at the scenario's `module:` value). */
  problems: Problem[];
}

/** The engine's entry point (src/engine runScenario); tests may substitute a stand-in. */
export type Engine = (scenario: Scenario, opts: { host: ModuleHost; measure: boolean; stats?: RunStats; onProgress?: (done: number) => void }) => Trace | Promise<Trace>;

/**
 * Makes the ModuleHost that evaluates compiled modules (default: src/sandbox
 * createModuleHost). The browser wraps it to mark callbacks for the watchdog.
 */
export type HostFactory = (compiled: CompileResult, scenario: Scenario) => ModuleHost;

export interface ExecuteOptions {
  host?: HostFactory;
  /**
   * Loads Pyodide (src/python), called only when the scenario has .py modules. Absent:
   * the host factory's engine runs them (the CLI's contained child).
   */
  python?: () => Promise<PyodideLike>;
  /** Record wall-clock router call `ms` (the playground); default false → 0 (determinism). */
  measure?: boolean;
  /** Filled with the run's RunStats (src/engine/index.ts): counts beyond the trace, for the bench. */
  stats?: RunStats;
  /** The run's progress (RunOptions.onProgress); not the cross-check's. */
  onProgress?: (done: number) => void;
  engine?: Engine;
  /** How problems name a module file (default: its name). The CLI: relative to the working directory. */
  moduleLabel?: (file: string) => string;
  /**
   * Also run the active cross-check (src/engine/crosscheck.ts): the scenario again, with
   * both router callbacks probed over every (user, state) pair at chosen instants
   * (offsets, ms; default: defaultInstants). Only with the built-in engine.
   */
  crossCheck?: boolean | { instants: number[] };
}

export interface PipelineOptions extends ExecuteOptions {
  /** Native `esbuild` in Node, `esbuild-wasm` (initialised) in the browser. */
  esbuild: EsbuildLike;
  /**
   * Which files are compiled as module entries: "scenario" (default: the files the
   * scenario names) or "all" (every file, as the playground compiles before it knows
   * the scenario; the build-time run must match it).
   */
  entries?: "scenario" | "all";
  /**
   * Budgets: the sizes a scenario must stay within (default DEFAULT_LIMITS of
   * src/scenario/limits.ts). The wall-clock budget of a module callback is enforced
   * outside the pipeline, by the browser sandbox's watchdog (RunRequest.budgetMs).
   */
  limits?: Partial<Limits>;
}

/** Stage 4 output. */
export interface Executed {
  trace: Trace;
  /** trace.errors, located: in a module file when known, else at their scenario path. */
  problems: Problem[];
  /** What the consistency checker needs from the scenario (the trace lacks time-0 rooms). */
  hints: RoomHints;
  /** The active cross-check's answers, when asked for and the run had no startup errors. */
  crossCheck?: CrossCheckRun;
}

/**
 * What a whole run gives. `problems` are what stopped it or went wrong in the run
 * (located, ready to print; a failed parse lists its warnings among them, in file
 * order); `warnings` are the scenario's, then the compiler's. Each variant carries the stage outputs it
 * got to, so a caller can pick up from there.
 */
export type PipelineResult =
  /** Nothing ran: the scenario is bad, or names a module file that is not there. */
  | { kind: "scenario-invalid"; problems: Problem[]; warnings: Problem[]; parsed: ParsedScenario }
  /** Nothing ran: a module file does not compile. */
  | { kind: "compile-failed"; problems: Problem[]; warnings: Problem[]; parsed: ValidScenario; compiled: CompileResult }
  /** The engine ran. `problems` non-empty means the run stopped (startup errors, R56–R58). */
  | ({ kind: "ran"; warnings: Problem[]; parsed: ValidScenario; compiled: CompileResult } & Executed);
