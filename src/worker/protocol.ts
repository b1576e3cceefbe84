// Typed messages between the app (main thread), the compile worker, the sandbox iframe
// and the engine worker. Every request carries an id; the newest request wins and
// replies to older ids are dropped by the receiver.
import type { RunError, Trace } from "../trace/types.ts";
import type { ColumnsWire } from "../trace/columns.ts";
import type { CompileResult } from "../compile/types.ts";
import type { RoomHints } from "../analysis/rooms.ts";
import type { Diagnostic, ParsedScenario } from "../pipeline/types.ts";
import type { CrossCheckRun } from "../engine/crosscheck.ts";
import type { SpanLabel } from "../sandbox/sharedSpans.ts";

/** 1-based line/column (UTF-16), as Monaco wants them (src/pipeline/types.ts). */
export type { Diagnostic };

/** What the pipeline's compile stage returns, passed through to the engine unchanged. */
export type CompileOutput = CompileResult;

// ---- compile worker ----

export interface CompileRequest {
  type: "compile";
  id: number;
  files: Record<string, string>;
  entries: string[];
}

export type CompileReply =
  | {
      type: "compiled";
      id: number;
      result: CompileOutput;
      ms: number;
      /** Bench stamps (epoch ms, the worker's clock) of the worker's start and esbuild's load, on the first reply after them only. */
      timing?: Record<string, number>;
    }
  | { type: "compile-failed"; id: number; message: string };

// ---- engine (parent -> iframe -> worker) ----

export interface RunRequest {
  type: "run";
  id: number;
  scenarioText: string;
  scenarioFile: string;
  compileResult: CompileOutput;
  /** Wall-clock budget for one module callback, ms (default 1000). */
  budgetMs?: number;
}

/**
 * Sent by the engine worker when the engine enters module code ("enter") and when it is
 * back ("exit"); src/sandbox/spans.ts. The watchdog times open spans on its own clock.
 */
export type SpanMark =
  | {
      type: "enter";
      /** Pairs an enter with its exit (spans may overlap while the engine awaits). */
      seq: number;
      /** The module as the scenario names it, e.g. "router.ts#TeamRouter". */
      module: string;
      /** What runs: "get_interested_users", "get_users_for_states (reading its result)", "parse_config", … */
      what: string;
      /** Simulated offset, ms. */
      at: number;
    }
  | { type: "exit"; seq: number };

/**
 * The frame asks a fresh, idle engine worker to parse the scenario ahead of the next run.
 * With `parsed`, an earlier worker already parsed this very text before it ran any module
 * code (ScenarioParsed): the worker takes it instead of parsing the YAML again.
 */
export interface PrimeRequest {
  type: "prime";
  scenarioText: string;
  scenarioFile: string;
  parsed?: ParsedScenario;
}

/**
 * frame -> an idle spare: the page is idle, run the primed scenario through the engine
 * with stand-in routers (src/pipeline/warm.ts) to compile the engine's code before the real run (engine.worker.ts
 * `warm`). Never sent to a worker that has a run.
 */
export interface WarmRequest {
  type: "warm";
}

/**
 * worker -> frame, from an idle worker only (it answers a prime, before any run): the
 * parse of the primed text, which the frame hands to the next workers it primes with the
 * same text (a structured clone costs ~1 ms where a fresh worker's YAML parse of a
 * 1,000-user scenario costs 150-300 ms of the CPU the current run needs).
 */
export interface ScenarioParsed {
  type: "parsed";
  scenarioText: string;
  scenarioFile: string;
  parsed: ParsedScenario;
}

