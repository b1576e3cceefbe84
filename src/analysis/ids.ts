// Matrix ID helpers shared by the analysis and the graph views.

/** Server part of a user id: everything after the first ':' ("@a:hs:8448" → "hs:8448"). */
export function serverOf(userId: string): string {
  const i = userId.indexOf(":");
  return i < 0 ? "" : userId.slice(i + 1);
}

/** True when `userId` belongs to `server`. */
export function isLocal(userId: string, server: string): boolean {
  return serverOf(userId) === server;
}

/** Index of the last element of sorted `xs` with key(x) <= t, or -1. Binary search. */
export function lastAtOrBefore<T>(xs: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
