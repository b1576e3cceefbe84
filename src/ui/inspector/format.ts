// One-line text summaries of trace events for the inspector lists (plain text; React
// renders it as text, never as HTML).
import type { TraceEvent } from "../../trace/types.ts";
import { formatTimestamp } from "../../trace/time.ts";
import { withModule } from "./thrown.ts";

/** The user an event is about (for filtering and selection), if any. */
export function eventUser(e: TraceEvent): string | null {
  switch (e.type) {
    case "request":
      return e.request.target ?? e.request.user;
    case "state":
    case "wake":
    case "sync":
      return e.user;
    case "router_call":
      return typeof e.input === "string" ? e.input : (e.input[0]?.user_id ?? null);
    default:
      return null;
  }
}

/** Every user an event mentions (the Events filter matches any). */
export function eventUsers(e: TraceEvent): string[] {
  const out = new Set<string>();
  const u = eventUser(e);
  if (u) out.add(u);
  if (e.type === "request") out.add(e.request.user);
  if (e.type === "router_call" && Array.isArray(e.input)) for (const r of e.input) out.add(r.user_id);
  if (e.type === "edu_sent") for (const p of e.edu.content.push) out.add(p.user_id);
  if (e.type === "edu_received") for (const a of e.accepted) out.add(a);
  if (e.type === "sync") for (const ev of e.response.presence?.events ?? []) out.add(ev.sender);
  return [...out];
}

export function summarize(e: TraceEvent): string {
  switch (e.type) {
    case "request":
      return `${e.request.method} ${e.request.path} by ${e.request.user} → ${e.response.status}${e.label ? ` [${e.label}]` : ""}`;
    case "state":
      return `${e.user}: ${e.before.state} → ${e.after.state}${e.after.status_msg ? ` "${e.after.status_msg}"` : ""} (${e.cause}${e.notified ? ", notified" : ", persist only"})`;
    case "router_call": {
      const inp = typeof e.input === "string" ? e.input : `${e.input.length} state(s)`;
      const out = e.error ? `threw ${e.error.message}` : e.output === null ? "null" : Array.isArray(e.output) ? `${e.output.length} user(s)` : e.output === "ALL" ? "ALL" : `${Object.keys(e.output).length} key(s)`;
      return `${e.module} ${e.callback}(${inp}) → ${out}${e.warnings.length ? ` ⚠ ${e.warnings.length}` : ""}`;
    }
    case "wake":
      return `wake ${e.user} (${e.reasons.join(", ")})`;
    case "sync": {
      const n = e.response.presence?.events.length ?? 0;
      return `sync ${e.user}/${e.device} ${e.mode}${e.label ? ` [${e.label}]` : ""}: ${e.error ? `${e.error.status} ${e.error.errcode}` : `${n} presence event(s)`}`;
    }
    case "edu_sent":
      return `EDU → ${e.destination} (${e.edu.content.push.map((p) => p.user_id).join(", ")})`;
    case "edu_received":
      return `EDU ← ${e.origin}: accepted ${e.accepted.length}, rejected ${e.rejected.length}`;
    case "module_call":
      return `${e.module ?? "module_api step"}: ${e.call}(${JSON.stringify(e.args)})${e.error ? ` failed: ${e.error}` : ""}`;
    case "log":
      return `[${e.level}] ${e.module ? withModule(e.module, e.message) : e.message}`;
    case "error":
      return `error${e.module ? ` in ${e.module}` : ""}: ${e.message}`;
    default:
      return JSON.stringify(e);
  }
}

export function pretty(v: unknown): string {
  return JSON.stringify(v, null, 2);
}

/**
 * Pretty JSON where every record timestamp (a numeric `*_ts` field, ms since the epoch)
 * has its simulated time next to it: `"last_active_ts": 1767225630000, // +00:30.000`
 * (`// never` for 0). Without a start time (no run) it is plain pretty JSON.
 */
export function prettyWithTimes(v: unknown, startTime: number | null): string {
  const text = pretty(v);
  if (text === undefined || startTime === null) return text;
  return text.replace(/^(\s*"[^"\n]*_ts": )(-?\d+)(,?)$/gm, (_, key: string, n: string, comma: string) => `${key}${n}${comma} // ${formatTimestamp(startTime, Number(n))}`);
}
