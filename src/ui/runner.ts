// Orchestration: every change of the module files compiles (compile worker, newest
// wins); every successful compile or scenario edit runs the engine in the sandbox
// (newest wins). Results land in the store. Nothing heavy runs on the main thread.
// The workers run the pipeline's stages (src/pipeline): compile there, parse + execute
// in the engine worker; every file is an entry (the scenario may change without a compile).
//
// Everything outside the store is injected (RunnerDeps): the compile worker and the
// engine sandbox factories, the build-time run, the budget, the perf stamps. The browser
// wiring is src/ui/browserDeps.ts; Node tests pass fakes.
import { filesNeedPython } from "../python/assets.ts";
import { SCENARIO_FILE, type PlaygroundStore } from "./store.ts";
import type { CompileOutput, CompileReply, RunReply, RunRequest } from "../worker/protocol.ts";
import type { PrecomputedRun } from "../build/defaultRun.ts";
import { runKey, sameRun, type RunKey } from "./runKey.ts";
import type { Trace } from "../trace/types.ts";
import { inOrder } from "../sandbox/inOrder.ts";
import { needsWarming, warmGraph } from "./graph/warm.ts";

/** The part of a Worker the runner uses (the compile worker). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((this: WorkerLike, ev: MessageEvent<CompileReply>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  onmessageerror: ((ev: MessageEvent) => void) | null;
}

/** The engine sandbox (src/sandbox/iframe-client.ts): runs, answers through `onReply`. */
export interface SandboxLike {
  run(req: RunRequest): void;
  /** Start loading Pyodide ahead of the first Python run (iframe-client.ts). */
  preloadPython?(): void;
  /** The editor is usable: Python spares may start restoring (iframe-client.ts). */
  editorReady?(): void;
  dispose(): void;
}

/** The default example's compile and run, computed at build time (src/build/defaultRun.ts). */
export type ShippedRun = PrecomputedRun;

/** Latency stamps (boot/perf.ts in the browser; no-ops elsewhere). */
export interface RunnerPerf {
  currentEdit(): number;
  noteCompiled(seq: number): void;
  tagTrace(trace: object, seq: number): void;
  graphCommitted(seq: number, nodes: number): void;
  /** A run's wall-clock stages (RunTiming: Python runs), for the bench. */
  noteTiming?(seq: number, timing: Record<string, number>): void;
  /** The compile worker's bench stamps (epoch ms): its start, esbuild's load. */
  noteCompileStamps?(stamps: Record<string, number>): void;
  /** Resolves once the first graph is drawn: the sandbox starts after it. */
  afterFirstGraph(): Promise<void>;
  /** Resolves once the editor is usable (or a fallback): the sandbox is told (editorReady). */
  afterEditorReady?(): Promise<void>;
}

export interface RunnerDeps {
  compiler(): WorkerLike;
  sandbox(onReply: (r: RunReply) => void): Promise<SandboxLike>;
  /** Starts fetching Pyodide's files now; the sandbox's preload then uses them (iframe-client.ts). */
  prefetchPython?(): void;
  shipped: ShippedRun | null;
  budgetMs(): number;
  perf: RunnerPerf;
}

export const NO_PERF: RunnerPerf = {
  currentEdit: () => 0,
  noteCompiled: () => {},
  tagTrace: () => {},
  graphCommitted: () => {},
  afterFirstGraph: () => Promise.resolve(),
};

export interface Runner {
  /** Run again with the current inputs (the Run button, Ctrl+Enter). */
  rerun(): void;
  /** Runs a generated world (Cost tab, "scale to N users") in a sandbox of its own. */
  runScaled(scenarioText: string): Promise<Trace>;
  dispose(): void;
}

/** Shown when the compiler itself failed (not the code): the worker is then replaced. */
export function compilerFailedMessage(why: string): string {
  return `The compiler itself failed on this code (${why}). It has been restarted: your next edit compiles again. Very deeply nested code (thousands of brackets) can overflow its stack.`;
}

