// The watchdog's feed inside the engine worker (browser) or the runner's worker (Node):
// a ModuleHost whose `enter` posts one "enter" message when the engine enters module
// code, and reports the span's end when it is back (contracts.ts ModuleHost.enter). Only
// the engine calls `enter`; a module calling its own methods or callbacks posts nothing,
// so module code can neither fake progress nor flood the channel. The watchdog
// (iframe-runtime.ts, src/cli/contain.ts) times each open span against the callback
// budget on its own clock.
//
// Ends are batched, starts never are. An "enter" must be on its way before module code
// runs (code that never returns can post nothing after), but a span that has ended can
// wait for the next message: ends ride on the next "enter" (`closed`), or go as one
// "exit" when the engine is between two pieces of work (`quiet`, world.ts), before a
// result (`flush`), or on the next macrotask (`defer`). A watchdog that hears of an end
// late only believes the span open a little longer, never shorter. This halves the
// messages (the frame's per-message cost was most of a 1,000-user run's transfer).
import type { ModuleHost } from "../engine/contracts.ts";
import type { SpanMark } from "../worker/protocol.ts";

export interface SpanFeed {
  /** `inner` with `enter` (and `quiet`) reporting to this feed; one seq counter for all of them. */
  watch(inner: ModuleHost): ModuleHost;
  /** Reports the ended spans not yet reported: call before posting a result. */
  flush(): void;
}

export interface SpanFeedOptions {
  /**
   * Runs a function END_REPORT_MS later (a timer captured before any module code runs, so
   * module code cannot replace it). Without it, ends wait for the next enter, quiet or flush.
   */
  defer?: (fn: () => void) => void;
  /** Wall clock, ms (captured likewise); quiet() reports ends at least this old. */
  now?: () => number;
}

/** Ends are reported at most this late while the engine works (the frame checks every 50 ms). */
export const END_REPORT_MS = 20;

const wallNow = performance.now.bind(performance);

export function spanFeed(post: (m: SpanMark) => void, opts: SpanFeedOptions = {}): SpanFeed {
  const { defer, now = wallNow } = opts;
  let seq = 0;
  let ended: number[] = [];
  let endedSince = 0;
  let scheduled = false;
  const flush = () => {
    if (ended.length === 0) return;
    const seqs = ended;
    ended = [];
    post({ type: "exit", seqs });
  };
  const enter = (module: string, what: string, at: number) => {
    const id = ++seq;
    if (ended.length) {
      const closed = ended;
      ended = [];
      post({ type: "enter", seq: id, module, what, at, closed });
    } else {
      post({ type: "enter", seq: id, module, what, at });
    }
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      if (ended.length === 0) endedSince = now();
      ended.push(id);
      if (defer && !scheduled) {
        scheduled = true;
        defer(() => {
          scheduled = false;
          flush();
        });
      }
    };
  };
  // The engine between two pieces of work (world.ts): ends older than END_REPORT_MS go now.
  const quiet = () => {
    if (ended.length && now() - endedSince >= END_REPORT_MS) flush();
  };
  return {
    flush,
    watch: (inner) => ({
      load: (file, env) => inner.load(file, env),
      locate: (err) => inner.locate(err),
      enter,
      quiet,
    }),
  };
}

/** One host on a feed of its own (a run with nothing else to report). */
export function watchedHost(inner: ModuleHost, post: (m: SpanMark) => void, opts?: SpanFeedOptions): ModuleHost {
  return spanFeed(post, opts).watch(inner);
}
