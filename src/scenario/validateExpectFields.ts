// Field maps inside expectations (scenario-format §3): presence content as on the wire
// (`sync.sees` objects, `edus.entries`) and a server's record (`state` objects).
import type { RecordExpect, WireFields } from "./types.ts";
import type { Entry, Reader, V } from "./reader.ts";
import { formatDuration } from "./durations.ts";

/** Content fields of a presence event / EDU entry (R38, R54); user_id is the map key. */
export const WIRE_FIELDS = ["presence", "last_active_ago", "status_msg", "currently_active"] as const;

/** Fields of a presence record (R2) that a `state` expectation can check. */
export const RECORD_FIELDS = ["state", "status_msg", "currently_active", "last_active_ts", "last_federation_update_ts", "last_user_sync_ts"] as const;

const TS_FIELDS = new Set<string>(["last_active_ts", "last_federation_update_ts", "last_user_sync_ts"]);

function scalar(r: Reader, v: V): unknown {
  const n = r.resolve(v.node);
  return n && "value" in n ? (n as { value: unknown }).value : null;
}

/**
 * `{ presence: online, status_msg: null }`: each field's expected value, null meaning
 * "absent on the wire" (R54/R38 omit an empty status, a zero last_active_ago, …).
 */
export function readWireFields(r: Reader, v: V, what: string): WireFields | undefined {
  const f = r.fields(v, what, WIRE_FIELDS);
  if (!f) return undefined;
  const out: WireFields = {};
  let ok = true;
  for (const [k, e] of Object.entries(f)) {
    if (k === "presence" && r.isNull(e)) {
      r.err(e, "presence is always on the wire; write the expected state (null means absent only for the other fields)");
      ok = false;
      continue;
    }
    const val = r.isNull(e) ? null : wireValue(r, e);
    if (val === undefined) ok = false;
    else out[k] = val;
  }
  return ok ? out : undefined;
}

function wireValue(r: Reader, e: Entry): string | number | boolean | null | undefined {
  switch (e.key) {
    case "presence":
      return r.str(e, "presence");
    case "status_msg":
      return r.str(e, "status_msg (null: absent)");
    case "currently_active":
      return r.bool(e, "currently_active (null: absent)");
    default:
      return r.num(e, "last_active_ago (ms; null: absent)", { integer: true, min: 0 });
  }
}

/** `{ state: online, status_msg: null, currently_active: false, last_active_ts: 40s }`. */
export function readRecordExpect(r: Reader, v: V, what: string): RecordExpect | undefined {
  const f = r.fields(v, what, RECORD_FIELDS);
  if (!f) return undefined;
  const n = r.resolve(v.node);
  if (n !== null && "items" in n && (n.items as unknown[]).length === 0) {
    r.err(v, `${what} checks nothing; name at least one of ${RECORD_FIELDS.join(", ")}`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const [k, e] of Object.entries(f)) {
    let val: unknown;
    if (k === "state") val = r.str(e, "state");
    else if (k === "status_msg") val = r.isNull(e) ? null : r.str(e, "status_msg (null: no status)");
    else if (k === "currently_active") val = r.bool(e, "currently_active");
    else val = tsOffset(r, e);
    if (val === undefined) ok = false;
    else out[k] = val;
  }
  return ok ? (out as RecordExpect) : undefined;
}

/** A *_ts field: an offset from the scenario start (like every `at:`), or `never` (0 in the record). */
function tsOffset(r: Reader, e: Entry): number | "never" | undefined {
  if (scalar(r, e) === "never") return "never";
  const what = `${e.key} (an offset from the scenario start such as 40s, or never)`;
  const ms = r.duration(e, what);
  if (ms === undefined) return undefined;
  if (ms > r.limits.offset) {
    r.err(e, `${e.key} is an offset from the scenario start such as 40s (at most ${formatDuration(r.limits.offset)}), not an epoch timestamp; got ${ms}`);
    return undefined;
  }
  return ms;
}

export const isTsField = (k: string): boolean => TS_FIELDS.has(k);
