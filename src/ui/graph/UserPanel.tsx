// Detail panel for the selected user: their presence at `time`, whose presence they see
// and why (deliveries), their sync responses exactly as on the wire, and the EDUs their
// server sent about them. Text only.
// Props: { trace, user, time, onJump(eventIndex) } — onJump selects an event in the
// inspector/timeline (the shell decides what that means).
import type { Trace } from "../../trace/types.ts";
import { presenceIndex } from "../../analysis/presence.ts";
import { STATE_COLORS } from "./style.ts";
import { edusAbout, sourcesSeenBy, syncEventsOf } from "./userDetail.ts";
import { VIA_COLORS } from "./via.ts";
import { SimTime } from "../time/SimTime.tsx";

export interface UserPanelProps {
  trace: Trace;
  user: string;
  time: number;
  onJump(eventIndex: number): void;
  className?: string;
}

/** Newest entries shown per list; older ones are summarised. */
const MAX_ROWS = 50;

export function UserPanel({ trace, user, time, onJump, className }: UserPanelProps) {
  const p = presenceIndex(trace).at(user, time);
  const seen = sourcesSeenBy(trace, user, time);
  const syncs = syncEventsOf(trace, user, time);
  const edus = edusAbout(trace, user, time);
  const jump = "text-left underline decoration-dotted hover:text-sky-600 dark:hover:text-sky-400";
  return (
    <div className={`flex flex-col gap-3 overflow-auto p-2 text-xs text-slate-800 dark:text-slate-200 ${className ?? ""}`} aria-label={`Details of ${user}`}>
      <section>
        <h3 className="break-all text-sm font-semibold">{user}</h3>
        <div>
          <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: STATE_COLORS[p.state] }} />
          {p.record ? p.record.state : p.state} at <SimTime ms={time} />
          {p.record?.status_msg ? ` — “${p.record.status_msg}”` : ""}
          {p.event !== null && (
            <button type="button" className={`ml-2 ${jump}`} onClick={() => onJump(p.event!)}>
              (set at <SimTime ms={trace.events[p.event]!.at} />)
            </button>
          )}
        </div>
      </section>

      <section>
        <h4 className="font-semibold">Sees the presence of ({seen.length})</h4>
        {seen.length === 0 ? (
          <p className="text-slate-500">Nobody yet: no sync has returned presence to this user.</p>
        ) : (
          <table className="w-full">
            <thead className="text-slate-500">
              <tr>
                <th className="text-left font-normal">source</th>
                <th className="text-left font-normal">why</th>
                <th className="text-left font-normal">first</th>
                <th className="text-left font-normal">last</th>
              </tr>
            </thead>
            <tbody>
              {seen.slice(0, MAX_ROWS * 4).map((r) => (
                <tr key={r.source}>
                  <td className="break-all pr-2">{r.source}</td>
                  <td className="pr-2">
                    {r.kind && <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: VIA_COLORS[r.kind] }} />}
                    {r.vias.join(", ")}
                  </td>
                  <td className="pr-2"><SimTime ms={r.first} /></td>
                  <td>
                    {r.event !== null ? (
                      <button type="button" className={jump} onClick={() => onJump(r.event!)}>
                        <SimTime ms={r.last} /> ({r.lastState}, ×{r.count})
                      </button>
                    ) : (
                      <><SimTime ms={r.last} /> ({r.lastState}, ×{r.count})</>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h4 className="font-semibold">Sync responses ({syncs.length})</h4>
        {syncs.length > MAX_ROWS && <p className="text-slate-500">Showing the latest {MAX_ROWS}.</p>}
        {syncs.slice(-MAX_ROWS).map(({ index, e }) => (
          <details key={index} className="border-b border-slate-200 py-0.5 dark:border-slate-700">
            <summary className="cursor-pointer">
              <SimTime ms={e.at} /> {e.mode} sync{e.label ? ` “${e.label}”` : ""} ({e.device}){" "}
              {e.error ? <span className="text-red-600 dark:text-red-400">failed: {e.error.status} {e.error.errcode}</span> : `${e.response.presence?.events.length ?? 0} presence events`}
              <button type="button" className={`ml-2 ${jump}`} onClick={() => onJump(index)}>
                show event
              </button>
            </summary>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-1 dark:bg-slate-800">{JSON.stringify(e.error ?? e.response, null, 2)}</pre>
          </details>
        ))}
      </section>

      <section>
        <h4 className="font-semibold">EDUs sent about them ({edus.length})</h4>
        {edus.length === 0 && <p className="text-slate-500">Their server has not federated their presence (yet).</p>}
        {edus.slice(-MAX_ROWS).map((x) => (
          <details key={`${x.index}`} className="border-b border-slate-200 py-0.5 dark:border-slate-700">
            <summary className="cursor-pointer">
              <SimTime ms={x.at} /> → {x.destination} (txn {x.txn_id})
              <button type="button" className={`ml-2 ${jump}`} onClick={() => onJump(x.index)}>
                show event
              </button>
            </summary>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-1 dark:bg-slate-800">{JSON.stringify(x.entry, null, 2)}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}
