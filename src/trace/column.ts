// A growable typed column (src/trace/columns.ts and nestedRows.ts store the trace in them),
// and the marker both use for a missing string.

/** No string here (a null status_msg, label, since, for_user; a `{}` sync response). */
export const NO_STRING = 0xffffffff;

/** A growable typed column (doubling). `view()` is the filled part, no copy. */
export class Column<A extends Float64Array | Uint32Array | Uint8Array> {
  data: A;
  length = 0;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2)); // an adopted array may be empty
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
  /** A copy of the filled part in a buffer of its own (to transfer). */
  copy(): A {
    return this.data.slice(0, this.length) as A;
  }
  adopt(a: A): void {
    this.data = a;
    this.length = a.length;
  }
}
export const f64 = () => new Column((n) => new Float64Array(n));
export const u32 = () => new Column((n) => new Uint32Array(n));
export const u8 = () => new Column((n) => new Uint8Array(n));
