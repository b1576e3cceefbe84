// R25: Synapse 1.157.1's WheelTimer (synapse/util/wheel_timer.py). Entries are grouped
// into 5 s buckets forming one contiguous run of keys: bucket k holds deadlines d with
// trunc(d / 5000) + 1 = k, and is returned by the first fetch at a time t with
// trunc(t / 5000) >= k, i.e. strictly after its deadline's bucket. A deadline in the
// past joins the earliest pending bucket (or, with no buckets, the next one).
// New buckets start right after the last one (the duplicate-key bucket of older
// Synapse releases, fixed upstream in #17850, is gone).
import { TICK } from "./config.ts";

interface Bucket {
  key: number;
  users: Set<string>;
}

export class WheelTimer {
  private entries: Bucket[] = [];
  private head = 0;

  /** Pending buckets' keys, earliest first (for tests). */
  keys(): number[] {
    return this.entries.slice(this.head).map((b) => b.key);
  }

  insert(now: number, user: string, then: number): void {
    let thenKey = Math.trunc(then / TICK) + 1;
    const nowKey = Math.trunc(now / TICK);
    const n = this.entries.length - this.head;
    if (n > 0) {
      const minKey = this.entries[this.head].key;
      const maxKey = this.entries[this.entries.length - 1].key;
      if (thenKey <= maxKey) {
        // max(): a deadline in the past goes into the earliest pending bucket.
        this.entries[this.head + Math.max(minKey, thenKey) - minKey].users.add(user);
        return;
      }
    }
    const firstNew = n > 0 ? this.entries[this.entries.length - 1].key + 1 : nowKey + 1;
    thenKey = Math.max(firstNew, thenKey); // a past deadline into an empty wheel
    for (let k = firstNew; k <= thenKey; k++) this.entries.push({ key: k, users: new Set() });
    this.entries[this.entries.length - 1].users.add(user);
  }

  /** Removes and returns the users of every bucket with key ≤ trunc(now / 5000), each once. */
  fetch(now: number): string[] {
    const nowKey = Math.trunc(now / TICK);
    const out = new Set<string>();
    while (this.head < this.entries.length && this.entries[this.head].key <= nowKey) {
      for (const u of this.entries[this.head].users) out.add(u);
      this.head++;
    }
    if (this.head > 1024) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return [...out];
  }
}
