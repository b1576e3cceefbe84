// The wall-clock budget for one module callback (the watchdog's limit), a small setting
// in the header. Kept in memory: a link cannot change it.
export const DEFAULT_BUDGET_MS = 1000;
export const MIN_BUDGET_MS = 100;
export const MAX_BUDGET_MS = 30000;

let budget = DEFAULT_BUDGET_MS;
const listeners = new Set<() => void>();

export function getBudgetMs(): number {
  return budget;
}

export function setBudgetMs(ms: number): void {
  const v = Math.round(Math.min(MAX_BUDGET_MS, Math.max(MIN_BUDGET_MS, Number.isFinite(ms) ? ms : DEFAULT_BUDGET_MS)));
  if (v === budget) return;
  budget = v;
  for (const l of listeners) l();
}

export function subscribeBudget(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * What the budget field accepts: a whole number of ms within the limits. Anything else
 * (0, negative, empty, not a number, a fraction) is refused with the reason, and the
 * budget keeps its value.
 */
export function readBudgetInput(text: string): { ms: number } | { error: string } {
  const t = text.trim();
  const range = `between ${MIN_BUDGET_MS} and ${MAX_BUDGET_MS} ms`;
  if (t === "") return { error: `Enter the budget in ms, ${range}.` };
  const v = Number(t);
  if (!/^[+-]?\d+(\.\d+)?$/.test(t) || !Number.isFinite(v)) return { error: `"${t}" is not a number of ms; use a whole number ${range}.` };
  if (!Number.isInteger(v)) return { error: `Use a whole number of ms ${range}.` };
  if (v < MIN_BUDGET_MS) return { error: `${v} ms is too short: a callback needs at least ${MIN_BUDGET_MS} ms (at most ${MAX_BUDGET_MS}).` };
  if (v > MAX_BUDGET_MS) return { error: `${v} ms is too long: at most ${MAX_BUDGET_MS} ms (at least ${MIN_BUDGET_MS}).` };
  return { ms: v };
}
