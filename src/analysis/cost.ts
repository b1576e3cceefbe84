// What a run costs: router calls and states passed per callback, ALL_USERS-path syncs,
// EDUs and entries per destination, wake-ups and sync responses, per run and per
// simulated minute. Counted from the facts the engine records (router_call call ids and
// call sites), so it is exact and deterministic. Goes into the trace (`cost`), the CLI's
// text output and the Cost tab.
import { columnsOf } from "../trace/columns.ts";
import type { CostCounts, RunCost, Trace, TraceEvent } from "../trace/types.ts";

const MINUTE = 60_000;

function zero(): CostCounts {
  return { gufs_calls: 0, gufs_states: 0, gis_calls: 0, module_calls: 0, all_path_syncs: 0, edus: 0, edu_entries: 0, wakeups: 0, sync_responses: 0 };
}

export function runCost(trace: Trace): RunCost {
  const total = zero();
  const minutes: CostCounts[] = Array.from({ length: Math.floor(trace.scenario.end / MINUTE) + 1 }, zero);
  const perDestination = new Map<string, { edus: number; entries: number }>();
  const seenCalls = new Set<string>();
  const add = (at: number, f: (c: CostCounts) => void) => {
    f(total);
    f(minutes[Math.min(minutes.length - 1, Math.max(0, Math.floor(at / MINUTE)))]!);
  };
  const routerCall = (at: number, server: string, call: number, callback: string, site: string, inputs: number) => {
    add(at, (c) => c.module_calls++);
    // One combined call per (server, call id); its modules' events share the id.
    const key = `${server}\t${call}`;
    if (seenCalls.has(key)) return;
    seenCalls.add(key);
    if (callback === "get_interested_users") add(at, (c) => c.gis_calls++);
    else {
      add(at, (c) => {
        c.gufs_calls++;
        c.gufs_states += inputs;
        if (site === "sync") c.all_path_syncs++;
      });
    }
  };
  const eduSent = (at: number, destination: string, n: number) => {
    add(at, (c) => {
      c.edus++;
      c.edu_entries += n;
    });
    let d = perDestination.get(destination);
    if (!d) perDestination.set(destination, (d = { edus: 0, entries: 0 }));
    d.edus++;
    d.entries += n;
  };
  const count = (e: TraceEvent) => {
    if (e.type === "router_call") routerCall(e.at, e.server, e.call, e.callback, e.site, Array.isArray(e.input) ? e.input.length : 0);
    else if (e.type === "edu_sent") eduSent(e.at, e.destination, e.edu.content.push.length);
    else if (e.type === "wake") add(e.at, (c) => c.wakeups++);
    else if (e.type === "sync") add(e.at, (c) => c.sync_responses++);
  };
  const cols = columnsOf(trace);
  if (cols) {
    // Straight from the engine's columns: rows of numbers give what is counted without
    // being materialised; the events kept as objects are counted as objects.
    for (let i = 0; i < cols.length; i++) {
      const type = cols.typeOf(i);
      const e = cols.objectOf(i);
      if (e) count(e);
      else if (type === "wake") add(cols.atOf(i), (c) => c.wakeups++);
      else if (type === "sync") add(cols.atOf(i), (c) => c.sync_responses++);
      else if (type === "router_call") {
        const f = cols.routerCallFacts(i)!;
        routerCall(cols.atOf(i), cols.serverOf(i), f.call, f.callback, f.site, f.inputs);
      } else if (type === "edu_sent") {
        const f = cols.eduSentFacts(i)!;
        eduSent(cols.atOf(i), f.destination, f.entries);
      }
    }
  } else for (const e of trace.events) count(e);
  return { duration: trace.scenario.end, ...total, per_destination: Object.fromEntries(perDestination), per_minute: minutes };
}
