// Evaluates the expectations of scenario-format §3 over a finished run trace.
import type { Expectation, Scenario } from "./types.ts";
import type { ExpectationResult, PresenceEvent, PresenceRecord, SyncEvent, Trace, TraceEvent } from "../trace/types.ts";
import { formatDuration } from "./durations.ts";
import { noErrors } from "./expectErrors.ts";
import { splitId } from "./ids.ts";
import { defaultRecord, recordMismatch, requestExp, wireMismatch, type Outcome } from "./expectMatch.ts";

type RunTrace = Omit<Trace, "expectations">;

export function evaluateExpectations(scenario: Scenario, trace: RunTrace): ExpectationResult[] {
  const short = shortNames(scenario);
  return scenario.expect.map((x) => {
    const o = evaluate(scenario, trace, x, short);
    const res: ExpectationResult = { name: x.name ?? defaultName(scenario, x, short), ok: o.ok, detail: o.detail };
    if (o.event !== undefined) res.event = o.event;
    res.path = x.path;
    return res;
  });
}

function evaluate(sc: Scenario, t: RunTrace, x: Expectation, short: (id: string) => string): Outcome {
  switch (x.kind) {
    case "sync":
      return syncExp(t, x);
    case "state":
      return stateExp(sc, t, x);
    case "edus":
      return edusExp(t, x);
    case "request":
      return requestExp(t, x);
    case "sees":
    case "never_sees":
      return seesExp(t, x, short);
    case "no_errors":
      // A request that a `request` expectation names is judged there, not here.
      return noErrors(t, new Set(sc.expect.flatMap((e) => (e.kind === "request" ? [e.label] : []))));
  }
}

/** "@bob" when the localpart is unique among the scenario's users, else the full id. */
function shortNames(sc: Scenario): (id: string) => string {
  const count = new Map<string, number>();
  const local = (id: string) => id.slice(0, Math.max(1, id.indexOf(":")));
  for (const u of sc.users) count.set(local(u.id), (count.get(local(u.id)) ?? 0) + 1);
  return (id) => (count.get(local(id)) === 1 && sc.users.some((u) => u.id === id) ? local(id) : id);
}

function defaultName(sc: Scenario, x: Expectation, short: (id: string) => string): string {
  switch (x.kind) {
    case "sync": {
      const step = sc.steps.find((s) => s.kind === "sync" && s.label === x.label);
      const who = step && step.kind === "sync" ? short(step.user) : "the client";
      const seen = Object.entries(x.sees).map(([u, v]) => `${short(u)} ${typeof v === "string" ? v : JSON.stringify(v)}`);
      const what = seen.length ? seen.join(", ") : "no presence";
      return `${who} sees ${what}${x.only && seen.length ? " (only)" : ""} in sync '${x.label}'`;
    }
    case "state": {
      const parts = Object.entries(x.users).map(([u, s]) => `${short(u)} ${typeof s === "string" ? `is ${s}` : fieldList(s)}`);
      return `${parts.join(", ") || "nothing"} at ${formatDuration(x.at)}${x.server ? ` on ${x.server}` : ""}`;
    }
    case "edus": {
      const carried = [...new Set([...x.users, ...Object.keys(x.entries ?? {})])];
      const extra = [
        ...Object.entries(x.entries ?? {}).map(([u, f]) => `${short(u)} as ${fieldList(f)}`),
        ...(x.count !== undefined ? [`${x.count} EDU(s)`] : []),
        ...(x.max_entries_per_edu !== undefined ? [`at most ${x.max_entries_per_edu} entries per EDU`] : []),
      ];
      const base = `EDUs to ${x.destination} ${window(x.from, x.to)} carry ${carried.map(short).join(", ") || "nobody"}${x.only ? " (only)" : ""}`;
      return extra.length ? `${base}; ${extra.join("; ")}` : base;
    }
    case "request":
      return `request '${x.label}' is answered ${x.status}${x.errcode ? ` ${x.errcode}` : ""}`;
    case "sees":
      return `${short(x.viewer)} sees ${short(x.source)}'s presence`;
    case "never_sees":
      return `${short(x.viewer)} never sees ${short(x.source)}'s presence`;
    case "no_errors":
      return "no errors";
  }
}