/**
 * Wall-clock stages of one run in ms (the worker's and the frame's clocks), for the bench
 * and DevTools only: never part of the trace. Python runs: `python_wait` (the run waited
 * for its interpreter), `pyodide` (loadPyodide, from the worker's start), `instantiate`
 * (the wasm instance), `snapshot` (1 when restored from the frame's memory snapshot),
 * `run` (execute), `spare_age` (the worker's age when the run was sent to it),
 * `parse_handed` (1: the scenario's parse came from the frame, made by an earlier worker),
 * `replaced` (newer requests this worker took before its run began), `retargets` (such
 * hand-overs on this page so far, the frame's count), `restores_at_once` (the most
 * Python spares the frame had restoring at the same time), `spares_before_editor`
 * (Python spares the frame started after a Python run began and before the app's editor
 * was ready: 0, they wait for it), `spares_during_run` (workers the frame started
 * between handing this run to its worker and its result: 1, the next run's spare, or 0
 * for a Python run's first and for a scenario text over 256 KB, whose spare starts once
 * the run has answered), `encode` (the reply's trace turned into columns and
 * JSON bytes in the worker), and the reply's two hops, `worker_to_frame` and
 * `frame_to_app` (the app's share of `from_worker`, stamped by iframe-client.ts).
 */
export type RunTiming = Record<string, number>;

export type RunReply =
  | {
      type: "result";
      id: number;
      trace: Trace;
      ms: number;
      warnings: Diagnostic[];
      hints: RoomHints;
      /** A "cross-check" reply with the same id follows (the active cross-check runs after the graph's run). */
      crossCheckFollows?: boolean;
      timing?: RunTiming;
    }
  /** The active cross-check of a run whose "result" said it follows (src/engine/crosscheck.ts); `ms`: its wall time. */
  | { type: "cross-check"; id: number; crossCheck: CrossCheckRun; ms: number }
  /** The scenario did not parse/validate: nothing ran. */
  | { type: "scenario-invalid"; id: number; diagnostics: Diagnostic[] }
  /** The run could not complete (watchdog, crash): a reason with a location. */
  | { type: "run-failed"; id: number; error: RunError & { callback?: string; at?: number } }
  /**
   * While the run is going: the share of the simulated duration done (0–1), at most
   * every PROGRESS_EVERY_MS of wall time. Not a sign of life for the watchdog.
   */
  | { type: "progress"; id: number; done: number };

/** The engine worker's least wall-clock gap between two progress messages. */
export const PROGRESS_EVERY_MS = 200;

/**
 * A scenario text this long (characters) is a big world, whose run takes seconds (the
 * 10,000-user example: 1.1 MB; the 1,000-user bench world ~60 KB): the editor loads Monaco
 * after its live graph (src/ui/editor/monacoStart.ts) and the sandbox frame starts the
 * next run's spare once the run has answered (src/sandbox/iframe-runtime.ts).
 */
export const BIG_SCENARIO_CHARS = 256 * 1024;

/**
 * A reply as it travels from the engine worker through the frame to the app: a result's
 * trace is UTF-8 JSON in a transferred ArrayBuffer (`traceJson`); the app decodes and
 * checks it into a RunReply (src/sandbox/reply.ts). With `columns`, the JSON trace's events
 * and deliveries are empty, and so are its final states when the columns hold them: they
 * come as columns (src/trace/columns.ts), their buffers transferred as well.
 */
export type WireMessage = Exclude<RunReply, { type: "result" }> | SpanMark | (Omit<Extract<RunReply, { type: "result" }>, "trace"> & { traceJson: ArrayBuffer; columns?: ColumnsWire });

/**
 * worker -> frame, about the run requests it was handed. A worker takes at most one run;
 * until that run begins (a Python worker still restoring its interpreter) a newer request
 * replaces the one it holds, so a burst of edits does not use up a fresh worker per
 * keystroke. `begun`: the run with this id starts now (module code may run from here on).
 * `refused`: this request came after a run had begun; the frame gives it a fresh worker.
 */
export type RunTaken = { type: "begun"; id: number } | { type: "refused"; id: number };

/** worker -> frame: this worker's interpreter is restored and its bridge ready (or Python failed to start). */
export type PythonReady = { type: "python-ready" };

/** iframe -> parent when the worker script is started and listening. */
export interface SandboxReady {
  type: "sandbox-ready";
}

export type WorkerToIframe = RunReply | SpanMark | SpanLabel | ScenarioParsed | RunTaken | PythonReady;
