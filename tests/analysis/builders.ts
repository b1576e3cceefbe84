// Hand-made trace pieces for the analysis and UI tests.
import type { Delivery, PresenceRecord, RouterCallEvent, StateEvent, SyncEvent, Trace, TraceEvent } from "../../src/trace/types.ts";

export const START = 1767225600000;

export function rec(user_id: string, state = "online", extra: Partial<PresenceRecord> = {}): PresenceRecord {
  return {
    user_id,
    state,
    last_active_ts: START,
    last_federation_update_ts: 0,
    last_user_sync_ts: 0,
    status_msg: null,
    currently_active: false,
    ...extra,
  };
}

export function makeTrace(p: { servers: string[]; users: string[]; end?: number; events?: TraceEvent[]; deliveries?: Delivery[] }): Trace {
  return {
    version: 1,
    scenario: { servers: p.servers, users: p.users, start_time: START, end: p.end ?? 60000 },
    events: p.events ?? [],
    deliveries: p.deliveries ?? [],
    final: {},
    expectations: [],
    errors: [],
  };
}

export function stateEv(at: number, server: string, user: string, from: string, to: string, extra: Partial<PresenceRecord> = {}): StateEvent {
  return {
    at,
    server,
    type: "state",
    user,
    before: rec(user, from),
    after: rec(user, to, extra),
    notified: true,
    cause: "put",
  };
}

export function delivery(at: number, source: string, viewer: string, via: string[], p: Partial<Delivery> = {}): Delivery {
  const federation = !viewer.startsWith("@");
  return {
    at,
    server: federation ? viewer : viewer.slice(viewer.indexOf(":") + 1),
    source,
    viewer,
    transport: federation ? "federation" : "sync",
    state: "online",
    via,
    ...p,
  };
}

/** Call ids for the router_call builders: each built event is its own combined call unless `extra.call` says otherwise. */
let callIds = 0;

export function gufs(at: number, server: string, input: PresenceRecord[], output: Record<string, PresenceRecord[]> | null, module = "router.ts", extra: Partial<RouterCallEvent> = {}): RouterCallEvent {
  return { at, server, type: "router_call", call: ++callIds, site: "wake", for_user: null, module, callback: "get_users_for_states", input, output, ms: 0, warnings: [], error: output === null ? { message: "boom" } : null, ...extra };
}

export function gis(at: number, server: string, user: string, output: string[] | "ALL" | null, module = "router.ts", extra: Partial<RouterCallEvent> = {}): RouterCallEvent {
  return { at, server, type: "router_call", call: ++callIds, site: "sync", for_user: user, module, callback: "get_interested_users", input: user, output, ms: 0, warnings: [], error: output === null ? { message: "boom" } : null, ...extra };
}

export function syncEv(at: number, server: string, user: string, senders: string[], error: SyncEvent["error"] = null): SyncEvent {
  return {
    at,
    started_at: at,
    server,
    type: "sync",
    label: null,
    user,
    device: "DEV",
    mode: "incremental",
    since: "s1",
    next_batch: "s2",
    response: senders.length ? { presence: { events: senders.map((s) => ({ type: "m.presence" as const, sender: s, content: { presence: "online" } })) } } : {},
    error,
  };
}
