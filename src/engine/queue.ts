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
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
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
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
