// Router calls: every get_users_for_states / get_interested_users call with input,
// output, warnings, wall-clock duration and the error with its TypeScript location.
import { useMemo, useState } from "react";
import type { RouterCallEvent, Trace } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";
import { VirtualList } from "./VirtualList.tsx";
import { prettyWithTimes, summarize } from "./format.ts";
import { RuleText } from "../glossary/RuleText.tsx";
import { SimTime, useStartTime } from "../time/SimTime.tsx";
import { errorText } from "./thrown.ts";

export function RouterCallsTab({ trace }: { trace: Trace }) {
  const calls = useMemo(() => trace.events.filter((e): e is RouterCallEvent => e.type === "router_call"), [trace]);
  const [sel, setSel] = useState(0);
  const reveal = usePlayground((s) => s.revealLocation);
  const setTime = usePlayground((s) => s.setTime);
  const files = usePlayground((s) => s.files);
  const start = useStartTime();
  const c = calls[Math.min(sel, calls.length - 1)];
  if (calls.length === 0) return <p className="p-2 text-xs text-slate-500">No router calls in this run.</p>;
  return (
    <div className="grid h-full grid-cols-2">
      <VirtualList
        testid="router-calls"
        items={calls}
        render={(e, i) => (
          <button
            type="button"
            onClick={() => {
              setSel(i);
              setTime(e.at);
            }}
            className={`flex w-full gap-2 truncate px-2 text-left font-mono text-xs leading-[22px] ${i === sel ? "bg-sky-100 dark:bg-sky-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"} ${e.error ? "text-red-600" : ""}`}
          >
            <SimTime ms={e.at} className="w-20 shrink-0 text-right text-slate-500" />
            <span className="truncate">{e.server}: <RuleText text={summarize(e)} /></span>
          </button>
        )}
      />
      {c && (
        <div className="overflow-auto border-l border-slate-200 p-2 text-xs dark:border-slate-700" data-testid="router-call-detail">
          <p className="font-semibold">{c.module} · {c.callback} · {c.server} · at <SimTime ms={c.at} /> · {c.ms.toFixed(2)} ms</p>
          {c.error && (
            <p className="my-1 text-red-600">
              <RuleText text={errorText(c.error.message)} />{" "}
              {c.error.file && c.error.line && Object.hasOwn(files, c.error.file) && (
                <button type="button" className="underline" onClick={() => reveal({ file: c.error!.file!, line: c.error!.line!, column: c.error!.column ?? 1 })}>
                  {c.error.file}:{c.error.line}{c.error.column ? `:${c.error.column}` : ""}
                </button>
              )}
            </p>
          )}
          {c.warnings.map((w, i) => (
            <p key={i} className="text-amber-600">⚠ <RuleText text={w} /></p>
          ))}
          <h4 className="mt-2 font-semibold">input</h4>
          <pre className="whitespace-pre-wrap font-mono">{prettyWithTimes(c.input, start)}</pre>
          <h4 className="mt-2 font-semibold">output</h4>
          <pre className="whitespace-pre-wrap font-mono">{prettyWithTimes(c.output, start)}</pre>
        </div>
      )}
    </div>
  );
}
