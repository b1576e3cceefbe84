// Materialising a columnar trace in steps. The 10,000-user world's 200,001 events and
// 585,917 deliveries took one task of ~0.5 s as the result arrived; built in slices with
// a turn of the event loop between them, the page keeps answering input meanwhile.
import { columnsOf } from "./columns.ts";
import type { Delivery, TraceEvent } from "./types.ts";

/** Rows materialised between two looks at the clock. */
export const ROWS_PER_LOOK = 2048;

type Lazy = { events: TraceEvent[]; deliveries: Delivery[] };

/**
 * Makes `trace.events` and `trace.deliveries` plain arrays when they are still lazy views
 * of columns (attachColumns), yielding with `turn()` whenever `sliceMs` has passed since
 * the last turn. Same arrays as reading them at once; a trace without columns is left as is.
 */
export async function materialiseInSteps(trace: Lazy, turn: () => Promise<void> = nextTurn, sliceMs = 25, now: () => number = () => performance.now()): Promise<void> {
  const cols = columnsOf(trace);
  if (!cols) return;
  let since = now();
  const breathe = async () => {
    if (now() - since < sliceMs) return;
    await turn();
    since = now();
  };
  /** Rows [0, n) appended `ROWS_PER_LOOK` at a time, with a turn whenever a slice is up. */
  const inSlices = async <T>(n: number, into: (out: T[], from: number, to: number) => T[]): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < n; i += ROWS_PER_LOOK) {
      into(out, i, Math.min(n, i + ROWS_PER_LOOK));
      await breathe();
    }
    return out;
  };
  const events = await inSlices<TraceEvent>(cols.length, (out, from, to) => cols.eventsInto(out, from, to));
  const deliveries = await inSlices<Delivery>(cols.deliveryCount, (out, from, to) => cols.deliveriesInto(out, from, to));
  trace.events = events;
  trace.deliveries = deliveries;
}

/** What a page or worker may offer to yield with (a parameter, so each branch can be tested in Node). */
export interface YieldHost {
  scheduler?: { yield?: () => Promise<void> };
  MessageChannel?: typeof MessageChannel;
  setTimeout?: (f: () => void, ms: number) => unknown;
}

/**
 * One turn of the event loop for `g`: input and rendering may run before the promise
 * settles. `scheduler.yield` where there is one (Chromium); else a message to a private
 * channel (Firefox and Safari: a nested `setTimeout(0)` is clamped to 4 ms, which a
 * hundred slices would add up); `setTimeout` as the last resort. Not the engine's
 * pickTurn (src/engine/macrotask.ts): that one only lets microtasks drain (setImmediate
 * first, one channel kept open for the worker's life); this one must let the page
 * render and take input, and leaves no port open.
 */
export function turnFor(g: YieldHost): () => Promise<void> {
  const s = g.scheduler;
  if (typeof s?.yield === "function") {
    const y = s.yield;
    return () => y.call(s);
  }
  const Channel = g.MessageChannel;
  if (typeof Channel === "function") {
    // A channel per turn, closed once its message has arrived: no port is left open (in
    // Node an open port would keep the process alive), and a turn is every 25 ms at most.
    return () =>
      new Promise((resolve) => {
        const { port1, port2 } = new Channel();
        port1.onmessage = () => {
          port1.close();
          port2.close();
          resolve();
        };
        port2.postMessage(null);
      });
  }
  const timeout = g.setTimeout;
  if (typeof timeout === "function") return () => new Promise((resolve) => void timeout(resolve, 0));
  return () => Promise.resolve();
}

/** One turn of this page's event loop: turnFor(globalThis), looked up at each call. */
export function nextTurn(): Promise<void> {
  return turnFor(globalThis as YieldHost)();
}
