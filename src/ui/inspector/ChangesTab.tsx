// What changed since the previous run: both runs' one-line summaries, then deliveries
// added / removed / changed per pair, expectations that flipped and findings new and gone
// (src/analysis/diff.ts). The same added/removed pairs are highlighted on the graph.
import type { Trace } from "../../trace/types.ts";
import { summaryLine, summarizeRun, isUnchanged, type PairChange } from "../../analysis/diff.ts";
import { useRunDiff, findingsOf, useAnalysedRun } from "../changes.ts";
import { usePlayground } from "../store.ts";
import { RuleText } from "../glossary/RuleText.tsx";

function pair(p: PairChange): string {
  return `${p.source} → ${p.viewer}${p.transport === "federation" ? " (federation)" : ""}`;
}

function Section({ title, testid, children, count }: { title: string; testid: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section data-testid={testid} data-count={count}>
      <h4 className="font-semibold">
        {title} ({count})
      </h4>
      <ul className="ml-3 list-disc">{children}</ul>
    </section>
  );
}

export function ChangesTab({ trace }: { trace: Trace }) {
  const diff = useRunDiff();
  const { hints } = useAnalysedRun();
  const select = usePlayground((s) => s.select);
  const now = summaryLine(summarizeRun(trace, findingsOf(trace, hints)));
  const user = (u: string, label: string) =>
    u.startsWith("@") ? (
      <button type="button" className="underline decoration-dotted" onClick={() => select(u)}>
        {label}
      </button>
    ) : (
      label
    );
  return (
    <div className="flex h-full flex-col gap-2 overflow-auto p-2 text-xs text-slate-800 dark:text-slate-200" data-testid="changes" data-unchanged={diff ? String(isUnchanged(diff)) : "none"}>
      <p data-testid="run-summary">
        <span className="font-semibold">This run:</span> {now}
      </p>
      {!diff ? (
        <p className="text-slate-500">Edit the module or the scenario: the next run is compared with this one.</p>
      ) : (
        <>
          <p className="text-slate-500">
            <span className="font-semibold">Previous run:</span> {summaryLine(diff.before)}
          </p>
          {isUnchanged(diff) && <p data-testid="changes-none">No change: the same deliveries, expectation results and findings as the previous run.</p>}
          <Section title="Deliveries removed" testid="changes-removed" count={diff.removed.length}>
            {diff.removed.map((p) => (
              <li key={pair(p)} className="text-red-700 dark:text-red-400">
                − {user(p.viewer, pair(p))} ({p.before}× before)
              </li>
            ))}
          </Section>
          <Section title="Deliveries added" testid="changes-added" count={diff.added.length}>
            {diff.added.map((p) => (
              <li key={pair(p)} className="text-emerald-700 dark:text-emerald-400">
                + {user(p.viewer, pair(p))} ({p.after}×)
              </li>
            ))}
          </Section>
          <Section title="Delivered a different number of times" testid="changes-changed" count={diff.changed.length}>
            {diff.changed.map((p) => (
              <li key={pair(p)}>
                {user(p.viewer, pair(p))}: {p.before}× → {p.after}×
              </li>
            ))}
          </Section>
          <Section title="Expectations that flipped" testid="changes-flipped" count={diff.flipped.length}>
            {diff.flipped.map((x) => (
              <li key={x.name} className={x.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                {x.ok ? "now passes" : "now fails"}: {x.name}
                {!x.ok && ` (${x.detail})`}
              </li>
            ))}
          </Section>
          <Section title="Expectations added / removed" testid="changes-expectations" count={diff.expectationsAdded.length + diff.expectationsRemoved.length}>
            {diff.expectationsAdded.map((n) => (
              <li key={`+${n}`}>+ {n}</li>
            ))}
            {diff.expectationsRemoved.map((n) => (
              <li key={`-${n}`}>− {n}</li>
            ))}
          </Section>
          <Section title="New findings" testid="changes-findings-new" count={diff.findingsNew.length}>
            {diff.findingsNew.map((f) => (
              <li key={`${f.kind}${f.viewer}${f.source}`}><RuleText text={f.message} /></li>
            ))}
          </Section>
          <Section title="Findings gone" testid="changes-findings-gone" count={diff.findingsGone.length}>
            {diff.findingsGone.map((f) => (
              <li key={`${f.kind}${f.viewer}${f.source}`} className="text-slate-500 line-through">
                <RuleText text={f.message} />
              </li>
            ))}
          </Section>
        </>
      )}
    </div>
  );
}
