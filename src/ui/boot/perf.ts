// Readiness and latency stamps read by the browser benchmark (bench/browser.ts) and
// handy in DevTools' Performance panel. Nothing here changes behaviour.
//
//   performance.mark('graph-drawn')    first frame of the delivery graph with nodes
//   performance.mark('editor-ready')   Monaco created and showing the active model
//   performance.mark('first-compile')  first reply of the live compile worker
//   performance.mark('first-run')      first live run result in the store
//
// Each also sets data-perf-<name>="<ms>" on <html>. Edit latency: every editor change
// gets a sequence number (noteEdit); the runner carries it through compile and run,
// tags the resulting trace (tagTrace), and the graph stamps the frame that first draws
// a trace carrying it (graphCommitted). `window.__perf.edits` holds the records.

export interface EditRecord {
  seq: number;
  /** performance.now() at the editor's change event. */
  edit: number;
  compiled?: number;
  ran?: number;
  drawn?: number;
  /** Wall-clock stages of the run that answered it (protocol.ts RunTiming; Python runs). */
  timing?: Record<string, number>;
}

const edits: EditRecord[] = [];
/** The stages of every run that reported them, edit or not (an example opened). */
const runs: Array<{ seq: number; timing: Record<string, number> }> = [];
let seq = 0;
const traceSeq = new WeakMap<object, number>();

declare global {
  interface Window {
    __perf?: { edits: EditRecord[]; runs: Array<{ seq: number; timing: Record<string, number> }>; marks(): Record<string, number> };
  }
}

if (typeof window !== "undefined") {
  Object.defineProperty(window, "__perf", {
    configurable: true,
    value: {
      edits,
      runs,
      marks: () => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
    },
  });
}

/** Stamps a readiness mark once (later calls are ignored). */
export function markOnce(name: string): void {
  if (typeof performance === "undefined" || performance.getEntriesByName(name, "mark").length) return;
  const m = performance.mark(name);
  document.documentElement.setAttribute(`data-perf-${name}`, m.startTime.toFixed(1));
  if (name === "editor-ready") editorReady();
}

let editorReady: () => void = () => {};
const editorReadyP = new Promise<void>((ok) => (editorReady = ok));

/**
 * Resolves once the editor is usable (Monaco created and showing the file), or after
 * `fallbackMs` (a page with no editor: the embed's graph mode).
 */
export function afterEditorReady(fallbackMs = 15_000): Promise<void> {
  return withFallback(editorReadyP, fallbackMs);
}

/** `p`, or the end of `ms`, whichever comes first. */
function withFallback(p: Promise<void>, ms: number): Promise<void> {
  return Promise.race([p, new Promise<void>((ok) => setTimeout(ok, ms))]);
}

let graphDrawn: () => void = () => {};
const graphDrawnP = new Promise<void>((ok) => (graphDrawn = ok));

/**
 * Resolves once the first graph is on screen (or after `fallbackMs`, for when there is
 * no precomputed run to draw). Heavy lazy loads (Monaco: ~2.7 MB of JS to parse on the
 * main thread) wait for it so they never delay the first graph.
 */
export function afterFirstGraph(fallbackMs = 1500): Promise<void> {
  return withFallback(graphDrawnP, fallbackMs);
}

/** The first graph frame, with no fallback (editor/monacoStart.ts adds its own). */
export function firstGraphDrawn(): Promise<void> {
  return graphDrawnP;
}

let firstRun: () => void = () => {};
const firstRunP = new Promise<void>((ok) => (firstRun = ok));

/**
 * Resolves once the first live run's result is in the store (or after `fallbackMs`): the
 * editor, the compiler and the engine have started by then, so background loads that
 * wait for it (src/ui/lazy.ts preloadLazies) do not compete with them.
 */
export function afterFirstRun(fallbackMs = 15_000): Promise<void> {
  return withFallback(firstRunP, fallbackMs);
}

/** The first live run's trace in the store, with no fallback. */
export function firstTraceIn(): Promise<void> {
  return firstRunP;
}

/** An editor change: returns its sequence number. */
export function noteEdit(): number {
  seq++;
  edits.push({ seq, edit: performance.now() });
  return seq;
}

/** The newest edit's sequence number (0: none yet). */
export function currentEdit(): number {
  return seq;
}

function record(s: number): EditRecord | undefined {
  // Records are appended in order, so the newest ones are at the end.
  for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.seq === s) return edits[i];
  return undefined;
}

export function noteCompiled(s: number): void {
  markOnce("first-compile");
  const r = record(s);
  if (r && r.compiled === undefined) r.compiled = performance.now();
}

export function tagTrace(trace: object, s: number): void {
  markOnce("first-run");
  firstRun();
  traceSeq.set(trace, s);
  const r = record(s);
  if (r && r.ran === undefined) r.ran = performance.now();
}

/** The wall-clock stages a run reported (bench only). */
export function noteTiming(s: number, timing: Record<string, number>): void {
  runs.push({ seq: s, timing });
  const r = record(s);
  if (r && r.timing === undefined) r.timing = timing;
}

/**
 * The compile worker's stamps (epoch ms on its clock: `worker_start_at`, `esbuild_load_at`,
 * `esbuild_compiled_at`, `esbuild_ready_at`) as marks on this page's clock, named
 * `compile-worker-start`, `esbuild-load`, … (bench only).
 */
export function noteCompileStamps(stamps: Record<string, number>): void {
  if (typeof performance === "undefined") return;
  for (const [k, at] of Object.entries(stamps)) {
    const name = k.replace(/_at$/, "").replace("worker_start", "compile-worker-start").replace(/_/g, "-");
    if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name, { startTime: at - performance.timeOrigin });
  }
}

export function seqOf(trace: object | null): number {
  return trace ? (traceSeq.get(trace) ?? 0) : 0;
}

/** The graph drew a frame showing the trace of edit `s` (and every edit before it). */
export function graphCommitted(s: number, nodes: number): void {
  if (nodes > 0) {
    markOnce("graph-drawn");
    graphDrawn();
  }
  if (s <= 0) return;
  const now = performance.now();
  for (let i = edits.length - 1; i >= 0; i--) {
    const r = edits[i]!;
    if (r.seq > s) continue;
    if (r.drawn !== undefined) break;
    r.drawn = now;
  }
}
