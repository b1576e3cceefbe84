// Where the timeline opens when a trace arrives and nothing chose a time yet (a fresh
// example, lesson or draft; Reset view). The end of a run is often the dullest moment:
// clients have stopped and everyone has timed out to offline, so the graph is grey.
// Instead the view opens at the first moment every user who receives presence in the
// run has received some: every receiving user has an edge, and their presence is still
// what the run made it, not what the end left.
import type { Trace } from "../../trace/types.ts";

/**
 * The opening time of `trace` (ms offset, within [0, end]): the latest of each
 * receiving user's first sync delivery. Deliveries at exactly that time are drawn (the
 * graph shows deliveries with `at <= time`). A run with no sync delivery uses its
 * federation deliveries (each receiving server's first); a run with no delivery at all
 * opens at its end.
 */
export function openingTime(trace: Trace): number {
  const end = trace.scenario.end;
  const firstBy = (transport: "sync" | "federation"): Map<string, number> => {
    const first = new Map<string, number>();
    for (const d of trace.deliveries) {
      if (d.transport !== transport) continue;
      const seen = first.get(d.viewer);
      if (seen === undefined || d.at < seen) first.set(d.viewer, d.at);
    }
    return first;
  };
  let first = firstBy("sync");
  if (first.size === 0) first = firstBy("federation");
  if (first.size === 0) return end;
  let latest = 0;
  for (const at of first.values()) latest = Math.max(latest, at);
  return Math.min(end, latest);
}