/** `{ state: online, status_msg: null }` as "state online, status_msg absent". */
function fieldList(f: object): string {
  return Object.entries(f).map(([k, v]) => `${k} ${v === null ? "absent" : typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
}

function window(from: number, to: number | null): string {
  return to === null ? `from ${formatDuration(from)} to the end` : `between ${formatDuration(from)} and ${formatDuration(to)}`;
}

function presenceOf(e: SyncEvent): PresenceEvent[] {
  const evs = e.response?.presence?.events;
  return Array.isArray(evs) ? evs : [];
}

function describeEvent(p: PresenceEvent): string {
  return `${p.sender} ${p.content?.presence}`;
}

function syncExp(t: RunTrace, x: Extract<Expectation, { kind: "sync" }>): Outcome {
  const idx = t.events.findIndex((e) => e.type === "sync" && e.label === x.label);
  if (idx < 0) return { ok: false, detail: `sync '${x.label}' never returned (no sync event with that label in the trace)` };
  const e = t.events[idx] as SyncEvent;
  const fail = (detail: string): Outcome => ({ ok: false, detail, event: idx });
  if (e.error) return fail(`sync '${x.label}' failed: ${e.error.status} ${e.error.errcode} ${e.error.message}`);
  const evs = presenceOf(e);
  // The last event per sender counts (a response carries at most one per sender).
  const bySender = new Map<string, PresenceEvent>();
  for (const p of evs) bySender.set(p.sender, p);
  const carried = evs.length ? evs.map(describeEvent).join(", ") : "no presence";
  for (const [sender, want] of Object.entries(x.sees)) {
    const got = bySender.get(sender);
    if (!got) return fail(`sync '${x.label}' has no presence for ${sender} (it returned ${carried})`);
    if (typeof want === "string") {
      if (got.content?.presence !== want) return fail(`sync '${x.label}' returned ${sender} ${got.content?.presence}, expected ${want}`);
    } else {
      const bad = wireMismatch(got.content as unknown as Record<string, unknown>, want);
      if (bad) return fail(`sync '${x.label}' returned ${sender} ${bad}`);
    }
  }
  if (x.only) {
    const extra = evs.filter((p) => !Object.hasOwn(x.sees, p.sender));
    if (extra.length) return fail(`sync '${x.label}' also returned ${extra.map(describeEvent).join(", ")} (only: true)`);
  }
  return { ok: true, detail: `sync '${x.label}' returned ${carried}`, event: idx };
}

function stateExp(sc: Scenario, t: RunTrace, x: Extract<Expectation, { kind: "state" }>): Outcome {
  const seen: string[] = [];
  let last: number | undefined;
  for (const [user, want] of Object.entries(x.users)) {
    const server = x.server ?? splitId(user)?.server ?? "";
    // The server's current record at `at`: the newest state event up to then (R4), else the default.
    let idx = -1;
    for (let i = 0; i < t.events.length; i++) {
      const e = t.events[i];
      if (e.at > x.at) break;
      if (e.type === "state" && e.server === server && e.user === user) idx = i;
    }
    const ev = idx >= 0 ? (t.events[idx] as Extract<TraceEvent, { type: "state" }>) : null;
    const rec = ev ? ev.after : defaultRecord(user);
    const state = rec.state;
    const since = ev ? ` (since ${formatDuration(ev.at)})` : " (no change recorded: the default record)";
    const wantState = typeof want === "string" ? want : want.state;
    const failed = (detail: string): Outcome => (ev ? { ok: false, detail, event: idx } : { ok: false, detail });
    if (wantState !== undefined && state !== wantState) {
      return failed(`${server}'s record of ${user} at ${formatDuration(x.at)} was ${state}${since}, expected ${wantState}`);
    }
    if (typeof want !== "string") {
      const bad = recordMismatch(rec, { ...want, state: undefined }, sc.start_time);
      if (bad) return failed(`${server}'s record of ${user} at ${formatDuration(x.at)} has ${bad[0]} ${bad[1]}${since}, expected ${bad[2]}`);
    }
    seen.push(`${user} ${typeof want === "string" ? state : recordSummary(rec, want)} on ${server}${since}`);
    if (ev) last = idx;
  }
  const r: Outcome = { ok: true, detail: `at ${formatDuration(x.at)}: ${seen.join("; ")}` };
  if (last !== undefined) r.event = last;
  return r;
}

/** The checked fields of a record, e.g. "online, status_msg null, currently_active false". */
function recordSummary(rec: PresenceRecord, want: object): string {
  const parts = [rec.state];
  for (const k of Object.keys(want)) if (k !== "state") parts.push(`${k} ${JSON.stringify(rec[k as keyof PresenceRecord])}`);
  return parts.join(", ");
}

