// Events: every trace event, filterable by type, user and server (a hint with "Clear
// filters" when they hide everything). Clicking a row selects its time and user (graph,
// timeline and other tabs follow).
import { memo, useMemo } from "react";
import type { Trace } from "../../trace/types.ts";
import { NO_EVENT_FILTER, usePlayground } from "../store.ts";
import { VirtualList } from "./VirtualList.tsx";
import { eventUser, eventUsers, summarize } from "./format.ts";
import { RuleText } from "../glossary/RuleText.tsx";
import { SimTime } from "../time/SimTime.tsx";

const TYPES = ["request", "state", "router_call", "wake", "sync", "edu_sent", "edu_received", "module_call", "log", "error"];

export function EventsTab({ trace }: { trace: Trace }) {
  const filter = usePlayground((s) => s.eventFilter);
  const setFilter = usePlayground((s) => s.setEventFilter);
  const select = usePlayground((s) => s.select);
  const time = usePlayground((s) => s.time);
  const selectedEvent = usePlayground((s) => s.selectedEvent);
  const rows = useMemo(() => {
    const user = filter.user.trim().toLowerCase();
    return trace.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => filter.types.length === 0 || filter.types.includes(e.type))
      .filter(({ e }) => !filter.server || e.server === filter.server)
      .filter(({ e }) => !user || eventUsers(e).some((u) => u.toLowerCase().includes(user)));
  }, [trace, filter]);
  return (
    <div className="flex h-full flex-col">
      <EventsFilterBar servers={trace.scenario.servers} shown={rows.length} total={trace.events.length} />
      {rows.length === 0 && trace.events.length > 0 && (
        <p className="p-2 text-xs text-slate-600 dark:text-slate-300" data-testid="events-filter-hint" role="status">
          No event matches these filters.{" "}
          <button type="button" className="font-semibold text-sky-700 underline dark:text-sky-400" onClick={() => setFilter(NO_EVENT_FILTER)}>
            Clear filters
          </button>
        </p>
      )}
      <div className="min-h-0 flex-1">
        <VirtualList
          testid="events-list"
          items={rows}
          render={({ e, i }) => (
            <button
              type="button"
              data-event-index={i}
              title={summarize(e)}
              onClick={() => select(eventUser(e), e.at)}
              className={`flex w-full gap-2 truncate px-2 text-left font-mono text-xs leading-[22px] hover:bg-slate-100 dark:hover:bg-slate-800 ${i === selectedEvent ? "bg-sky-200 dark:bg-sky-800" : time !== null && e.at === time ? "bg-sky-50 dark:bg-sky-950" : ""}`}
            >
              <SimTime ms={e.at} className="w-20 shrink-0 text-right text-slate-500" />
              <span className="w-24 shrink-0 truncate text-slate-500">{e.server}</span>
              <span className={`w-24 shrink-0 ${e.type === "error" ? "text-red-600" : "text-sky-700 dark:text-sky-400"}`}>{e.type}</span>
              <span className="truncate"><RuleText text={summarize(e)} /></span>
            </button>
          )}
        />
      </div>
    </div>
  );
}

const field = "rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-600";

/**
 * The type, user and server filters: a component of its own so that the playhead's moves,
 * which re-render the list (the row at the current time is highlighted), leave its inputs
 * alone.
 */
const EventsFilterBar = memo(function EventsFilterBar({ servers, shown, total }: { servers: readonly string[]; shown: number; total: number }) {
  const filter = usePlayground((s) => s.eventFilter);
  const setFilter = usePlayground((s) => s.setEventFilter);
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-1 dark:border-slate-700">
      <select
        aria-label="event type"
        className={field}
        value={filter.types[0] ?? ""}
        onChange={(e) => setFilter({ types: e.target.value ? [e.target.value] : [] })}
      >
        <option value="">all types</option>
        {TYPES.map((t) => (
          <option key={t} value={t}>{t}</option>
        ))}
      </select>
      <input aria-label="user filter" placeholder="user…" className={field} value={filter.user} onChange={(e) => setFilter({ user: e.target.value })} />
      <select aria-label="server" className={field} value={filter.server} onChange={(e) => setFilter({ server: e.target.value })}>
        <option value="">all servers</option>
        {servers.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </select>
      <span className="text-xs text-slate-500">{shown.toLocaleString("en-US")} of {total.toLocaleString("en-US")}</span>
    </div>
  );
});
