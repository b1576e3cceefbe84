// The scenario's `expect:` items, pass/fail, each with its reason. "Jump" selects the
// deciding event: the timeline moves to its time and its user is selected. The path
// (expect[2]) reveals the item's line in scenario.yaml. Used by the inspector's
// Expectations tab and, compactly, by the lesson panel.
import { useMemo } from "react";
import type { ExpectationResult, Trace } from "../../trace/types.ts";
import { pathposModule, useLazy } from "../lazy.ts";
import { SCENARIO_FILE, usePlayground, usePlaygroundStore, type PlaygroundStore } from "../store.ts";
import { eventUser } from "./format.ts";
import { SimTime } from "../time/SimTime.tsx";

/** Selects the event that decides an expectation: timeline time + its user. */
export function jumpToExpectation(store: PlaygroundStore, trace: Trace, x: ExpectationResult): void {
  if (x.event === undefined) return;
  const e = trace.events[x.event];
  if (!e) return;
  const s = store.getState();
  s.jumpToEvent(x.event);
  const user = eventUser(e);
  if (user && trace.scenario.users.includes(user)) s.select(user);
}

export function ExpectationsList({ trace, compact = false, results }: { trace: Trace; compact?: boolean; results?: ExpectationResult[] }) {
  const store = usePlaygroundStore();
  const scenario = usePlayground((s) => s.scenario);
  const selectedEvent = usePlayground((s) => s.selectedEvent);
  const reveal = usePlayground((s) => s.revealLocation);
  // Scenario paths → lines need the YAML parser, loaded after the first live run (lazy.ts):
  // until then the path buttons are shown disabled.
  const pathpos = useLazy(pathposModule);
  const locate = useMemo(() => (pathpos ? pathpos.createLocator(scenario) : () => null), [pathpos, scenario]);
  const items = results ?? trace.expectations;

  return (
    <ul className={`text-xs ${compact ? "" : "h-full overflow-auto"}`} data-testid={compact ? "lesson-checks" : "expectations"}>
      {items.map((x, i) => {
        const e = x.event !== undefined ? trace.events[x.event] : undefined;
        const pos = x.path ? locate(x.path) : null;
        return (
          <li
            key={i}
            data-testid="expectation"
            data-ok={x.ok}
            data-selected={x.event !== undefined && x.event === selectedEvent}
            className={`flex flex-wrap items-baseline gap-x-2 border-b border-slate-100 px-2 py-1 dark:border-slate-800 ${x.event !== undefined && x.event === selectedEvent ? "bg-sky-50 dark:bg-sky-950" : ""}`}
          >
            <span className={`shrink-0 font-semibold ${x.ok ? "text-emerald-600" : "text-red-600"}`} aria-label={x.ok ? "pass" : "fail"}>
              {x.ok ? "✓" : "✗"}
              {!compact && (x.ok ? " pass" : " fail")}
            </span>
            <span className={`min-w-0 flex-1 ${compact ? "" : "font-semibold"}`}>{x.name}</span>
            {x.path && (
              <button
                type="button"
                className="shrink-0 font-mono text-slate-500 underline hover:text-sky-700 disabled:no-underline"
                disabled={!pos}
                title={pos ? `Show in ${SCENARIO_FILE} (line ${pos.line})` : undefined}
                data-testid="expectation-path"
                onClick={() => pos && reveal({ file: SCENARIO_FILE, line: pos.line, column: pos.column })}
              >
                {x.path}
              </button>
            )}
            {e && (
              <button
                type="button"
                className="shrink-0 rounded border border-slate-300 px-1 text-slate-600 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
                title="Select the event that decides this check: move the timeline there and select its user"
                data-testid="expectation-jump"
                data-at={e.at}
                onClick={() => jumpToExpectation(store, trace, x)}
              >
                ⤳ <SimTime ms={e.at} />
              </button>
            )}
            {(!x.ok || !compact) && x.detail && (
              <span className={`w-full whitespace-pre-wrap pl-5 ${x.ok ? "text-slate-500" : "text-red-700 dark:text-red-400"}`} data-testid="expectation-detail">
                {x.detail}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
