// When the editor starts loading Monaco (~2.7 MB of JavaScript evaluated on the main
// thread: 1–1.5 s on these 2-core machines). Never before the first graph frame when a
// run is there to draw (the default example's shipped run draws at once), else after
// 1.5 s. Two kinds of workspace wait for their live graph instead:
// - Python modules: Pyodide's restore and the run share the two cores with Monaco's
//   evaluation, which made the Python example's graph ≈ 0.6 s later (docs/performance.md,
//   "Python modules");
// - a big world (a scenario of more than BIG_SCENARIO_CHARS, the 10,000-user example):
//   its run takes tens of seconds, and Monaco's evaluation and the model of its megabyte of
//   YAML were the page's long tasks while it ran (issue 14 item 4).
// A first run that draws nothing starts it too (a compile error, a failed run: the editor
// is needed to fix it), as does a first trace with no graph on screen after a short grace,
// and a fallback timer in any case.
import { filesNeedPython } from "../../python/assets.ts";
import { BIG_SCENARIO_CHARS } from "../../worker/protocol.ts";

/** Whether a workspace keeps Monaco waiting for its live graph (see above). */
export function waitsForLiveGraph(w: { files: Readonly<Record<string, string>>; scenario: string }): boolean {
  return filesNeedPython(w.files) || w.scenario.length > BIG_SCENARIO_CHARS;
}

export interface MonacoStartSignals {
  /** Resolves when the first graph frame is drawn (boot/perf.ts). */
  firstGraph: Promise<void>;
  /** Resolves when the first live run's trace is in the store. */
  firstTrace: Promise<void>;
  /** Calls back once the first compile or run has failed; returns an unsubscribe. */
  onFailure(cb: () => void): () => void;
  sleep(ms: number): Promise<void>;
}

/** Without a live graph to wait for: how long the first graph may keep Monaco waiting. */
export const MONACO_FIRST_GRAPH_WAIT_MS = 1500;
/** Waiting for a live graph: how long a trace may wait for its graph, and anything at all. */
export const MONACO_GRACE_MS = 500;
// Long enough for a big world's run (the run itself is stopped at 120 s, a failure that
// starts Monaco): this only covers a page where neither a result nor a failure comes.
export const MONACO_FALLBACK_MS = 60_000;

/**
 * Resolves when Monaco should start loading; `cancel` drops the failure subscription.
 * `waitForLiveGraph` is asked when the first graph has not come within 1.5 s (the
 * workspace is opened after the editor mounts, so it cannot be asked earlier).
 */
export function monacoStart(s: MonacoStartSignals, waitForLiveGraph: () => boolean): { ready: Promise<void>; cancel(): void } {
  let unsubscribe: () => void = () => {};
  const failed = new Promise<void>((ok) => {
    unsubscribe = s.onFailure(ok);
  });
  const live = Promise.race([
    s.firstGraph,
    s.firstTrace.then(() => Promise.race([s.firstGraph, s.sleep(MONACO_GRACE_MS)])),
    failed,
    s.sleep(MONACO_FALLBACK_MS),
  ]);
  const ready = Promise.race([
    s.firstGraph,
    s.sleep(MONACO_FIRST_GRAPH_WAIT_MS).then(() => (waitForLiveGraph() ? live : undefined)),
  ]).finally(() => unsubscribe());
  return { ready, cancel: () => unsubscribe() };
}
