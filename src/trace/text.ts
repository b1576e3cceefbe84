// The run trace as a readable timeline (the headless runner's default output):
// one line per event, then who received whose presence, the expectation results and
// the errors that stopped the run. Pure: the same trace gives the same text.
import type {
  CostCounts,
  Delivery,
  RunCost,
  ModuleErrorInfo,
  PresenceContent,
  PresenceRecord,
  RouterCallEvent,
  Trace,
  TraceEvent,
} from "./types.ts";
import { formatOffset } from "./time.ts";

export { formatOffset };

/** "@alice:example.org" on server example.org reads "@alice"; remote ids stay whole. */
function who(id: string, server: string): string {
  return id.endsWith(`:${server}`) ? id.slice(0, -server.length - 1) : id;
}

const q = (s: string) => JSON.stringify(s);

/** "online \"hi\"" from a record or a wire content object. */
function presence(state: string, status_msg: string | null | undefined): string {
  return typeof status_msg === "string" && status_msg !== "" ? `${state} ${q(status_msg)}` : state;
}

function record(r: PresenceRecord, server: string): string {
  return `${who(r.user_id, server)} ${presence(r.state, r.status_msg)}`;
}

function content(sender: string, c: PresenceContent, server: string): string {
  return `${who(sender, server)} ${presence(c.presence, c.status_msg)}`;
}

function list(items: string[]): string {
  return items.length ? items.join(", ") : "nothing";
}

function where(e: ModuleErrorInfo): string {
  if (e.file === undefined) return "";
  return ` at ${e.file}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ""}`;
}

function routerCall(e: RouterCallEvent): string {
  const s = e.server;
  const input = typeof e.input === "string" ? who(e.input, s) : `[${e.input.map((r) => record(r, s)).join(", ")}]`;
  let out: string;
  if (e.error) out = `✗ ${e.error.message}${where(e.error)}`;
  else if (e.output === null) out = "✗ wrong type (ignored)";
  else if (e.output === "ALL") out = "ALL_USERS";
  else if (Array.isArray(e.output)) out = `{${e.output.map((u) => who(u, s)).join(", ")}}`;
  else {
    const parts = Object.entries(e.output).map(([k, v]) => `${who(k, s)}: [${v.map((r) => record(r, s)).join(", ")}]`);
    out = `{${parts.join("; ")}}`;
  }
  const warn = e.warnings.length ? ` (warning: ${e.warnings.join("; ")})` : "";
  return `router ${e.module} ${e.callback}(${input}) → ${out}${warn}`;
}

function describe(e: TraceEvent): string {
  const s = e.server;
  switch (e.type) {
    case "request": {
      const r = e.request;
      const body = r.body !== undefined ? ` ${JSON.stringify(r.body)}` : "";
      const label = e.label ? ` [${e.label}]` : "";
      const res = e.response.status === 200 ? "200" : `${e.response.status} ${JSON.stringify(e.response.body)}`;
      return `${r.method} presence of ${who(r.target, s)} by ${who(r.user, s)}${r.device ? `/${r.device}` : ""}${body}${label} → ${res}`;
    }
    case "state": {
      const flag = e.notified ? "notified" : "not notified";
      return `state ${who(e.user, s)} ${presence(e.before.state, e.before.status_msg)} → ${presence(e.after.state, e.after.status_msg)} (${e.cause}, ${flag})`;
    }
    case "router_call":
      return routerCall(e);
    case "wake":
      return `wake ${who(e.user, s)} (${e.reasons.join(", ")})`;
    case "sync": {
      const label = e.label ? ` [${e.label}]` : "";
      if (e.error) return `sync ${e.user}/${e.device}${label} ${e.mode} ✗ ${e.error.status} ${e.error.errcode}: ${e.error.message}`;
      const events = e.response.presence?.events ?? [];
      const since = e.since ? ` since ${e.since}` : "";
      const waited = e.started_at !== e.at ? ` (waited from ${formatOffset(e.started_at)})` : "";
      return `sync ${e.user}${label} ${e.mode}${since} → ${list(events.map((p) => content(p.sender, p.content, s)))}${waited}`;
    }
    case "edu_sent":
      return `edu → ${e.destination} (${e.txn_id}): ${list(e.edu.content.push.map((p) => content(p.user_id, p, s)))}`;
    case "edu_received": {
      const rej = e.rejected.map((r) => `${String(r.user_id)} (${r.reason})`);
      return `edu ← ${e.origin}: accepted ${list(e.accepted.map((u) => who(u, s)))}${rej.length ? `; rejected ${rej.join(", ")}` : ""}`;
    }
    case "module_call": {
      const by = e.module ? ` by ${e.module}` : "";
      return `module_api ${e.call}(${e.args.map((a) => JSON.stringify(a)).join(", ")})${by}${e.error ? ` ✗ ${e.error}` : ""}`;
    }
    case "log":
      return `log ${e.level}${e.module ? ` [${e.module}]` : ""} ${e.message}`;
    case "error":
      return `error${e.module ? ` [${e.module}]` : ""} ${e.message}${e.error ? where(e.error) : ""}`;
    default: {
      const other = e as { type: string };
      return other.type; // a type this formatter does not know yet
    }
  }
}

