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
  getOr(a: string, b: string, make: () => V): V {
    let inner = this.m.get(a);
    if (!inner) this.m.set(a, (inner = new Map()));
    let v = inner.get(b);
    if (v === undefined) inner.set(b, (v = make()));
    return v;
  }
}
