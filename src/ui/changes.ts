// The run diff of the store's current and previous runs (analysis/diff.ts), computed once
// per pair of traces and shared by the Changes tab and the graph's highlight.
import { useMemo } from "react";
import { usePlayground } from "./store.ts";
import { checkConsistency, type Finding } from "../analysis/consistency.ts";
import { diffRuns, type RunDiff } from "../analysis/diff.ts";
import type { RoomHints } from "../analysis/rooms.ts";
import type { Trace } from "../trace/types.ts";

const findingsCache = new WeakMap<Trace, Finding[]>();

/** The checker's findings of a trace, computed once per trace. */
export function findingsOf(trace: Trace, hints: RoomHints): Finding[] {
  let f = findingsCache.get(trace);
  if (!f) findingsCache.set(trace, (f = checkConsistency(trace, hints)));
  return f;
}

/** The diff from the previous run to the current one; null before the second run. */
export function useRunDiff(): RunDiff | null {
  const trace = usePlayground((s) => s.trace);
  const hints = usePlayground((s) => s.roomHints);
  const previous = usePlayground((s) => s.previous);
  return useMemo(
    () => (trace && previous ? diffRuns(previous.trace, trace, findingsOf(previous.trace, previous.hints), findingsOf(trace, hints)) : null),
    [trace, hints, previous],
  );
}
