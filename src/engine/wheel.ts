// R25: Synapse's WheelTimer. Entries are grouped into 5 s buckets forming one
// contiguous run of keys; a deadline in the past joins the earliest pending bucket.
import { TICK } from "./config.ts";

interface Bucket {
  key: number;
  users: Set<string>;
}

export class WheelTimer {
  private entries: Bucket[] = [];
  private head = 0;

  insert(now: number, user: string, then: number): void {
    const thenKey = Math.floor(then / TICK) + 1;
    const nowKey = Math.floor(now / TICK);
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
    const lastKey = n > 0 ? this.entries[this.entries.length - 1].key : nowKey + 1;
    const target = Math.max(lastKey, thenKey);
    // Synapse extends with range(last_key, then_key + 1): when entries exist, this
    // appends a second bucket with key last_key, so later positional inserts land one
    // bucket early. Reproduced on purpose (fetch is by key, so nothing is lost).
    for (let k = lastKey; k <= target; k++) this.entries.push({ key: k, users: new Set() });
    this.entries[this.entries.length - 1].users.add(user);
  }

  /** Removes and returns the users of every bucket with key ≤ floor(now / 5000), each once. */
  fetch(now: number): string[] {
    const nowKey = Math.floor(now / TICK);
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
