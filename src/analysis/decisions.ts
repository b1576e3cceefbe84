// What the router decided for each (from, to) pair, and what became of it, read from the
// facts the engine records: router_call events (with their call id and call site),
// wake events, sync events and deliveries. Nothing is inferred from event order.
//
//   routed:  a get_users_for_states call of the wake / federation / ping path returned
//            `to` as a key with a record of `from` (R31, R33: "tell `to` about `from`");
//   allowed: get_interested_users(to) returned a set containing `from` (R50), or returned
//            ALL and the ALL path's mapping gave `to` a record of `from` (R51).
//
// The outcome, strongest first: delivered by sync; delivered by federation (an EDU to
// `to`'s server carried `from`, R33); `to` is not a user of the scenario; `to` never
// syncs in the scenario; woken by the router but the sync showed nothing of `from` (S6);
// not delivered.
import type { RouterCallEvent, Trace } from "../trace/types.ts";
import { serverOf } from "./ids.ts";
import { PairMap } from "./pairMap.ts";

export type Decision = "routed" | "allowed" | "both";

export type Outcome = "delivered_sync" | "delivered_federation" | "unknown_target" | "no_sync" | "woken_nothing" | "not_delivered";

export interface PairDecision {
  from: string;
  to: string;
  decision: Decision;
  outcome: Outcome;
  /** Time of the first router call that routed or allowed the pair. */
  first: number;
  /** Indexes into trace.events of the router_call events behind the decision, in trace order. */
  events: number[];
  /** Combined call ids (RouterCallEvent.call) behind the decision, in trace order. */
  calls: number[];
  /** Indexes into trace.events of `to`'s wake events with the reason "router". */
  wakes: number[];
  /** Indexes into trace.deliveries of deliveries of `from` to `to` (sync) or to `to`'s server (federation, via router). */
  deliveries: number[];
}

/** A user the router mentions who cannot receive what it decided. */
export interface TargetFlag {
  user: string;
  kind: "no_sync" | "unknown_target";
  message: string;
  /** Index into trace.events of the first router call that routed to or allowed the user. */
  event: number;
}

/** Sites where get_users_for_states routes ("direct" calls, made outside the simulation, decide nothing). */
const ROUTING_SITES: ReadonlySet<RouterCallEvent["site"]> = new Set(["wake", "federation", "ping"]);

interface Acc {
  from: string;
  to: string;
  routed: boolean;
  allowed: boolean;
  first: number;
  events: number[];
  calls: number[];
}

const cache = new WeakMap<Trace, PairDecision[]>();

/** Every pair the router routed or allowed (self pairs left out), in order of first decision. */
export function routingDecisions(trace: Trace): PairDecision[] {
  const hit = cache.get(trace);
  if (hit) return hit;
  const pairs = new PairMap<Acc>();
  const order: Acc[] = [];
  const note = (from: string, to: string, how: "routed" | "allowed", e: RouterCallEvent, i: number) => {
    if (from === to) return;
    const p = pairs.getOr(from, to, () => {
      const made: Acc = { from, to, routed: false, allowed: false, first: e.at, events: [], calls: [] };
      order.push(made);
      return made;
    });
    p[how] = true;
    if (p.events[p.events.length - 1] !== i) p.events.push(i);
    if (!p.calls.includes(e.call)) p.calls.push(e.call);
  };
  const wakes = new Map<string, number[]>();
  const syncs = new Set<string>();
  trace.events.forEach((e, i) => {
    if (e.type === "wake") {
      if (!e.reasons.includes("router")) return;
      let w = wakes.get(e.user);
      if (!w) wakes.set(e.user, (w = []));
      w.push(i);
      return;
    }
    if (e.type === "sync") {
      syncs.add(e.user);
      return;
    }
    if (e.type !== "router_call" || e.error || e.output === null) return;
    if (e.callback === "get_interested_users") {
      // R50: the set path. ALL is decided by the mapping that follows (site "sync").
      if (Array.isArray(e.output) && typeof e.input === "string") for (const u of e.output) note(u, e.input, "allowed", e, i);
      return;
    }
    const out = e.output;
    if (Array.isArray(out) || typeof out !== "object") return;
    if (ROUTING_SITES.has(e.site)) {
      for (const [to, records] of Object.entries(out)) for (const r of records) note(r.user_id, to, "routed", e, i);
    } else if ((e.site === "sync" || e.site === "snapshot") && e.for_user !== null) {
      // R51 ALL path ("sync", "snapshot"): only the syncing user's entry is used.
      for (const r of out[e.for_user] ?? []) note(r.user_id, e.for_user, "allowed", e, i);
    }
  });
  const users = new Set(trace.scenario.users);
  // Only the deliveries of a decided pair are kept: sync ones by (from, to), federation
  // ones (via the router) by (from, to's server).
  const syncDeliveries = new PairMap<number[]>();
  const fedDeliveries = new PairMap<number[]>();
  trace.deliveries.forEach((d, i) => {
    if (!pairs.hasFirst(d.source)) return;
    if (d.transport === "sync") {
      if (pairs.get(d.source, d.viewer)) syncDeliveries.getOr(d.source, d.viewer, () => []).push(i);
    } else if (d.via.includes("router")) fedDeliveries.getOr(d.source, d.viewer, () => []).push(i);
  });
  const result: PairDecision[] = [];
  for (const p of order) {
    const bySync = syncDeliveries.get(p.from, p.to) ?? [];
    const byFed = p.routed ? (fedDeliveries.get(p.from, serverOf(p.to)) ?? []) : [];
    const woken = p.routed ? (wakes.get(p.to) ?? []).filter((w) => trace.events[w]!.at >= p.first) : [];
    let outcome: Outcome;
    if (bySync.length) outcome = "delivered_sync";
    else if (byFed.length) outcome = "delivered_federation";
    else if (!users.has(p.to)) outcome = "unknown_target";
    else if (!syncs.has(p.to)) outcome = "no_sync";
    else if (woken.length) outcome = "woken_nothing";
    else outcome = "not_delivered";
    result.push({
      from: p.from,
      to: p.to,
      decision: p.routed && p.allowed ? "both" : p.routed ? "routed" : "allowed",
      outcome,
      first: p.first,
      events: p.events,
      calls: p.calls,
      wakes: woken,
      deliveries: [...bySync, ...byFed],
    });
  }
  cache.set(trace, result);
  return result;
}

/**
 * Users the router routes to (or lets see) who cannot receive it: not in the scenario,
 * or never syncing. One flag per user, in order of first decision.
 */
export function targetFlags(trace: Trace): TargetFlag[] {
  const flags = new Map<string, TargetFlag>();
  for (const p of routingDecisions(trace)) {
    if (flags.has(p.to)) continue;
    if (p.outcome === "unknown_target") {
      flags.set(p.to, { user: p.to, kind: "unknown_target", event: p.events[0]!, message: `${p.to} is not a user of this scenario: the router's decision goes nowhere (check the id, or add the user)` });
    } else if (p.outcome === "no_sync") {
      flags.set(p.to, { user: p.to, kind: "no_sync", event: p.events[0]!, message: `${p.to} has no sync in this scenario: add a client` });
    }
  }
  return [...flags.values()];
}

/** The decision for one pair, or null when the router neither routed nor allowed it. */
export function decisionOf(trace: Trace, from: string, to: string): PairDecision | null {
  return routingDecisions(trace).find((p) => p.from === from && p.to === to) ?? null;
}
