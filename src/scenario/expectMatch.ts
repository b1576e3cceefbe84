// Field-by-field matching for expectations (scenario-format §3): wire content (sync
// `sees` objects, `edus.entries`), record fields (`state` objects), and the outcome of
// labelled requests (`request`).
import type { Expectation, RecordExpect, WireFields } from "./types.ts";
import type { PresenceRecord, Trace } from "../trace/types.ts";
import { formatDuration } from "./durations.ts";

type RunTrace = Omit<Trace, "expectations">;
export type Outcome = { ok: boolean; detail: string; event?: number };

export function show(v: unknown): string {
  return v === undefined ? "(absent)" : JSON.stringify(v);
}

/**
 * The first wire field of `have` that differs from `want`, as "with status_msg "hi",
 * expected it absent". A null in `want` requires the field to be absent (R54/R38 omit
 * empty fields; a field sent as JSON null counts as present). undefined when all match.
 */
export function wireMismatch(have: Record<string, unknown> | null | undefined, want: WireFields): string | undefined {
  for (const [k, v] of Object.entries(want)) {
    const present = have != null && Object.prototype.hasOwnProperty.call(have, k);
    const got = present ? have[k] : undefined;
    if (v === null) {
      if (present) return `with ${k} ${show(got)}, expected ${k} absent`;
    } else if (!deepEqual(got, v)) return `with ${k} ${show(got)}, expected ${show(v)}`;
  }
  return undefined;
}

/** "the default record" fields (R2) for a user the server has no record of. */
export function defaultRecord(user: string): PresenceRecord {
  return { user_id: user, state: "offline", last_active_ts: 0, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: false };
}

/** A timestamp as the scenario writes it: "40s after the start (1767225640000)" or "never (0)". */
function showTs(ms: number, start: number): string {
  if (ms === 0) return "never (0)";
  const off = ms - start;
  return off >= 0 ? `${formatDuration(off)} after the start (${ms})` : `${formatDuration(-off)} before the start (${ms})`;
}

/** The first record field that differs, as [field, got, expected] texts; undefined when all match. */
export function recordMismatch(rec: PresenceRecord, want: RecordExpect, start: number): [string, string, string] | undefined {
  for (const [k, v] of Object.entries(want) as Array<[keyof RecordExpect, unknown]>) {
    const got = rec[k];
    if (v === undefined) continue;
    if (k === "last_active_ts" || k === "last_federation_update_ts" || k === "last_user_sync_ts") {
      const wantMs = v === "never" ? 0 : start + (v as number);
      if (got !== wantMs) return [k, showTs(got as number, start), showTs(wantMs, start)];
    } else if (got !== v) return [k, show(got), show(v)];
  }
  return undefined;
}

/** `{ request: label, status, errcode? }`: the labelled PUT/GET's response, or the labelled sync's outcome. */
export function requestExp(t: RunTrace, x: Extract<Expectation, { kind: "request" }>): Outcome {
  const idx = t.events.findIndex((e) => (e.type === "request" || e.type === "sync") && e.label === x.label);
  if (idx < 0) return { ok: false, detail: `request '${x.label}' was never answered (no request or sync event with that label in the trace)` };
  const e = t.events[idx];
  let status: number;
  let errcode: string | undefined;
  let what: string;
  if (e.type === "request") {
    status = e.response.status;
    const body = e.response.body as { errcode?: unknown } | null;
    if (body && typeof body === "object" && typeof body.errcode === "string") errcode = body.errcode;
    what = `${e.request.method} ${e.request.path} by ${e.request.user} at ${formatDuration(e.at)}`;
  } else if (e.type === "sync") {
    status = e.error ? e.error.status : 200;
    errcode = e.error?.errcode;
    what = `/sync by ${e.user} at ${formatDuration(e.at)}`;
  } else throw new Error("unreachable");
  const got = `${status}${errcode ? ` ${errcode}` : ""}`;
  const want = `${x.status}${x.errcode ? ` ${x.errcode}` : ""}`;
  const ok = status === x.status && (x.errcode === undefined || errcode === x.errcode);
  return { ok, detail: ok ? `${what} answered ${got}` : `${what} answered ${got}, expected ${want}`, event: idx };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
