// a → b → value: pairs of user ids without building a key string per lookup (a big trace
// has ~600,000 deliveries). Shared by the routing decisions (decisions.ts) and the graph's
// force-layout input (src/ui/graph/model.ts).
export class PairMap<V> {
  private readonly m = new Map<string, Map<string, V>>();
  get(a: string, b: string): V | undefined {
    return this.m.get(a)?.get(b);
  }
  hasFirst(a: string): boolean {
    return this.m.has(a);
  }
  /** Sets a → b to v unless the pair is there already; true when it was new (one lookup, not a get then a set). */
  add(a: string, b: string, v: V): boolean {
    let inner = this.m.get(a);
    if (!inner) this.m.set(a, (inner = new Map()));
    if (inner.has(b)) return false;
    inner.set(b, v);
    return true;
  }
  getOr(a: string, b: string, make: () => V): V {
    let inner = this.m.get(a);
    if (!inner) this.m.set(a, (inner = new Map()));
    let v = inner.get(b);
    if (v === undefined) inner.set(b, (v = make()));
    return v;
  }
}
