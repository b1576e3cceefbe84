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
