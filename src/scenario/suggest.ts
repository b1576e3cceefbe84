// "Did you mean …?" suggestions for typos in keys, user ids, labels and names.

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
 * With `max`, gives up early and returns max + 1 once the distance must exceed it (keeps
 * suggestions cheap over thousands of user ids).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = new Array<number>(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) if (cur[j] < rowMin) rowMin = cur[j];
    if (rowMin > max + 1) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

/**
 * The closest candidate to `word`, if close enough to be a plausible typo: distance at
 * most max(1, ⌊length/3⌋) (case-insensitive), or a case-only difference. Ties keep the
 * candidates' order, so results are deterministic.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    // Long strings are not compared in full (cost); a typo keeps the length close.
    if (Math.abs(c.length - word.length) > 3 || c.length > 300 || word.length > 300) continue;
    const d = editDistance(w, c.toLowerCase(), Math.min(bestD, Math.floor((word.length + 3) / 3) + 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** "; did you mean X?" or "" — ready to append to a message. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : `; did you mean ${c}?`;
}
