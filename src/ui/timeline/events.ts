// Pure helpers for the timeline: event times, stepping, tick marks, playback.
import type { Trace } from "../../trace/types.ts";
import { displayState, type NodeState } from "../../analysis/presence.ts";

const timesCache = new WeakMap<Trace, number[]>();

/** Sorted distinct `at` offsets of all events (and deliveries) of the trace. */
export function eventTimes(trace: Trace): number[] {
  const hit = timesCache.get(trace);
  if (hit) return hit;
  const set = new Set<number>();
  for (const e of trace.events) set.add(e.at);
  for (const d of trace.deliveries) set.add(d.at);
  const times = [...set].sort((a, b) => a - b);
  timesCache.set(trace, times);
  return times;
}

/** The first event time strictly after t, or null. */
export function nextEventTime(trace: Trace, t: number): number | null {
  const ts = eventTimes(trace);
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo < ts.length ? ts[lo]! : null;
}

/** The last event time strictly before t, or null. */
export function prevEventTime(trace: Trace, t: number): number | null {
  const ts = eventTimes(trace);
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ts[lo - 1]! : null;
}

export type TickKind = "state" | "sync" | "federation" | "router" | "error";

export interface TickMark {
  at: number;
  kind: TickKind;
  /** For state ticks: the new state's display class (online → unavailable → offline timeouts). */
  state?: NodeState;
  /** Events merged into this tick (same bucket, kind and state). */
  count: number;
  /** Index into trace.events of the first merged event. */
  event: number;
  /** Short text for a title tooltip. */
  title: string;
}

function tickKind(type: string, failed: boolean): TickKind | null {
  if (failed) return "error";
  switch (type) {
    case "state":
      return "state";
    case "sync":
      return "sync";
    case "edu_sent":
    case "edu_received":
      return "federation";
    case "router_call":
      return "router";
    case "error":
      return "error";
    default:
      return null;
  }
}

/**
 * Tick marks over [0, end], merged per bucket (of end/buckets ms) and (kind, state) so a
 * long trace stays a few hundred DOM nodes. Order: by bucket, then first event.
 */
export function tickMarks(trace: Trace, buckets = 400): TickMark[] {
  const end = Math.max(1, trace.scenario.end);
  const width = end / buckets;
  const ticks = new Map<string, TickMark>();
  trace.events.forEach((e, i) => {
    const failed =
      (e.type === "sync" && e.error !== null) ||
      (e.type === "router_call" && e.error !== null) ||
      (e.type === "module_call" && e.error !== null) ||
      (e.type === "log" && e.level === "error");
    const kind = tickKind(e.type, failed);
    if (kind === null) return;
    const state = e.type === "state" && kind === "state" ? displayState(e.after.state) : undefined;
    const bucket = Math.min(buckets, Math.floor(e.at / width));
    const key = `${bucket}\t${kind}\t${state ?? ""}`;
    const t = ticks.get(key);
    if (t) {
      t.count++;
      return;
    }
    let title: string;
    if (e.type === "state") title = `${e.user}: ${e.before.state} → ${e.after.state} (${e.cause}) on ${e.server}`;
    else if (e.type === "sync") title = `${e.user} sync${e.error ? ` failed: ${e.error.status} ${e.error.errcode}` : ""}`;
    else if (e.type === "router_call") title = `${e.module} ${e.callback}${e.error ? ` raised: ${e.error.message}` : ""}`;
    else if (e.type === "edu_sent") title = `EDU ${e.server} → ${e.destination}`;
    else if (e.type === "edu_received") title = `EDU ${e.origin} → ${e.server}`;
    else if (e.type === "module_call") title = `${e.call} failed: ${e.error}`;
    else if (e.type === "log" || e.type === "error") title = e.message;
    else title = e.type;
    ticks.set(key, { at: e.at, kind, state, count: 1, event: i, title });
  });
  return [...ticks.values()].sort((a, b) => a.at - b.at || a.event - b.event);
}

/** One playback frame: advance by dt (wall ms) × speed, clamped to end; done at the end. */
export function advance(time: number, dtMs: number, speed: number, end: number): { time: number; done: boolean } {
  const next = time + Math.max(0, dtMs) * speed;
  return next >= end ? { time: end, done: true } : { time: next, done: false };
}

/** Clamp t into [0, end]. */
export function clampTime(t: number, end: number): number {
  return Math.min(Math.max(0, t), Math.max(0, end));
}

export const SPEEDS = [1, 10, 100, 1000] as const;
