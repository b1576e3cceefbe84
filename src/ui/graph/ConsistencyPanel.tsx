// Lists the consistency checker's findings (src/analysis/consistency.ts). Text only.
// Props: { findings (from checkConsistency(trace, opts)), onJump(eventIndex), onSelectUser?(u), className? }.
import type { Finding } from "../../analysis/consistency.ts";
import { RuleIds, RuleText } from "../glossary/RuleText.tsx";
import { SimTime } from "../time/SimTime.tsx";

export interface ConsistencyPanelProps {
  findings: readonly Finding[];
  /** The findings are from an older run (the newest edit did not compile or run). */
  stale?: boolean;
  onJump(eventIndex: number): void;
  onSelectUser?(u: string): void;
  /** The module line a finding points at (its cause, or the callback it is about), when the editor can show it. */
  lineOf?(f: Finding): { file: string; line: number; column: number } | null;
  onReveal?(loc: { file: string; line: number; column: number }): void;
  className?: string;
}

const KIND_TITLES: Record<Finding["kind"], string> = {
  callback_failed: "a router callback failed",
  all_without_mapping: "ALL_USERS without a mapping",
  remote_record_to_federation: "remote record sent over federation",
  woken_not_visible: "woken, but sync shows nothing",
  visible_not_woken: "visible on sync, never woken",
  cannot_restrict: "a router cannot restrict",
};

export function ConsistencyPanel({ findings, stale, onJump, onSelectUser, lineOf, onReveal, className }: ConsistencyPanelProps) {
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div className={`flex flex-col gap-1 overflow-auto p-2 text-xs text-slate-800 dark:text-slate-200 ${className ?? ""}`} aria-label="Router consistency" data-testid="consistency-panel">
      {stale && findings.length > 0 && (
        <div className="rounded bg-amber-100 px-2 py-0.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100" data-testid="consistency-stale">
          stale: these findings are from the last good run; the newest edit has not run.
        </div>
      )}
      <div className="font-semibold" data-testid="consistency-summary" data-findings={findings.length}>
        {findings.length === 0
          ? "get_users_for_states and get_interested_users agree on everything this run shows."
          : <RuleText text={`${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}: a router callback failed or the two callbacks disagree (R63, R64).`} />}
      </div>
      <ul className="flex flex-col gap-1">
        {findings.map((f) => (
          <li
            key={`${f.kind}\t${f.server}\t${f.viewer}\t${f.source}`}
            className={`rounded border-l-4 px-2 py-1 ${f.severity === "error" ? "border-red-500 bg-red-50 dark:bg-red-950" : "border-amber-500 bg-amber-50 dark:bg-amber-950"}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold uppercase">{f.severity}</span>
              <span>{KIND_TITLES[f.kind]}</span>
              <span className="text-slate-500">on {f.server}</span>
              {f.module && <span className="text-slate-500">({f.module})</span>}
              <RuleIds ids={f.rules} />
            </div>
            <div className="break-words"><RuleText text={f.message} /></div>
            {f.cause && f.kind !== "callback_failed" && (
              <div className="break-words text-slate-600 dark:text-slate-300">
                <span className="font-semibold">Cause:</span> <RuleText text={f.cause.message} />
              </div>
            )}
            <div className="flex gap-3">
              <button type="button" className="underline decoration-dotted" onClick={() => onJump(f.example.event)}>
                first seen at <SimTime ms={f.example.at} /> (event #{f.example.event})
              </button>
              {(() => {
                const loc = onReveal && lineOf ? lineOf(f) : null;
                return loc ? (
                  <button type="button" className="underline decoration-dotted" data-testid="finding-line" onClick={() => onReveal!(loc)}>
                    {loc.file}:{loc.line}
                  </button>
                ) : null;
              })()}
              {onSelectUser && f.viewer.startsWith("@") && (
                <button type="button" className="underline decoration-dotted" onClick={() => onSelectUser(f.viewer)}>
                  select {f.viewer}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
