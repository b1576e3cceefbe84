// The inspector: tabs over the run trace plus the Problems list.
import { useEffect, useState } from "react";
import { usePlayground } from "../store.ts";
import { useProblems } from "../problems.ts";
import { EventsTab } from "./EventsTab.tsx";
import { RouterCallsTab } from "./RouterCallsTab.tsx";
import { ConsoleTab } from "./ConsoleTab.tsx";
import { EdusTab } from "./EdusTab.tsx";
import { SyncsTab } from "./SyncsTab.tsx";
import { ExpectationsTab } from "./ExpectationsTab.tsx";
import { ProblemsTab } from "./ProblemsTab.tsx";
import { ConsistencyTab, UserTab } from "./AnalysisTabs.tsx";
import { ChangesTab } from "./ChangesTab.tsx";
import { PresenceTab } from "./Swimlane.tsx";
import { CostTab } from "./CostTab.tsx";
import { useAnalysedRun, useRunDiff } from "../changes.ts";
import { graphDiff, isUnchanged } from "../../analysis/diff.ts";
import { useSetGraphDiff } from "../graph/diffHighlight.ts";

const TABS = ["Events", "Router calls", "Console", "EDUs", "Syncs", "User", "Presence", "Consistency", "Changes", "Cost", "Expectations", "Problems"] as const;
type Tab = (typeof TABS)[number];

const TAB_EVENT = "prp:inspector-tab";

/** Opens an inspector tab from elsewhere in the app (e.g. the consistency strip). */
export function showInspectorTab(tab: Tab): void {
  window.dispatchEvent(new CustomEvent(TAB_EVENT, { detail: tab }));
}

export function Inspector() {
  const [tab, setTab] = useState<Tab>("Events");
  useEffect(() => {
    const on = (e: Event) => {
      const t = (e as CustomEvent).detail;
      if ((TABS as readonly string[]).includes(t)) setTab(t as Tab);
    };
    window.addEventListener(TAB_EVENT, on);
    return () => window.removeEventListener(TAB_EVENT, on);
  }, []);
  const trace = usePlayground((s) => s.trace);
  const problems = useProblems();
  const errors = problems.filter((p) => p.severity === "error").length;
  const failed = trace?.expectations.filter((x) => !x.ok).length ?? 0;
  const diff = useRunDiff();
  // The tabs that run the consistency checks get the run after the graph (changes.ts),
  // never the store's trace with the deferred run's hints: nothing until it is there.
  const analysed = useAnalysedRun().trace;
  const setGraphDiff = useSetGraphDiff();
  // The graph highlights what the Changes tab lists (added / removed user pairs).
  useEffect(() => setGraphDiff(diff && !isUnchanged(diff) ? graphDiff(diff) : null), [diff, setGraphDiff]);

  const badge = (t: Tab) => {
    if (t === "Problems" && problems.length) return <span className={`ml-1 rounded px-1 ${errors ? "bg-red-600 text-white" : "bg-amber-500 text-white"}`}>{problems.length}</span>;
    if (t === "Expectations" && trace?.expectations.length) return <span className={`ml-1 rounded px-1 text-white ${failed ? "bg-red-600" : "bg-emerald-600"}`}>{failed ? `${failed} ✗` : "✓"}</span>;
    if (t === "Changes" && diff && !isUnchanged(diff)) return <span className="ml-1 rounded bg-sky-600 px-1 text-white">{diff.added.length + diff.removed.length + diff.flipped.length + diff.findingsNew.length + diff.findingsGone.length || "±"}</span>;
    return null;
  };

  return (
    <section className="flex h-full flex-col" aria-label="inspector" data-testid="inspector">
      <div role="tablist" className="flex shrink-0 gap-1 overflow-x-auto border-b border-slate-200 px-1 text-xs dark:border-slate-700">
        {TABS.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`whitespace-nowrap px-2 py-1 ${tab === t ? "border-b-2 border-sky-600 font-semibold" : "text-slate-600 dark:text-slate-400"}`}
          >
            {t}
            {badge(t)}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1" role="tabpanel">
        {tab === "Problems" ? (
          <ProblemsTab problems={problems} />
        ) : !trace ? (
          <p className="p-2 text-xs text-slate-500">No run yet.</p>
        ) : tab === "Events" ? (
          <EventsTab trace={trace} />
        ) : tab === "Router calls" ? (
          <RouterCallsTab trace={trace} />
        ) : tab === "Console" ? (
          <ConsoleTab trace={trace} />
        ) : tab === "EDUs" ? (
          <EdusTab trace={trace} />
        ) : tab === "Syncs" ? (
          <SyncsTab trace={trace} />
        ) : tab === "User" ? (
          <UserTab trace={trace} />
        ) : tab === "Consistency" ? (
          analysed && <ConsistencyTab trace={analysed} />
        ) : tab === "Presence" ? (
          <PresenceTab trace={trace} />
        ) : tab === "Cost" ? (
          <CostTab trace={trace} />
        ) : tab === "Changes" ? (
          analysed && <ChangesTab trace={analysed} />
        ) : (
          <ExpectationsTab trace={trace} />
        )}
      </div>
    </section>
  );
}