function edusExp(t: RunTrace, x: Extract<Expectation, { kind: "edus" }>): Outcome {
  const firstCarrying = new Map<string, number>();
  // R38 entries: the last one per user in the window is what the destination ends up with.
  const lastEntry = new Map<string, { entry: Record<string, unknown>; event: number }>();
  const sizes: Array<{ event: number; entries: number }> = [];
  t.events.forEach((e, i) => {
    if (e.type !== "edu_received" || e.server !== x.destination) return;
    if (e.at < x.from || (x.to !== null && e.at > x.to)) return;
    const edu = e.edu as { edu_type?: unknown; content?: { push?: unknown } } | null;
    if (edu && edu.edu_type !== undefined && edu.edu_type !== "m.presence") return;
    const push = Array.isArray(edu?.content?.push) ? (edu!.content!.push as unknown[]) : [];
    sizes.push({ event: i, entries: push.length });
    for (const p of push) {
      const u = (p as { user_id?: unknown } | null)?.user_id;
      if (typeof u !== "string") continue;
      if (!firstCarrying.has(u)) firstCarrying.set(u, i);
      lastEntry.set(u, { entry: p as Record<string, unknown>, event: i });
    }
  });
  const win = window(x.from, x.to);
  const carried = firstCarrying.size ? [...firstCarrying.keys()].join(", ") : "nobody";
  const summary = `${sizes.length} m.presence EDU(s) delivered to ${x.destination} ${win} carried ${carried}`;
  const entries = x.entries ?? {};
  const expected = [...new Set([...x.users, ...Object.keys(entries)])];
  for (const u of expected) {
    if (!firstCarrying.has(u)) return { ok: false, detail: `no m.presence EDU delivered to ${x.destination} ${win} carried ${u} (${summary})` };
  }
  for (const [u, want] of Object.entries(entries)) {
    const last = lastEntry.get(u)!;
    const bad = wireMismatch(last.entry, want);
    if (bad) {
      const at = formatDuration(t.events[last.event].at);
      return { ok: false, detail: `the last entry for ${u} in m.presence EDUs delivered to ${x.destination} ${win} (at ${at}) was sent ${bad}`, event: last.event };
    }
  }
  if (x.count !== undefined && sizes.length !== x.count) {
    const r: Outcome = { ok: false, detail: `${summary}; expected exactly ${x.count} EDU(s) (count)` };
    if (sizes.length > x.count) r.event = sizes[x.count].event;
    return r;
  }
  if (x.max_entries_per_edu !== undefined) {
    const big = sizes.find((z) => z.entries > x.max_entries_per_edu!);
    if (big) {
      const at = formatDuration(t.events[big.event].at);
      return { ok: false, detail: `the m.presence EDU delivered to ${x.destination} at ${at} carried ${big.entries} entries, more than max_entries_per_edu ${x.max_entries_per_edu}`, event: big.event };
    }
  }
  if (x.only) {
    const extra = [...firstCarrying.keys()].filter((u) => !expected.includes(u));
    if (extra.length) return { ok: false, detail: `${summary}; unexpected: ${extra.join(", ")} (only: true)`, event: firstCarrying.get(extra[0]) };
  }
  const largest = sizes.reduce((m, z) => Math.max(m, z.entries), 0);
  const r: Outcome = { ok: true, detail: x.max_entries_per_edu !== undefined ? `${summary}; at most ${largest} entries per EDU` : summary };
  if (expected.length) r.event = firstCarrying.get(expected[0]);
  return r;
}

function seesExp(t: RunTrace, x: Extract<Expectation, { kind: "sees" | "never_sees" }>, short: (id: string) => string): Outcome {
  const idx = t.events.findIndex((e) => e.type === "sync" && e.user === x.viewer && !e.error && presenceOf(e).some((p) => p.sender === x.source));
  if (idx < 0) {
    return x.kind === "sees"
      ? { ok: false, detail: `no sync response to ${x.viewer} carried ${x.source}'s presence` }
      : { ok: true, detail: `no sync response to ${x.viewer} carried ${x.source}'s presence` };
  }
  const e = t.events[idx] as SyncEvent;
  const p = presenceOf(e).find((q) => q.sender === x.source)!;
  const where = `the sync${e.label ? ` '${e.label}'` : ""} returning at ${formatDuration(e.at)} carried ${short(x.source)} ${p.content?.presence}`;
  return x.kind === "sees"
    ? { ok: true, detail: `${where} to ${x.viewer}`, event: idx }
    : { ok: false, detail: `${where} to ${x.viewer}`, event: idx };
}
