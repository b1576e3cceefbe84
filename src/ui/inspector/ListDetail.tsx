// A list of events on the left and the selected one as pretty JSON on the right.
import { useState } from "react";
import type { TraceEvent } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";
import { VirtualList } from "./VirtualList.tsx";
import { eventUser, prettyWithTimes, summarize } from "./format.ts";
import { RuleText } from "../glossary/RuleText.tsx";
import { SimTime, useStartTime } from "../time/SimTime.tsx";

export function ListDetail<E extends TraceEvent>({
  items,
  detail,
  empty,
  testid,
}: {
  items: E[];
  detail: (e: E) => unknown;
  empty: string;
  testid: string;
}) {
  const [sel, setSel] = useState(0);
  const select = usePlayground((s) => s.select);
  const start = useStartTime();
  if (items.length === 0) return <p className="p-2 text-xs text-slate-500">{empty}</p>;
  const cur = items[Math.min(sel, items.length - 1)]!;
  return (
    <div className="grid h-full grid-cols-2">
      <VirtualList
        testid={testid}
        items={items}
        render={(e, i) => (
          <button
            type="button"
            onClick={() => {
              setSel(i);
              select(eventUser(e), e.at);
            }}
            className={`flex w-full gap-2 truncate px-2 text-left font-mono text-xs leading-[22px] ${i === sel ? "bg-sky-100 dark:bg-sky-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
          >
            <SimTime ms={e.at} className="w-20 shrink-0 text-right text-slate-500" />
            <span className="truncate">{e.server}: <RuleText text={summarize(e)} /></span>
          </button>
        )}
      />
      <pre className="overflow-auto border-l border-slate-200 p-2 font-mono text-xs whitespace-pre-wrap dark:border-slate-700">
        {prettyWithTimes(detail(cur), start)}
      </pre>
    </div>
  );
}
