// Presence of a user at a time offset, as their OWN server holds it, from the trace's
// `state` events (one per change of the current record, R4). Indexed once per trace.
import type { PresenceRecord, StateEvent, Trace } from "../trace/types.ts";
import { lastAtOrBefore, serverOf } from "./ids.ts";

export type NodeState = "online" | "unavailable" | "offline" | "busy" | "unknown";

/** R1 states to the five display classes; anything else (a remote's garbage, R43) is unknown. */
export function displayState(state: string | null | undefined): NodeState {
  switch (state) {
    case "online":
    case "unavailable":
    case "offline":
      return state;
    case "org.matrix.msc3026.busy":
      return "busy";
    default:
      return "unknown";
  }
}

export interface PresenceAt {
  /** The current record, or null when the user's server holds none we know of. */
  record: PresenceRecord | null;
  state: NodeState;
  /** R54: now − last_active_ts, only when last_active_ts ≠ 0. */
  last_active_ago: number | null;
  /** Index into trace.events of the state event that set it, or null. */
  event: number | null;
}

export interface PresenceIndex {
  at(user: string, t: number): PresenceAt;
}

interface Change {
  at: number;
  event: number;
  e: StateEvent;
}

const cache = new WeakMap<Trace, PresenceIndex>();

/** Builds (or reuses) the per-user index of own-server state events. */
export function presenceIndex(trace: Trace): PresenceIndex {
  const hit = cache.get(trace);
  if (hit) return hit;
  const servers = new Set(trace.scenario.servers);
  const byUser = new Map<string, Change[]>();
  trace.events.forEach((e, i) => {
    if (e.type !== "state" || e.server !== serverOf(e.user)) return;
    let list = byUser.get(e.user);
    if (!list) byUser.set(e.user, (list = []));
    list.push({ at: e.at, event: i, e });
  });
  // Events are in time order; a stable sort keeps that true even if a producer slips.
  for (const list of byUser.values()) list.sort((a, b) => a.at - b.at || a.event - b.event);
  const now0 = trace.scenario.start_time;
  const index: PresenceIndex = {
    at(user, t) {
      const list = byUser.get(user);
      if (!list || list.length === 0) {
        // A user of a simulated server with no change yet has the R2 default (offline).
        return servers.has(serverOf(user))
          ? { record: null, state: "offline", last_active_ago: null, event: null }
          : { record: null, state: "unknown", last_active_ago: null, event: null };
      }
      const i = lastAtOrBefore(list, t, (c) => c.at);
      const c = i < 0 ? null : list[i]!;
      const record = c ? c.e.after : list[0]!.e.before;
      const ago = record.last_active_ts !== 0 ? now0 + t - record.last_active_ts : null;
      return { record, state: displayState(record.state), last_active_ago: ago, event: c ? c.event : null };
    },
  };
  cache.set(trace, index);
  return index;
}
