// The consistency checker next to the code: when the run shows the two router callbacks
// disagreeing (R64, S6, S8, R34), a strip over the editor's bottom edge says so with the first
// concrete example, and "Show all" opens the inspector's Consistency tab.
import { useMemo } from "react";
import { usePlayground } from "./store.ts";
import { checkConsistency } from "../analysis/consistency.ts";
import { showInspectorTab } from "./inspector/Inspector.tsx";

export function ConsistencyStrip() {
  const trace = usePlayground((s) => s.trace);
  const hints = usePlayground((s) => s.roomHints);
  const findings = useMemo(() => (trace ? checkConsistency(trace, hints) : []), [trace, hints]);
  if (!findings.length) return null;
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div
      className={`flex items-start gap-2 border-t px-2 py-1 text-xs shadow ${errors ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"}`}
      data-testid="consistency-strip"
      data-findings={findings.length}
      role="status"
    >
      <span aria-hidden>⚠</span>
      <span className="min-w-0 flex-1">
        <strong>
          get_users_for_states and get_interested_users disagree ({findings.length} {findings.length === 1 ? "finding" : "findings"}):
        </strong>{" "}
        {findings[0].message}
      </span>
      <button type="button" className="shrink-0 underline" onClick={() => showInspectorTab("Consistency")}>
        Show all
      </button>
    </div>
  );
}
