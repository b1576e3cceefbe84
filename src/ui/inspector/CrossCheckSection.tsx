// The active cross-check's result (src/analysis/crosscheck.ts) under the consistency
// findings: every (viewer, source) pair on which the two callbacks disagree when probed
// at chosen instants, marked when the run itself never exercised it.
import { useMemo } from "react";
import type { Trace } from "../../trace/types.ts";
import { compareProbes, instantsText } from "../../analysis/crosscheck.ts";
import { usePlayground } from "../store.ts";
import { findingsOf, useAnalysedRun } from "../changes.ts";
import { RuleIds, RuleText } from "../glossary/RuleText.tsx";

const TITLES = {
  woken_not_visible: "routed, not visible",
  visible_not_woken: "visible, not routed",
  all_without_mapping: "ALL_USERS without a mapping",
} as const;

export function CrossCheckSection({ trace }: { trace: Trace }) {
  const { crossCheck: run, hints } = useAnalysedRun();
  const select = usePlayground((s) => s.select);
  const report = useMemo(() => (run && run !== "pending" ? compareProbes(run, trace.scenario.users, { trace, findings: findingsOf(trace, hints), hints }) : null), [run, trace, hints]);
  if (run === "pending") {
    return (
      <section className="border-t border-slate-200 p-2 text-xs dark:border-slate-700" data-testid="crosscheck" data-pending="true">
        <h4 className="font-semibold">Active cross-check</h4>
        <p className="text-slate-500">Probing both callbacks in the sandbox…</p>
      </section>
    );
  }
  if (!report) return null;
  const hidden = report.disagreements.filter((d) => !d.exercised).length;
  return (
    <section className="flex flex-col gap-1 border-t border-slate-200 p-2 text-xs dark:border-slate-700" data-testid="crosscheck" data-disagreements={report.disagreements.length} data-unexercised={hidden}>
      <h4 className="font-semibold">Active cross-check</h4>
      {report.skipped ? (
        <p className="text-slate-500">Not run: {report.skipped.replace(/\.+$/, "")}.</p>
      ) : (
        <p>
          Both callbacks called in the sandbox for every (user, state) pair at {instantsText(report.instants)}:{" "}
          {report.disagreements.length === 0
            ? `they agree on all ${report.pairs} pairs probed.`
            : `${report.disagreements.length} disagreement${report.disagreements.length === 1 ? "" : "s"}${hidden ? `, ${hidden} not exercised by the run` : ""}.`}
        </p>
      )}
      <ul className="flex flex-col gap-1">
        {report.disagreements.map((d) => (
          <li key={`${d.kind}\t${d.server}\t${d.viewer}\t${d.source}`} className={`rounded border-l-4 px-2 py-1 ${d.kind === "all_without_mapping" ? "border-red-500 bg-red-50 dark:bg-red-950" : "border-amber-500 bg-amber-50 dark:bg-amber-950"}`}>
            <div className="flex flex-wrap gap-2">
              <span className="font-semibold">{TITLES[d.kind]}</span>
              <span className="text-slate-500">on {d.server}</span>
              <span className={d.exercised ? "text-slate-500" : "rounded bg-sky-600 px-1 text-white"}>{d.exercised ? "also seen in the run" : "not exercised by the run"}</span>
              <RuleIds ids={d.rules} />
            </div>
            <div className="break-words"><RuleText text={d.message} /></div>
            <div className="flex gap-3 text-slate-500">
              <span>probed at {instantsText(d.at)}</span>
              <button type="button" className="underline decoration-dotted" onClick={() => select(d.viewer)}>
                select {d.viewer}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
