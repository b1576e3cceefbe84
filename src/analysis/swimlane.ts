// Presence over time, per user: the segments of their state (as their own server holds
// it, R4), each change with its cause in words (timeouts explained with the rule and the
// time that elapsed), and what each device did (syncs held open, PUTs). Pure data for the
// swimlane view; deterministic.
import type { StateCause, Trace } from "../trace/types.ts";
import { serverOf } from "./ids.ts";
import { formatOffset } from "./time.ts";

export interface LaneSegment {
  /** Offsets, ms; `to` is the next change or the end of the run. */
  from: number;
  to: number;
  state: string;
  status_msg: string | null;
  currently_active: boolean;
}

export interface LaneChange {
  at: number;
  /** Index into trace.events of the state event. */
  event: number;
  from: string;
  to: string;
  cause: StateCause;
  /** Why, in words: "idle: no activity for 5 min 4 s since +00:16.000 (R26)". */
  why: string;
  timeout: boolean;
}

export interface DeviceLane {
  device: string;
  /** Syncs of this device: from the request's start to its response. */
  syncs: Array<{ from: number; to: number; event: number; failed: boolean }>;
  /** PUT /presence from this device. */
  puts: Array<{ at: number; state: string; event: number }>;
}

export interface PresenceLane {
  user: string;
  end: number;
  segments: LaneSegment[];
  /** State changes only (a record update that keeps the state is not a change here). */
  changes: LaneChange[];
  devices: DeviceLane[];
}

/** "5 min 4 s", "30 s", "1.5 s" */
export function duration(ms: number): string {
  if (ms < 10_000 && ms % 1000 !== 0) return `${ms / 1000} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m < 60) return r ? `${m} min ${r} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

const CAUSES: Record<Exclude<StateCause, "timeout">, string> = {
  put: "PUT /presence (R18)",
  sync: "a sync set it (set_presence, R16)",
  sync_end: "a sync ended (R16)",
  activity: "user activity (R17)",
  edu: "a presence EDU from their server (R41)",
  module_api: "the module API (R69)",
  restart: "a server restart (R21)",
  startup: "server startup (R21)",
};

/** The presence lane of `user` over the whole run. */
export function presenceLane(trace: Trace, user: string): PresenceLane {
  const start = trace.scenario.start_time;
  const end = trace.scenario.end;
  const home = serverOf(user);
  const segments: LaneSegment[] = [];
  const changes: LaneChange[] = [];
  const devices = new Map<string, DeviceLane>();
  const device = (d: string) => {
    let l = devices.get(d);
    if (!l) devices.set(d, (l = { device: d, syncs: [], puts: [] }));
    return l;
  };
  let cur: LaneSegment | null = null;
  trace.events.forEach((e, i) => {
    if (e.type === "state" && e.user === user && e.server === home) {
      const a = e.after;
      if (!cur) cur = { from: 0, to: e.at, state: e.before.state, status_msg: e.before.status_msg, currently_active: e.before.currently_active };
      const same = cur.state === a.state && cur.status_msg === a.status_msg && cur.currently_active === a.currently_active;
      if (!same) {
        cur.to = e.at;
        if (cur.to > cur.from) segments.push(cur);
        cur = { from: e.at, to: end, state: a.state, status_msg: a.status_msg, currently_active: a.currently_active };
      }
      if (e.before.state !== a.state) {
        const cause = e.cause;
        const timeout = cause === "timeout";
        let why: string;
        if (cause !== "timeout") why = CAUSES[cause];
        else if (a.state === "unavailable") {
          why = `idle: no activity for ${duration(start + e.at - a.last_active_ts)} since ${formatOffset(a.last_active_ts - start)} (R26)`;
        } else {
          const facts = [a.last_user_sync_ts > 0 && `last sync ${formatOffset(a.last_user_sync_ts - start)}`, a.last_active_ts > 0 && `last activity ${formatOffset(a.last_active_ts - start)}`].filter(Boolean);
          why = `timed out: no device is syncing or recently active any more${facts.length ? ` (${facts.join(", ")})` : ""} (R26, S4)`;
        }
        changes.push({ at: e.at, event: i, from: e.before.state, to: a.state, cause: e.cause, why, timeout });
      }
    } else if (e.type === "sync" && e.user === user) {
      device(e.device).syncs.push({ from: e.started_at, to: e.at, event: i, failed: e.error !== null });
    } else if (e.type === "request" && e.request.user === user && e.request.method === "PUT" && e.request.path.endsWith("/status")) {
      const body = e.request.body as { presence?: unknown } | undefined;
      device(e.request.device ?? "(none)").puts.push({ at: e.at, state: typeof body?.presence === "string" ? body.presence : "?", event: i });
    }
  });
  const last: LaneSegment = cur ?? { from: 0, to: end, state: "offline", status_msg: null, currently_active: false };
  last.to = end;
  if (last.to > last.from || segments.length === 0) segments.push(last);
  return { user, end, segments, changes, devices: [...devices.values()] };
}
