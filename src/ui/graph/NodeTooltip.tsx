// Hover tooltip of the delivery graph: a user's presence at `time` as their own server
// holds it, or a homeserver's name. Text only (React escapes), never innerHTML.
import type { Trace } from "../../trace/types.ts";
import { presenceIndex } from "../../analysis/presence.ts";
import { STATE_COLORS } from "./style.ts";
import { SimTime } from "../time/SimTime.tsx";

export interface NodeTooltipProps {
  trace: Trace;
  /** A user id, or a hub id "hs:<server>". */
  node: string;
  time: number;
  /** Position inside the graph container, px. */
  x: number;
  y: number;
  /** For a group node (big worlds): its label ("hs1.example · 500 users"). */
  groupLabel?: string;
}

export function NodeTooltip({ trace, node, time, x, y, groupLabel }: NodeTooltipProps) {
  const style = { left: x + 12, top: y + 12 };
  const cls = "pointer-events-none absolute z-10 max-w-xs rounded border border-slate-300 bg-white/95 px-2 py-1 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-800/95 dark:text-slate-100";
  if (groupLabel !== undefined) {
    return (
      <div className={cls} style={style} role="tooltip">
        <div className="font-semibold break-all">{groupLabel}</div>
        <div>a group of users: click to see them one by one</div>
      </div>
    );
  }
  if (node.startsWith("hs:")) {
    return (
      <div className={cls} style={style} role="tooltip">
        <div className="font-semibold">{node.slice(3)}</div>
        <div>homeserver (federation hub)</div>
      </div>
    );
  }
  const p = presenceIndex(trace).at(node, time);
  return (
    <div className={cls} style={style} role="tooltip">
      <div className="font-semibold break-all">{node}</div>
      <div>
        <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: STATE_COLORS[p.state] }} />
        {p.record ? p.record.state : `${p.state} (no change recorded yet)`} at <SimTime ms={time} />
      </div>
      {p.record && (
        <>
          <div>status_msg: {p.record.status_msg === null ? "none" : JSON.stringify(p.record.status_msg)}</div>
          <div>last_active_ago: {p.last_active_ago === null ? "—" : `${p.last_active_ago} ms`}</div>
          <div>currently_active: {String(p.record.currently_active)}</div>
        </>
      )}
    </div>
  );
}
