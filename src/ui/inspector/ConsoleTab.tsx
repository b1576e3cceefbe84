// Console: what module code printed (console.*), tagged with server, module and
// simulated time. Rendered as text only.
import { useMemo } from "react";
import type { LogEvent, Trace } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";
import { VirtualList } from "./VirtualList.tsx";
import { RuleText } from "../glossary/RuleText.tsx";
import { SimTime } from "../time/SimTime.tsx";

const LEVEL_CLASS: Record<LogEvent["level"], string> = {
  debug: "text-slate-500",
  info: "",
  warning: "text-amber-600",
  error: "text-red-600",
};

export function ConsoleTab({ trace }: { trace: Trace }) {
  const lines = useMemo(() => trace.events.filter((e): e is LogEvent => e.type === "log" && !!e.module), [trace]);
  const setTime = usePlayground((s) => s.setTime);
  if (lines.length === 0) return <p className="p-2 text-xs text-slate-500">No module output. console.log in a module prints here.</p>;
  return (
    <VirtualList
      testid="console-list"
      items={lines}
      render={(e) => (
        <div
          onClick={() => setTime(e.at)}
          title={e.message}
          className={`flex cursor-default gap-2 truncate px-2 font-mono text-xs leading-[22px] hover:bg-slate-100 dark:hover:bg-slate-800 ${LEVEL_CLASS[e.level]}`}
        >
          <SimTime ms={e.at} className="w-20 shrink-0 text-right text-slate-500" />
          <span className="shrink-0 text-slate-500">{e.server} · {e.module}</span>
          <span className="truncate"><RuleText text={e.message} /></span>
        </div>
      )}
    />
  );
}
