// Router calls looked up by who they are about and where they are in the trace. The
// checks ask "which get_interested_users of this user decides what this update shows?"
// once per (update, viewer, source); scanning every call for each question made the
// Consistency check take ~50 s on a 10,000-user hour. Calls come in trace order
// (combinedRouterCalls, groupCalls), so each key's list is sorted by `event` and a
// binary search answers in log time.

export interface Around<C> {
  /** The last call at or before the event. */
  before: C | null;
  /** The first call after the event. */
  after: C | null;
}

export class CallIndex<C extends { event: number }> {
  private readonly byKey = new Map<string, C[]>();

  constructor(calls: readonly C[], keyOf: (c: C) => string) {
    for (const c of calls) {
      const k = keyOf(c);
      let list = this.byKey.get(k);
      if (!list) this.byKey.set(k, (list = []));
      list.push(c);
    }
  }

  around(key: string, event: number): Around<C> {
    const list = this.byKey.get(key);
    if (!list) return { before: null, after: null };
    // The first index whose call comes after `event`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.event > event) hi = mid;
      else lo = mid + 1;
    }
    return { before: lo > 0 ? list[lo - 1]! : null, after: lo < list.length ? list[lo]! : null };
  }

  /** The call that decides at `event`: the first after it, else the latest before it. */
  deciding(key: string, event: number): C | null {
    const { before, after } = this.around(key, event);
    return after ?? before;
  }
}

/** The index key of a (server, user) pair. */
export const userKey = (server: string, user: string): string => `${server}\t${user}`;
