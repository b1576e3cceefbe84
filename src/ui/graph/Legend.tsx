// Legend of the delivery graph: edge colours by reason (via) and node colours by state.
// Props: { counts?: edges per reason (e.g. from visibleEdges), className? }.
import type { GraphEdge } from "./model.ts";
import { STATE_COLORS, STATE_LABELS } from "./style.ts";
import { VIA_COLORS, VIA_LABELS, VIA_PRIORITY, type ViaKind } from "./via.ts";
import type { NodeState } from "../../analysis/presence.ts";

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
      {VIA_PRIORITY.map((k) => (
        <span key={k} className="inline-flex items-center gap-1" title={`Delivered via ${VIA_LABELS[k]}`}>
          <span className="inline-block h-0.5 w-5" style={{ background: VIA_COLORS[k] }} />
          {VIA_LABELS[k]}
          {counts && counts[k] !== undefined && <span className="text-slate-500">({counts[k]})</span>}
        </span>
      ))}
      <span className="mx-1 text-slate-400">|</span>
      {STATES.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: STATE_COLORS[s] }} />
          {STATE_LABELS[s]}
        </span>
      ))}
      <span className="text-slate-500">Bright, thick edges: delivered in the last few seconds.</span>
    </div>
  );
}
