// Deterministic event queue: a binary heap ordered by (time, class, insertion seq).
// Classes follow scenario-format §5 "Time order": due federation deliveries, then
// due timeout ticks, then steps in file order, then whatever they trigger.

export const enum Klass {
  Federation = 0,
  Tick = 1,
  Step = 2,
  /** Work triggered at the current instant (fan-out follow-ups, re-polls). */
  Triggered = 3,
}

export interface QueueItem {
  time: number;
  klass: Klass;
  seq: number;
  run: () => unknown;
  cancelled: boolean;
}

function before(a: QueueItem, b: QueueItem): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.klass !== b.klass) return a.klass < b.klass;
  return a.seq < b.seq;
}

export class EventQueue {
  private heap: QueueItem[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, klass: Klass, run: () => unknown): QueueItem {
    const item: QueueItem = { time, klass, seq: this.seq++, run, cancelled: false };
    const h = this.heap;
    // Sift up by moving the hole (no swaps: this runs ~800,000 times an hour of 10,000 users).
    let i = h.length;
    h.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!before(item, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
    return item;
  }

  peek(): QueueItem | undefined {
    return this.heap[0];
  }

  pop(): QueueItem | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      // Sift down by moving the hole, then drop `last` into it.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(h[r], h[l]) ? r : l;
        if (!before(h[m], last)) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
