// The watchdog's shared-memory feed (docs/security.md, layer 6), used when the sandbox
// frame is cross-origin isolated: the frame creates a SharedArrayBuffer per engine worker
// and hands it over with the worker's first message; the engine writes its own entries
// into module code and its exits straight into it (`sharedSpans`, in the worker), and the
// frame's 25 ms watchdog tick reads it (`sharedSpanWatch`, in the frame). No message per
// span: the message feed (spans.ts) posted two per entry, ~5,300 for a 1,000-user run.
//
// What is shared (Int32 slots, then two Float64s):
//   ENTERED       the seq of the newest span entered (seqs count up from 1)
//   OLDEST        the seq of the oldest span still open (0: none; BUSY while rewritten)
//   OLDEST_LABEL  its label index, OLDEST_AT its simulated time (ms)
//   LAST          the seq of the newest span entered (BUSY while rewritten), LAST_LABEL, LAST_AT
// A label is (module, callback); each new one is posted once as a "label" message (a run
// has a handful), so the buffer holds only numbers.
//
// The frame times a span on its own clock from the first tick at which ENTERED had
// reached its seq: a span entered by then and still open now was open all along. So the
// clock of the second-oldest span runs while the oldest is open too, and the oldest's end
// (which module code can bring about) never restarts anybody's clock. Exits are written
// at once, so a finished span is never taken for an open one (the reason batched exit
// messages were reverted: docs/fresh-realm-cost.md).
//
// Module code shares the engine worker's realm. The buffer and the views live only in
// this closure (never on a global), and every operation the writer performs is a plain
// typed-array element write, a captured `Atomics.store`, a closure variable or an own
// property of an object it made: nothing a module can patch later (Map, Array and Object
// prototypes, `Atomics`) is consulted. The writer is made before any module code runs.
import type { EnterSpan } from "./spans.ts";

/** The buffer's layout; `sharedSpanWatch` (serialised into sandbox.html) repeats these numbers. */
export const SPAN_FEED = { ENTERED: 0, OLDEST: 1, OLDEST_LABEL: 2, LAST: 3, LAST_LABEL: 4, INTS: 8, OLDEST_AT: 0, LAST_AT: 1, BYTES: 48, BUSY: -1 } as const;

/** Distinct labels a run may name; more (there are a handful) share index 0, "module code". */
export const MAX_SPAN_LABELS = 1000;

/** A label, posted once per new (module, callback) pair. */
export interface SpanLabel {
  type: "span-label";
  index: number;
  module: string;
  what: string;
}

type Node = { id: number; label: number; at: number; prev: Node | null; next: Node | null };

/** The engine's side: an `enter` for hostWithSpans (spans.ts) that writes into `buffer`. */
export function sharedSpans(buffer: SharedArrayBuffer, postLabel: (l: SpanLabel) => void): EnterSpan {
  const F = SPAN_FEED;
  const ints = new Int32Array(buffer, 0, F.INTS);
  const at64 = new Float64Array(buffer, F.INTS * 4, 2);
  const store = Atomics.store; // a release store: the frame sees a record's fields before its seq
  const labels: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
  let labelCount = 0;
  let seq = 0;
  // Open spans, oldest first (a linked list: no Array or Map method a module could patch).
  let head: Node | null = null;
  let tail: Node | null = null;

  const labelOf = (module: string, what: string): number => {
    const key = module + "\n" + what;
    const known = labels[key];
    if (known !== undefined) return known;
    if (labelCount >= MAX_SPAN_LABELS) return 0;
    const index = ++labelCount;
    labels[key] = index;
    postLabel({ type: "span-label", index, module, what });
    return index;
  };

  /** A reader that sees OLDEST == BUSY, or a different seq after reading the fields, reads again. */
  const publishOldest = (n: Node | null): void => {
    store(ints, F.OLDEST, F.BUSY);
    if (!n) {
      store(ints, F.OLDEST, 0);
      return;
    }
    ints[F.OLDEST_LABEL] = n.label;
    at64[F.OLDEST_AT] = n.at;
    store(ints, F.OLDEST, n.id);
  };

  return (module, what, at) => {
    const id = ++seq;
    const label = labelOf(module, what);
    store(ints, F.LAST, F.BUSY);
    ints[F.LAST_LABEL] = label;
    at64[F.LAST_AT] = at;
    store(ints, F.LAST, id);
    store(ints, F.ENTERED, id);
    const n: Node = { id, label, at, prev: tail, next: null };
    if (tail) tail.next = n;
    else {
      head = n;
      publishOldest(n);
    }
    tail = n;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      if (n.next) n.next.prev = n.prev;
      else tail = n.prev;
      if (n.prev) n.prev.next = n.next;
      else {
        head = n.next;
        publishOldest(head);
      }
    };
  };
}

