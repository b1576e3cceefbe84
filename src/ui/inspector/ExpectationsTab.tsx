// Expectations (scenario `expect:`): pass/fail live with the reason of each failure;
// "jump" selects the deciding event (timeline time + user), the path reveals the item
// in scenario.yaml.
import type { Trace } from "../../trace/types.ts";
import { ExpectationsList } from "./ExpectationsList.tsx";

export function ExpectationsTab({ trace }: { trace: Trace }) {
  if (trace.expectations.length === 0) return <p className="p-2 text-xs text-slate-500">This scenario has no expectations (`expect:`).</p>;
  const failed = trace.expectations.filter((x) => !x.ok).length;
  return (
    <div className="flex h-full flex-col">
      <p className="shrink-0 border-b border-slate-200 px-2 py-1 text-xs text-slate-500 dark:border-slate-700" data-testid="expectations-summary">
        {failed === 0 ? `all ${trace.expectations.length} expectations hold` : `${failed} of ${trace.expectations.length} expectations fail`}
      </p>
      <div className="min-h-0 flex-1">
        <ExpectationsList trace={trace} />
      </div>
    </div>
  );
}
