// Pure data for the user panel: whose presence a user sees and why, their sync
// responses, and the EDUs their server sent about them, all up to a time.
import type { EduSentEvent, SyncEvent, Trace } from "../../trace/types.ts";
import { serverOf } from "../../analysis/ids.ts";
import { strongestVia, type ViaKind } from "./via.ts";

export interface SeenSource {
  source: string;
  /** Every raw via, in order of first appearance. */
  vias: string[];
  kind: ViaKind | null;
  first: number;
  last: number;
  count: number;
  lastState: string;
  /** Index of the sync event that delivered the latest one (to jump to), or null. */
  event: number | null;
}

/** Sync deliveries to `user` up to `time`, one row per source, in order of first delivery. */
export function sourcesSeenBy(trace: Trace, user: string, time: number): SeenSource[] {
  const rows = new Map<string, SeenSource>();
  for (const d of trace.deliveries) {
    if (d.transport !== "sync" || d.viewer !== user || d.at > time) continue;
    let r = rows.get(d.source);
    if (!r) rows.set(d.source, (r = { source: d.source, vias: [], kind: null, first: d.at, last: d.at, count: 0, lastState: d.state, event: null }));
    r.count++;
    r.first = Math.min(r.first, d.at);
    if (d.at >= r.last) {
      r.last = d.at;
      r.lastState = d.state;
    }
    for (const v of d.via) if (!r.vias.includes(v)) r.vias.push(v);
  }
  // The sync that returned at the delivery's time and carried this sender (latest wins).
  const carried = new Map<string, number>();
  for (const { index, e } of syncEventsOf(trace, user, time)) {
    for (const p of e.response.presence?.events ?? []) carried.set(`${e.at}\t${p.sender}`, index);
  }
  for (const r of rows.values()) {
    r.kind = strongestVia(r.vias);
    r.event = carried.get(`${r.last}\t${r.source}`) ?? null;
  }
  return [...rows.values()].sort((a, b) => a.first - b.first || (a.source < b.source ? -1 : 1));
}

/** The user's sync events (returned at or before `time`), in trace order. */
export function syncEventsOf(trace: Trace, user: string, time: number): Array<{ index: number; e: SyncEvent }> {
  const out: Array<{ index: number; e: SyncEvent }> = [];
  trace.events.forEach((e, index) => {
    if (e.type === "sync" && e.user === user && e.at <= time) out.push({ index, e });
  });
  return out;
}

export interface EduAbout {
  index: number;
  at: number;
  destination: string;
  txn_id: string;
  /** The R38 entry about the user, exactly as sent. */
  entry: unknown;
}

/** EDUs the user's own server sent with an entry about the user, up to `time`. */
export function edusAbout(trace: Trace, user: string, time: number): EduAbout[] {
  const server = serverOf(user);
  const out: EduAbout[] = [];
  trace.events.forEach((e, index) => {
    if (e.type !== "edu_sent" || e.server !== server || e.at > time) return;
    const push = (e as EduSentEvent).edu?.content?.push;
    if (!Array.isArray(push)) return;
    for (const entry of push) {
      if (entry && entry.user_id === user) out.push({ index, at: e.at, destination: e.destination, txn_id: e.txn_id, entry });
    }
  });
  return out;
}