/** What the frame knows about a span from the buffer (the label resolved from the label messages). */
export interface SharedSpan {
  label: number;
  /** Simulated time, ms. */
  at: number;
}

export interface SpanWatch {
  buffer: SharedArrayBuffer;
  /**
   * At a watchdog tick: the oldest open span, with `since` = the frame's time from which
   * it is known to have been open; null when none is open; undefined when the engine
   * was rewriting it at this instant (read again at the next tick).
   */
  oldest(now: number): (SharedSpan & { since: number }) | null | undefined;
  /** At a watchdog tick: the oldest open span if it has been open longer than `budget` ms (strictly), else null. */
  stuck(now: number, budget: number): (SharedSpan & { since: number }) | null;
  /** The newest span entered (for "entered last" and crash messages), or null. */
  last(): SharedSpan | null;
  /** Whether a span is open now. */
  open(): boolean;
}

/**
 * The frame's side: makes the buffer and reads it. Self-contained (no imports, no outer
 * bindings): iframe-runtime.ts serialises it into sandbox.html with Function#toString.
 */
export function sharedSpanWatch(): SpanWatch {
  // SPAN_FEED's numbers (tests/sandbox/sharedSpans.test.ts runs this against the writer).
  const ENTERED = 0, OLDEST = 1, OLDEST_LABEL = 2, LAST = 3, LAST_LABEL = 4, INTS = 8, OLDEST_AT = 0, LAST_AT = 1, BUSY = -1;
  const buffer = new SharedArrayBuffer(INTS * 4 + 16);
  const ints = new Int32Array(buffer, 0, INTS);
  const at64 = new Float64Array(buffer, INTS * 4, 2);
  // Checkpoints, oldest first: at frame time times[i], every span up to seq upTo[i] had
  // been entered. Both only grow; entries below the oldest open span are dropped.
  let times: number[] = [];
  let upTo: number[] = [];
  let seen = 0;

  const read = (slot: number, labelSlot: number, atSlot: number): { id: number; label: number; at: number } | null | undefined => {
    for (let tries = 0; tries < 4; tries++) {
      const id = Atomics.load(ints, slot);
      if (id === 0) return null;
      if (id === BUSY) continue;
      const label = Atomics.load(ints, labelSlot);
      const at = at64[atSlot] ?? 0;
      if (Atomics.load(ints, slot) === id) return { id, label, at };
    }
    return undefined;
  };

  const oldest = (now: number): (SharedSpan & { since: number }) | null | undefined => {
    const entered = Atomics.load(ints, ENTERED);
    if (entered > seen) {
      times.push(now);
      upTo.push(entered);
      seen = entered;
    }
    const o = read(OLDEST, OLDEST_LABEL, OLDEST_AT);
    if (o === null) {
      times = [];
      upTo = [];
      return null;
    }
    if (o === undefined) return undefined;
    let i = 0;
    while (i < upTo.length && (upTo[i] ?? 0) < o.id) i++;
    if (i > 0) {
      times = times.slice(i);
      upTo = upTo.slice(i);
    }
    if (upTo.length === 0) {
      // Entered after this tick read ENTERED: open from now.
      times.push(now);
      upTo.push(o.id);
      if (o.id > seen) seen = o.id;
    }
    return { label: o.label, at: o.at, since: times[0] ?? now };
  };

  return {
    buffer,
    oldest,
    stuck(now, budget) {
      const o = oldest(now);
      return o && now - o.since > budget ? o : null;
    },
    last() {
      return read(LAST, LAST_LABEL, LAST_AT) ?? null;
    },
    open() {
      return Atomics.load(ints, OLDEST) !== 0;
    },
  };
}
