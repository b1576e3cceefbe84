// Expectations (scenario `expect:`): pass/fail with detail; a click selects the
// deciding event's time.
import type { Trace } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";

export function ExpectationsTab({ trace }: { trace: Trace }) {
  const setTime = usePlayground((s) => s.setTime);
  if (trace.expectations.length === 0) return <p className="p-2 text-xs text-slate-500">This scenario has no expectations (`expect:`).</p>;
  return (
    <ul className="h-full overflow-auto text-xs" data-testid="expectations">
      {trace.expectations.map((x, i) => (
        <li
          key={i}
          data-ok={x.ok}
          className="flex cursor-default gap-2 border-b border-slate-100 px-2 py-1 dark:border-slate-800"
          onClick={() => x.event !== undefined && trace.events[x.event] && setTime(trace.events[x.event]!.at)}
        >
          <span className={x.ok ? "text-emerald-600" : "text-red-600"}>{x.ok ? "✓ pass" : "✗ fail"}</span>
          <span className="font-semibold">{x.name}</span>
          <span className="text-slate-500">{x.detail}</span>
        </li>
      ))}
    </ul>
  );
}