export function formatEvent(e: TraceEvent): string {
  return `${formatOffset(e.at)} ${e.server} ${describe(e)}`;
}

/** One line per (source, viewer, transport): how often, first/last time, and why. */
function deliveries(ds: Delivery[]): string[] {
  const groups = new Map<string, { d: Delivery; n: number; last: number; via: Set<string>; states: Set<string> }>();
  for (const d of ds) {
    const key = `${d.source}\u0000${d.viewer}\u0000${d.transport}`;
    const g = groups.get(key);
    if (g) {
      g.n++;
      g.last = d.at;
      d.via.forEach((v) => g.via.add(v));
      g.states.add(d.state);
    } else groups.set(key, { d, n: 1, last: d.at, via: new Set(d.via), states: new Set([d.state]) });
  }
  return [...groups.values()].map(({ d, n, last, via, states }) => {
    const when = n === 1 ? `at ${formatOffset(d.at)}` : `${n}× ${formatOffset(d.at)}…${formatOffset(last)}`;
    return `  ${d.source} → ${d.viewer} (${d.transport}) ${[...states].join("/")} ${when} via ${[...via].join(", ") || "?"}`;
  });
}

function perMinute(c: CostCounts, minutes: number): string {
  const r = (n: number) => (minutes > 0 ? Math.round((n / minutes) * 10) / 10 : n);
  return `${r(c.gufs_calls + c.gis_calls)} router calls, ${r(c.edus)} EDUs, ${r(c.wakeups)} wake-ups, ${r(c.sync_responses)} sync responses`;
}

/** The run's cost as text lines (per run, per destination, per simulated minute). */
export function formatCost(c: RunCost): string[] {
  const minutes = c.duration / 60_000;
  const out = [
    `Cost (${formatOffset(c.duration)} simulated):`,
    `  get_users_for_states: ${c.gufs_calls} calls, ${c.gufs_states} states passed (${c.all_path_syncs} for ALL_USERS-path syncs)`,
    `  get_interested_users: ${c.gis_calls} calls · module callback invocations: ${c.module_calls}`,
    `  EDUs: ${c.edus} with ${c.edu_entries} entries · wake-ups: ${c.wakeups} · sync responses: ${c.sync_responses}`,
  ];
  for (const [d, x] of Object.entries(c.per_destination)) out.push(`  → ${d}: ${x.edus} EDUs, ${x.entries} entries`);
  out.push(`  per simulated minute: ${perMinute(c, minutes)}`);
  const busiest = c.per_minute.reduce((best, m, i) => (m.gufs_calls + m.gis_calls > c.per_minute[best]!.gufs_calls + c.per_minute[best]!.gis_calls ? i : best), 0);
  if (c.per_minute.length > 1) out.push(`  busiest minute: ${busiest} (${perMinute(c.per_minute[busiest]!, 0)})`);
  return out;
}

export function formatTrace(trace: Trace): string {
  const out: string[] = [];
  const sc = trace.scenario;
  out.push(`Run: ${sc.servers.join(", ")} · ${sc.users.length} users · ended at ${formatOffset(sc.end)}`);
  out.push("");
  for (const e of trace.events) out.push(formatEvent(e));
  out.push("");
  out.push(`Deliveries (${trace.deliveries.length}):`);
  out.push(...(trace.deliveries.length ? deliveries(trace.deliveries) : ["  none"]));
  if (trace.cost) {
    out.push("");
    out.push(...formatCost(trace.cost));
  }
  if (trace.expectations.length) {
    const passed = trace.expectations.filter((x) => x.ok).length;
    out.push("");
    out.push(`Expectations: ${passed}/${trace.expectations.length} passed`);
    for (const x of trace.expectations) {
      out.push(`  ${x.ok ? "✓" : "✗"} ${x.name}${x.ok ? "" : ` — ${x.detail}`}${x.path && !x.ok ? ` (${x.path})` : ""}`);
    }
  }
  if (trace.errors.length) {
    out.push("");
    out.push("Errors:");
    for (const e of trace.errors) {
      const loc = e.file ? `${e.file}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ""}: ` : e.path ? `${e.path}: ` : "";
      out.push(`  ${loc}${e.message}`);
    }
  }
  return out.join("\n") + "\n";
}
