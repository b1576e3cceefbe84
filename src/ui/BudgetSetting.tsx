// The watchdog's budget for one module callback (wall-clock ms), a small header setting.
// Changing it reruns with the new limit.
import { useState, useSyncExternalStore } from "react";
import { getBudgetMs, MAX_BUDGET_MS, MIN_BUDGET_MS, setBudgetMs, subscribeBudget } from "../sandbox/budget.ts";

export function BudgetSetting({ onChange }: { onChange?: () => void }) {
  const budget = useSyncExternalStore(subscribeBudget, getBudgetMs);
  // What is typed; applied when it is a number within the limits.
  const [text, setText] = useState<string | null>(null);
  return (
    <label className="flex items-center gap-1 text-sm" title="How long one module callback may run (wall clock) before the run is stopped">
      <span className="text-slate-500">Callback budget</span>
      <input
        type="number"
        aria-label="callback budget (ms)"
        data-testid="budget"
        className="w-20 rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
        min={MIN_BUDGET_MS}
        max={MAX_BUDGET_MS}
        step={100}
        value={text ?? String(budget)}
        onBlur={() => setText(null)}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          setText(e.currentTarget.value);
          if (!Number.isFinite(v) || v < MIN_BUDGET_MS || v > MAX_BUDGET_MS || v === getBudgetMs()) return;
          setBudgetMs(v);
          onChange?.();
        }}
      />
      <span className="text-slate-500">ms</span>
    </label>
  );
}
