// The consistency checker next to the code: when the run shows a router callback failing
// (R63) or the two callbacks disagreeing (R64, S6, S8, R34), a strip over the editor's
// bottom edge (it never pushes the code) says so with the first concrete example and its
// root cause (the exception and its module line, a wrong type, a missing ALL_USERS
// mapping), and "Show all" opens the inspector's Consistency tab. Findings of an older
// run (the newest edit does not compile or run) are marked stale.
import { usePlayground } from "./store.ts";
import { showInspectorTab } from "./inspector/Inspector.tsx";
import { findingsOf, useAnalysedRun } from "./changes.ts";
import type { Finding, RootCause } from "../analysis/consistency.ts";
import { findingLine } from "./graph/edgeDetail.ts";
import { RuleText } from "./glossary/RuleText.tsx";

/** "go to router.ts:12" when the cause has a module line the editor can show. */
export function CauseLink({ cause }: { cause: RootCause }) {
  const reveal = usePlayground((s) => s.revealLocation);
  const files = usePlayground((s) => s.files);
  const { file, line } = cause;
  if (!file || !line || !(file in files)) return null;
  return (
    <button type="button" className="ml-1 underline" data-testid="cause-link" onClick={() => reveal({ file, line, column: cause.column ?? 1 })}>
      go to {file}:{line}
    </button>
  );
}

/** "go to router.ts:31": the line of the callback a finding is about (cannot_restrict). */
export function CallbackLink({ finding }: { finding: Finding }) {
  const reveal = usePlayground((s) => s.revealLocation);
  const files = usePlayground((s) => s.files);
  if (finding.cause || !finding.callback) return null;
  const loc = findingLine(finding, files);
  if (!loc) return null;
  return (
    <button type="button" className="ml-1 underline" data-testid="callback-link" onClick={() => reveal(loc)}>
      go to {loc.file}:{loc.line}
    </button>
  );
}

const TITLES: Partial<Record<Finding["kind"], string>> = {
  callback_failed: "The presence router failed",
  cannot_restrict: "A presence router cannot restrict, it can only add",
};

export function ConsistencyStrip() {
  const { trace, hints } = useAnalysedRun();
  const stale = usePlayground((s) => s.stale);
  const findings = trace ? findingsOf(trace, hints) : [];
  if (!findings.length) return null;
  const errors = findings.filter((f) => f.severity === "error").length;
  const first = findings[0]!;
  const title = TITLES[first.kind] ?? "get_users_for_states and get_interested_users disagree";
  return (
    <div
      className={`flex items-start gap-2 border-t px-2 py-1 text-xs shadow ${stale ? "opacity-60" : ""} ${errors ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"}`}
      data-testid="consistency-strip"
      data-findings={findings.length}
      data-stale={stale ? "true" : "false"}
      data-cause={first.cause?.kind ?? ""}
      data-kind={first.kind}
      role="status"
    >
      <span aria-hidden>⚠</span>
      <span className="min-w-0 flex-1">
        {stale && (
          <span className="mr-1 rounded bg-amber-500 px-1 font-semibold text-white" title="These findings are from the last good run; the newest edit has not run.">
            stale
          </span>
        )}
        <strong>
          {title} ({findings.length} {findings.length === 1 ? "finding" : "findings"}):
        </strong>{" "}
        <RuleText text={first.message} />
        {first.cause && first.kind !== "callback_failed" && (
          <span className="block" data-testid="strip-cause">
            <strong>Cause:</strong> <RuleText text={first.cause.message} />
          </span>
        )}
        {first.cause && <CauseLink cause={first.cause} />}
        <CallbackLink finding={first} />
      </span>
      <button type="button" className="shrink-0 underline" onClick={() => showInspectorTab("Consistency")}>
        Show all
      </button>
    </div>
  );
}
