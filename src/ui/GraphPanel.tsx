// The delivery graph panel: filter bar, the graph helper's DeliveryGraph (WebGL with an
// SVG fallback) and its legend, wired to the store.
import { usePlayground } from "./store.ts";
import { DeliveryGraph, type DeliveryGraphProps } from "./graph/DeliveryGraph.tsx";
import { GraphFiltersBar } from "./graph/Filters.tsx";
import { Legend } from "./graph/Legend.tsx";
import { useGraphDiff } from "./graph/diffHighlight.ts";
import { DEFAULT_FILTERS } from "./graph/graphFilters.ts";
import { runningNote, staleReason } from "./status.ts";

/** The empty graph's note during the first run of what is open; re-renders alone at each progress report. */
function RunningNote() {
  return <>{usePlayground(runningNote) ?? "No run yet."}</>;
}

/**
 * The graph at the store's time. Only this re-renders at each playback frame: the filter
 * bar and the legend around it do not (re-rendering their 20-odd inputs every frame reset
 * each input's attributes, and the page's whole paint was re-recorded for it).
 */
function GraphAtTime(props: Omit<DeliveryGraphProps, "time">) {
  const time = usePlayground((s) => s.time);
  return <DeliveryGraph {...props} time={time ?? props.trace?.scenario.end ?? 0} />;
}

export function GraphPanel() {
  const trace = usePlayground((s) => s.trace);
  const stale = usePlayground((s) => s.stale);
  const selectedUser = usePlayground((s) => s.selectedUser);
  const filters = usePlayground((s) => s.graphFilters);
  const setFilters = usePlayground((s) => s.setGraphFilters);
  const select = usePlayground((s) => s.select);
  const files = usePlayground((s) => s.files);
  const reveal = usePlayground((s) => s.revealLocation);
  const diff = useGraphDiff();
  const staleNote = usePlayground(staleReason);
  return (
    <div className="flex h-full flex-col" data-testid="graph" data-deliveries={trace?.deliveries.length ?? 0}>
      <GraphFiltersBar className="shrink-0 border-b border-slate-200 px-2 py-1 dark:border-slate-700" filters={filters} onChange={setFilters} servers={trace?.scenario.servers ?? []} />
      <div className="relative min-h-0 flex-1 overflow-hidden">
        <GraphAtTime
          className="h-full w-full"
          trace={trace}
          filters={filters}
          selectedUser={selectedUser}
          onSelectUser={(u) => select(u)}
          stale={stale}
          diff={diff}
          files={files}
          onReveal={reveal}
          onClearFilters={() => setFilters(DEFAULT_FILTERS)}
          staleNote={staleNote ?? undefined}
          emptyNote={<RunningNote />}
        />
      </div>
      <Legend className="shrink-0 border-t border-slate-200 px-2 py-1 dark:border-slate-700" />
    </div>
  );
}
