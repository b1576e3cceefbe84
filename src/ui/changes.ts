// The consistency findings of a run (computed once per trace), the run as the views that
// need them see it (after its graph: useAnalysedRun), and the run diff of the current and
// previous runs (analysis/diff.ts), shared by the Changes tab and the graph's highlight.
import { useDeferredValue, useMemo } from "react";
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

/**
 * The run as the views that run the consistency checks see it (the strip, the editor's
 * fix markers, the Consistency and Changes tabs, the cross-check, the run diff): the
 * store's, handed over by React after the commit that draws the new graph
 * (useDeferredValue). A 1,000-user run's checks take ~30 ms of the main thread and a
 * 10,000-user run's about a second: the graph comes first, the checks in a task of their
 * own, and meanwhile these views show the previous run's, whole.
 */
export function useAnalysedRun() {
  const trace = useDeferredValue(usePlayground((s) => s.trace));
  const hints = useDeferredValue(usePlayground((s) => s.roomHints));
  const previous = useDeferredValue(usePlayground((s) => s.previous));
  const crossCheck = useDeferredValue(usePlayground((s) => s.crossCheck));
  return { trace, hints, previous, crossCheck };
}

/** The diff from the previous run to the current one; null before the second run. */
export function useRunDiff(): RunDiff | null {
  const { trace, hints, previous } = useAnalysedRun();
  return useMemo(
    () => (trace && previous ? diffRuns(previous.trace, trace, findingsOf(previous.trace, previous.hints), findingsOf(trace, hints)) : null),
    [trace, hints, previous],
  );
}
