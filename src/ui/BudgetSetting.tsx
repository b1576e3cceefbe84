// The watchdog's budget for one module callback (wall-clock ms), in the Settings menu.
// A valid value reruns with the new limit; an invalid one (0, negative, not a number) is
// refused with the reason under the field, and the previous budget stays in force.
import { useId, useState, useSyncExternalStore } from "react";
import { getBudgetMs, readBudgetInput, setBudgetMs, subscribeBudget } from "../sandbox/budget.ts";

export function BudgetSetting({ onChange }: { onChange?: () => void }) {
  const budget = useSyncExternalStore(subscribeBudget, getBudgetMs);
  // What is typed (null: show the budget) and why it was refused.
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex items-center gap-1" title="How long one module callback may run (wall clock) before the run is stopped">
        <span className="text-slate-500">Callback budget</span>
        <input
          // Text, not number: a number field reports "" for what it cannot parse, and the
          // message must name what was typed.
          type="text"
          inputMode="numeric"
          aria-label="callback budget (ms)"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          data-testid="budget"
          className={`w-20 rounded border bg-transparent px-1 py-0.5 ${error ? "border-red-500" : "border-slate-300 dark:border-slate-600"}`}
          value={text ?? String(budget)}
          // Back to the budget in force; the message (if any) stays until a valid entry.
          onBlur={() => setText(null)}
          onChange={(e) => {
            const typed = e.currentTarget.value;
            setText(typed);
            const r = readBudgetInput(typed);
            if ("error" in r) {
              setError(`${r.error} The budget stays ${getBudgetMs()} ms.`);
              return;
            }
            setError(null);
            if (r.ms === getBudgetMs()) return;
            setBudgetMs(r.ms);
            onChange?.();
          }}
        />
        <span className="text-slate-500">ms</span>
      </label>
      {error && (
        <p id={errorId} className="max-w-64 text-xs text-red-600 dark:text-red-400" data-testid="budget-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