export function startRunner(store: PlaygroundStore, deps: RunnerDeps): Runner {
  const { shipped, perf } = deps;
  const { currentEdit, noteCompiled, tagTrace, graphCommitted } = perf;
  /** The build-time run (src/build/defaultRun.ts) applies only to exactly its inputs. */
  function isShipped(files: Record<string, string>, scenario?: string): boolean {
    if (!shipped || (scenario !== undefined && scenario !== shipped.scenario)) return false;
    const a = Object.keys(files);
    const b = Object.keys(shipped.files);
    return a.length === b.length && a.every((k) => files[k] === shipped.files[k]);
  }

  let compiler = newCompiler();
  let sandbox: SandboxLike | null = null;
  let sandboxP: Promise<SandboxLike> | null = null;
  let compileId = 0;
  let runId = 0;
  /** The newest successful compile of the current files; null while a compile is pending or failed. */
  let good: CompileOutput | null = null;
  let disposed = false;
  // The editor change (boot/perf.ts sequence number) the newest compile / run carries.
  let compileSeq = 0;
  let runSeq = 0;
  /** runKey of the run in flight, and of the last run that gave a trace (null: none). */
  let pendingKey: RunKey | null = null;
  let lastOkKey: RunKey | null = null;

  /**
   * A fresh compile worker. esbuild-wasm does not recover from a failure of its own (a
   * stack overflow on deeply nested code, a wasm trap, a crash): every later compile in
   * that worker fails too, so any such failure replaces the worker.
   */
  function newCompiler(): WorkerLike {
    const w = deps.compiler();
    w.onmessage = onCompileReply;
    w.onerror = (ev) => {
      ev.preventDefault();
      compilerFailed(w, ev.message || "the compile worker crashed");
    };
    w.onmessageerror = () => compilerFailed(w, "a reply could not be read");
    return w;
  }

  function compilerFailed(w: WorkerLike, why: string): void {
    if (w !== compiler || disposed) return;
    w.terminate();
    compiler = newCompiler();
    good = null;
    runId++; // drop the result of any run still in flight: it is for older code
    noteCompiled(compileSeq);
    store.getState().compiled([{ file: "", line: 0, column: 1, message: compilerFailedMessage(why), severity: "error" }], null);
  }

  function onCompileReply(this: WorkerLike, ev: MessageEvent<CompileReply>): void {
    const m = ev.data;
    if (m.type === "compile-failed") {
      // The worker is unusable whichever compile it was on; report it for the current one.
      if (m.id === compileId) compilerFailed(this, m.message);
      else if (this === compiler && !disposed) {
        // It failed on older code; the newest request it holds would fail too: resend it.
        this.terminate();
        compiler = newCompiler();
        compile();
      }
      return;
    }
    if (m.timing) perf.noteCompileStamps?.(m.timing);
    if (m.id !== compileId) return; // a newer compile was requested
    noteCompiled(compileSeq);
    const failed = m.result.diagnostics.some((d) => d.severity === "error");
    store.getState().compiled(m.result.diagnostics, m.ms);
    if (failed) {
      good = null;
      runId++;
      return;
    }
    good = m.result;
    run(compileSeq, false);
  }

  function compile(): void {
    const { files } = store.getState();
    // Same files as the build-time compile (same esbuild version): usable until the
    // live compile answers, so scenario edits run at once.
    good = isShipped(files) ? shipped!.compileResult : null;
    compileId++;
    compileSeq = currentEdit();
    store.getState().compileStarted();
    compiler.postMessage({ type: "compile", id: compileId, files, entries: Object.keys(files) });
  }

  /**
   * Replies in arrival order; a big result's graph data is built over several turns
   * before it lands in the store (graph/warm.ts), so its render is not one long task.
   */
  const onReply = inOrder<RunReply>(onReplyNow, (r) => (r.type === "result" && r.id === runId && needsWarming(r.trace) ? warmGraph(r.trace) : null));

  function onReplyNow(r: RunReply): void {
    if (r.id !== runId || disposed) return;
    const s = store.getState();
    if (r.type === "cross-check") {
      // Follows the run's result (same id): the graph is already drawn.
      if (s.run.status === "ok") s.crossCheckArrived(r.crossCheck);
      return;
    }
    if (r.type === "progress") {
      if (s.run.status === "running") s.runProgress(r.done);
      return;
    }
    lastOkKey = r.type === "result" ? pendingKey : null;
    if (r.type === "result") tagTrace(r.trace, runSeq);
    if (r.type === "result" && r.timing) perf.noteTiming?.(runSeq, r.timing);
    if (r.type === "result") s.runSucceeded(r.trace, r.warnings, r.ms, r.hints, r.crossCheckFollows ? "pending" : undefined);
    else if (r.type === "scenario-invalid") s.scenarioInvalid(r.diagnostics);
    else s.runFailed(r.error);
  }

  function ensureSandbox(): Promise<SandboxLike> {
    sandboxP ??= deps.sandbox(onReply).then((sb) => {
      if (disposed) {
        sb.dispose();
        throw new Error("disposed");
      }
      return (sandbox = sb);
    });
    return sandboxP;
  }

  /** `force`: the Run button, which always runs (a timing failure may not repeat). */
  function run(seq = currentEdit(), force = true): void {
    if (!good) return;
    const compileResult = good;
    const key = runKey(compileResult, store.getState().scenario, deps.budgetMs());
    const s = store.getState();
    if (!force && sameRun(lastOkKey, key) && s.trace && s.run.status === "ok") {
      // Same inputs as the trace on screen: nothing to run (a comment edit, or code back
      // to what it was after a typo). The edit is "drawn" at once: the graph shows it.
      runId++; // an older run still in flight is for other inputs
      if (s.stale) s.traceConfirmed();
      tagTrace(s.trace, seq);
      graphCommitted(seq, 0);
      return;
    }
    const id = ++runId;
    runSeq = seq;
    pendingKey = key;
    store.getState().runStarted();
    void ensureSandbox().then((sb) => {
      if (id !== runId || disposed) return;
      sb.run({ type: "run", id, scenarioText: store.getState().scenario, scenarioFile: SCENARIO_FILE, compileResult });
    }, () => {});
  }

  /**
   * Runs a generated world (Cost tab, "scale to N users") with the newest good compile in
   * a sandbox of its own (fresh iframe and engine worker, the same watchdog), so the
   * playground's own runs are not disturbed.
   */
  async function runScaled(scenarioText: string): Promise<Trace> {
    if (!good) throw new Error("the module does not compile yet");
    if (disposed) throw new Error("the playground was closed");
    const compileResult = good;
    let settle: (r: RunReply) => void = () => {};
    const answered = new Promise<RunReply>((resolve) => (settle = resolve));
    const sb = await deps.sandbox((r) => r.type !== "progress" && settle(r));
    sb.run({ type: "run", id: 1, scenarioText, scenarioFile: SCENARIO_FILE, compileResult });
    const r = await answered;
    sb.dispose(); // after its reply was handled (this continuation runs after onReply returned)
    if (r.type === "result") return r.trace;
    if (r.type === "scenario-invalid") throw new Error(r.diagnostics[0]?.message ?? "the generated scenario is invalid");
    if (r.type === "cross-check") throw new Error("a cross-check came before its run's result"); // the frame never sends one first
    if (r.type === "progress") throw new Error("unreachable: progress is not an answer");
    throw new Error(r.error.message);
  }

  /** Draws the build-time run of the default example while the live one is computed. */
  function hydrate(): void {
    const s = store.getState();
    if (s.trace === null && isShipped(s.files, s.scenario)) s.runSucceeded(shipped!.trace, shipped!.warnings, 0, shipped!.hints);
  }

  /**
   * A .py module (needsPython): the sandbox starts now, not after the first graph (there is
   * none before the Python run), and fetches Pyodide and starts its interpreters while the
   * editor loads and the files compile.
   */
  function preloadPython(): void {
    if (disposed || !filesNeedPython(store.getState().files)) return;
    // The fetch first: it need not wait for the sandbox's chunk and iframe.
    deps.prefetchPython?.();
    void ensureSandbox().then((sb) => sb.preloadPython?.(), () => {});
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.files !== prev.files) {
      if (s.trace === null) hydrate();
      preloadPython();
      compile();
    }
    else if (s.scenario !== prev.scenario) run(currentEdit(), false);
  });
  hydrate();
  preloadPython();
  compile();
  // Start the sandbox while the first compile runs, but after the first graph frame:
  // its 200 KB engine chunk is not needed to draw the precomputed run.
  void perf.afterFirstGraph().then(() => (disposed ? undefined : ensureSandbox())).catch(() => {});
  void perf.afterEditorReady?.()
    .then(() => (disposed ? undefined : ensureSandbox()))
    .then((sb) => sb?.editorReady?.())
    .catch(() => {});

  return {
    rerun: () => run(),
    runScaled,
    dispose() {
      disposed = true;
      unsubscribe();
      compiler.terminate();
      sandbox?.dispose();
      sandbox = null;
    },
  };
}
