// Legend of the delivery graph: arrows, edge colours by reason (via), dashed edges for
// router decisions that delivered nothing (by outcome), run-diff marks, node colours by state.
// Props: { counts?: edges per reason (e.g. from visibleEdges), className? }.
import type { GraphEdge } from "./model.ts";
import { STATE_COLORS, STATE_LABELS } from "./style.ts";
import { VIA_COLORS, VIA_LABELS, VIA_PRIORITY, type ViaKind } from "./via.ts";
import type { NodeState } from "../../analysis/presence.ts";
import { DIFF_LOOKS, OUTCOME_LOOKS } from "./decisionStyle.ts";
import type { UndeliveredOutcome } from "./model.ts";

const SHORT: Record<ViaKind, string> = { router: "router", module_api: "module API", join: "join push", room: "shared room", self: "own presence" };

const OUTCOMES: UndeliveredOutcome[] = ["woken_nothing", "no_sync", "unknown_target", "not_delivered"];

/** A short arrow swatch: solid, or dashed with the given pattern. */
function Swatch({ color, dash }: { color: string; dash?: [number, number] }) {
  return (
    <svg width="26" height="8" viewBox="0 0 26 8" aria-hidden="true" className="shrink-0">
      <line x1="1" y1="4" x2="19" y2="4" stroke={color} strokeWidth="2" strokeDasharray={dash ? `${dash[0] / 2} ${dash[1] / 2}` : undefined} />
      <path d="M18 0.5 L25 4 L18 7.5 Z" fill={color} />
    </svg>
  );
}

export interface LegendProps {
  counts?: Partial<Record<ViaKind, number>>;
  className?: string;
}

/** Deliveries per reason among `edges` (sums the aggregated counts). */
export function countByVia(edges: readonly GraphEdge[]): Record<ViaKind, number> {
  const c: Record<ViaKind, number> = { router: 0, module_api: 0, join: 0, room: 0, self: 0 };
  for (const e of edges) c[e.kind] += e.count;
  return c;
}

const STATES: NodeState[] = ["online", "unavailable", "offline", "busy", "unknown"];

export function Legend({ counts, className }: LegendProps) {
  return (
    <div className={`flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300 ${className ?? ""}`} aria-label="Legend">
      <span className="text-slate-500" title="An arrow points from the user whose presence it is to the user (or server) who received it">delivered (arrow: whose → who):</span>
      {VIA_PRIORITY.map((k) => (
        <span key={k} className="inline-flex items-center gap-1" title={`Delivered via ${VIA_LABELS[k]}`}>
          <Swatch color={VIA_COLORS[k]} />
          {SHORT[k]}
          {counts && counts[k] !== undefined && <span className="text-slate-500">({counts[k]})</span>}
        </span>
      ))}
      <span className="mx-1 text-slate-400">|</span>
      <span className="text-slate-500">router decided, not delivered:</span>
      {OUTCOMES.map((o) => (
        <span key={o} className="inline-flex items-center gap-1" title={OUTCOME_LOOKS[o].help} data-testid={`legend-${o}`}>
          <Swatch color={OUTCOME_LOOKS[o].color} dash={[OUTCOME_LOOKS[o].dash, OUTCOME_LOOKS[o].gap]} />
          {OUTCOME_LOOKS[o].label}
        </span>
      ))}
      <span className="inline-flex items-center gap-1" title="Highlighted after a run: deliveries the previous run did not have">
        <Swatch color={DIFF_LOOKS.added.color} />
        {DIFF_LOOKS.added.label}
      </span>
      <span className="inline-flex items-center gap-1" title="Ghost edges: deliveries of the previous run that this run no longer has">
        <Swatch color={DIFF_LOOKS.removed.color} dash={[DIFF_LOOKS.removed.dash, DIFF_LOOKS.removed.gap]} />
        {DIFF_LOOKS.removed.label}
      </span>
      <span className="mx-1 text-slate-400">|</span>
      {STATES.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: STATE_COLORS[s] }} />
          {STATE_LABELS[s]}
        </span>
      ))}
      <span className="text-slate-500" title="Bright, thick edges: delivered in the last few seconds">(bright = recent)</span>
    </div>
  );
}
