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
  const events: TraceEvent[] = [];
  for (let i = 0; i < cols.length; i += ROWS_PER_LOOK) {
    cols.eventsInto(events, i, Math.min(cols.length, i + ROWS_PER_LOOK));
    await breathe();
  }
  const deliveries: Delivery[] = [];
  for (let i = 0; i < cols.deliveryCount; i += ROWS_PER_LOOK) {
    cols.deliveriesInto(deliveries, i, Math.min(cols.deliveryCount, i + ROWS_PER_LOOK));
    await breathe();
  }
  trace.events = events;
  trace.deliveries = deliveries;
}

/** One turn of the event loop: input and rendering may run before the promise settles. */
export function nextTurn(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === "function") return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
