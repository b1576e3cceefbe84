// What is behind a clicked edge: the router's decision for the pair, the router calls
// that made it (each with jump-to-line into the module), the router wake-ups of the
// target and the deliveries. Overlaid on the graph by DeliveryGraph.
// Props: { trace, edgeKey, time, files, onReveal(loc), onClose() }.
import type { Trace } from "../../trace/types.ts";
import { edgeDetail } from "./edgeDetail.ts";
import { OUTCOME_LOOKS } from "./decisionStyle.ts";
import { RuleLink, RuleText } from "../glossary/RuleText.tsx";
import { SimTime } from "../time/SimTime.tsx";

export interface EdgePanelProps {
  trace: Trace;
  edgeKey: string;
  time: number;
  files: Readonly<Record<string, string>>;
  onReveal?(loc: { file: string; line: number; column: number }): void;
  onClose(): void;
}

const DECISION_TEXT = {
  routed: "routed by get_users_for_states",
  allowed: "allowed by get_interested_users",
  both: "routed by get_users_for_states and allowed by get_interested_users",
} as const;

const OUTCOME_TEXT = {
  delivered_sync: "delivered by sync",
  delivered_federation: "delivered by federation (an EDU to the target's server)",
  ...Object.fromEntries(Object.entries(OUTCOME_LOOKS).map(([k, v]) => [k, `${v.label}: ${v.help}`])),
} as Record<string, string>;

const MAX_ROWS = 30;

/** The rule behind each call site (trace/types.ts RouterCallSite). */
const SITE_RULE: Record<string, string> = { wake: "R31", federation: "R33", ping: "R35", snapshot: "R68" };

function siteRule(e: { site: string; callback: string }): string | null {
  if (e.site === "sync") return e.callback === "get_interested_users" ? "R49" : "R51";
  return SITE_RULE[e.site] ?? null;
}

export function EdgePanel({ trace, edgeKey, time, files, onReveal, onClose }: EdgePanelProps) {
  const d = edgeDetail(trace, edgeKey, time, files);
  if (!d) return null;
  const link = "underline decoration-dotted hover:text-sky-600 dark:hover:text-sky-400";
  return (
    <div
      data-testid="edge-panel"
      role="dialog"
      aria-label={`Edge ${d.from} → ${d.to}`}
      className="absolute bottom-2 left-2 z-10 max-h-[70%] w-[min(34rem,calc(100%-1rem))] overflow-auto rounded border border-slate-300 bg-white/95 p-2 text-xs text-slate-800 shadow dark:border-slate-600 dark:bg-slate-800/95 dark:text-slate-200"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="break-all font-semibold">
          {d.from} → {d.to}
        </h3>
        <button type="button" aria-label="Close edge details" className="px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white" onClick={onClose}>
          ✕
        </button>
      </div>
      {d.decision ? (
        <p data-testid="edge-decision">
          Router: {DECISION_TEXT[d.decision.decision]}. Outcome: <RuleText text={OUTCOME_TEXT[d.decision.outcome] ?? ""} />.
        </p>
      ) : (
        <p className="text-slate-500">The router made no decision about this pair (rooms, self or module API only).</p>
      )}
      {d.calls.length > 0 && (
        <section className="mt-1">
          <h4 className="font-semibold">Router calls ({d.calls.length})</h4>
          <ul>
            {d.calls.slice(0, MAX_ROWS).map(({ event, e, loc }) => (
              <li key={event} className="flex flex-wrap gap-x-2">
                <SimTime ms={e.at} className="text-slate-500" />
                <span>
                  #{e.call} {e.module} {e.callback}({typeof e.input === "string" ? e.input : `${e.input.length} states`}) on {e.server}, {e.site}
                  {siteRule(e) && <> (<RuleLink id={siteRule(e)!} />)</>}
                  {e.for_user ? ` for ${e.for_user}` : ""}
                  {e.error ? ` raised ${e.error.message}` : ""}
                </span>
                {loc && onReveal && (
                  <button type="button" className={link} data-testid="edge-call-line" onClick={() => onReveal(loc)}>
                    {loc.file}:{loc.line}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.wakes.length > 0 && (
        <p className="mt-1">
          Woken by the router {d.wakes.length}× (first at <SimTime ms={trace.events[d.wakes[0]!]!.at} />).
        </p>
      )}
      <section className="mt-1">
        <h4 className="font-semibold">Deliveries ({d.deliveries.length})</h4>
        {d.deliveries.length === 0 ? (
          <p className="text-slate-500">None up to <SimTime ms={time} />.</p>
        ) : (
          <ul>
            {d.deliveries.slice(-MAX_ROWS).map((i) => {
              const x = trace.deliveries[i]!;
              return (
                <li key={i}>
                  <SimTime ms={x.at} className="text-slate-500" /> {x.state} by {x.transport} on {x.server} via {x.via.join(", ")}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
