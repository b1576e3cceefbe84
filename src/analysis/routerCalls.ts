// Router calls of a trace, combined the way Synapse combines callbacks (R61, R62): the
// engine emits one `router_call` event per module callback; consecutive events on one
// server with the same time, callback and input, from distinct modules, form one call.
import type { ModuleErrorInfo, PresenceRecord, RouterCallEvent, Trace } from "../trace/types.ts";

/** A module's part of a call that went wrong: it raised (R63), or returned something Synapse cannot use (R61/R62 warnings). */
export interface CallFailure {
  module: string;
  /** Index into trace.events of that module's router_call event. */
  event: number;
  error: ModuleErrorInfo | null;
  warnings: string[];
}

interface CallBase {
  server: string;
  at: number;
  /** Index into trace.events of the first event of the call. */
  event: number;
  modules: string[];
  /** Modules whose part raised or was (partly) skipped; empty when every module answered cleanly. */
  failures: CallFailure[];
}

export interface InterestCall extends CallBase {
  callback: "get_interested_users";
  user: string;
  /** R62: "ALL" as soon as one module returns it; else the union; failed modules add nothing. */
  result: Set<string> | "ALL";
  /** user id (or "ALL") → module that first contributed it. */
  contributor: Map<string, string>;
}

export interface MappingCall extends CallBase {
  callback: "get_users_for_states";
  input: PresenceRecord[];
  /** R61: key → records (deduplicated by user id here; the analysis is about who, not which record). */
  result: Map<string, Map<string, PresenceRecord>>;
  /** `${key}\t${user_id}` → module that first contributed it. */
  contributor: Map<string, string>;
  /** Set when this call is the ALL-path sync computation (R51, R37 #4/#5) for this user. */
  allPathFor: string | null;
}

export type RouterCall = InterestCall | MappingCall;

const inputKey = (e: RouterCallEvent): string => JSON.stringify(e.input);

/**
 * Whether `e` is the same call as `first` (its first event): same time, callback and
 * input. The inputs are compared by value (their JSON), and only once the cheaper
 * conditions hold; the engine's events of one call share one input array, so identity
 * usually answers.
 */
function sameCall(first: RouterCallEvent, e: RouterCallEvent): boolean {
  return first.at === e.at && first.callback === e.callback && (first.input === e.input || inputKey(first) === inputKey(e));
}

/** Combined router calls of every server, in trace order. */
export function combinedRouterCalls(trace: Trace): RouterCall[] {
  const calls: RouterCall[] = [];
  const open = new Map<string, { call: RouterCall; first: RouterCallEvent }>();
  trace.events.forEach((e, i) => {
    if (e.type !== "router_call") return;
    const cur = open.get(e.server);
    let call: RouterCall;
    if (cur && !cur.call.modules.includes(e.module) && !(cur.call.callback === "get_interested_users" && cur.call.result === "ALL") && sameCall(cur.first, e)) {
      call = cur.call;
    } else {
      call = newCall(e, i, cur?.call ?? null);
      calls.push(call);
      open.set(e.server, { call, first: e });
    }
    call.modules.push(e.module);
    if (e.error || e.warnings.length) call.failures.push({ module: e.module, event: i, error: e.error, warnings: e.warnings });
    merge(call, e);
  });
  return calls;
}

function newCall(e: RouterCallEvent, event: number, previous: RouterCall | null): RouterCall {
  if (e.callback === "get_interested_users") {
    return { server: e.server, at: e.at, event, modules: [], failures: [], callback: "get_interested_users", user: String(e.input), result: new Set(), contributor: new Map() };
  }
  // R51 / R37 #4–#5: right after get_interested_users(u) → ALL, at the same time, the
  // server maps all candidates and uses only result[u].
  const allPathFor =
    previous && previous.callback === "get_interested_users" && previous.result === "ALL" && previous.at === e.at ? previous.user : null;
  return {
    server: e.server,
    at: e.at,
    event,
    modules: [],
    failures: [],
    callback: "get_users_for_states",
    input: Array.isArray(e.input) ? e.input : [],
    result: new Map(),
    contributor: new Map(),
    allPathFor,
  };
}

function merge(call: RouterCall, e: RouterCallEvent): void {
  const out = e.output;
  if (out === null || e.error) return; // R61/R62: a failing module contributes nothing
  if (call.callback === "get_interested_users") {
    if (call.result === "ALL") return;
    if (out === "ALL") {
      call.result = "ALL";
      call.contributor.set("ALL", e.module);
    } else if (Array.isArray(out)) {
      for (const u of out) {
        if (typeof u !== "string") continue;
        call.result.add(u);
        if (!call.contributor.has(u)) call.contributor.set(u, e.module);
      }
    }
    return;
  }
  if (typeof out !== "object" || Array.isArray(out)) return;
  for (const [key, records] of Object.entries(out)) {
    if (!Array.isArray(records)) continue;
    let m = call.result.get(key);
    if (!m) call.result.set(key, (m = new Map()));
    for (const r of records) {
      if (!r || typeof r.user_id !== "string") continue;
      if (!m.has(r.user_id)) m.set(r.user_id, r);
      const c = `${key}\t${r.user_id}`;
      if (!call.contributor.has(c)) call.contributor.set(c, e.module);
    }
  }
}
