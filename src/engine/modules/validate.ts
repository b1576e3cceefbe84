// Reading what module callbacks return (untrusted): real Sets/Maps only (also from
// another realm), bounded sizes, records copied into fresh frozen UserPresenceState
// instances so that no module object ever reaches the engine.
import { UserPresenceState } from "../state.ts";
import type { PresenceRecord } from "../../trace/types.ts";
import { describeType, isMap, isSet, safeMessage } from "./format.ts";

/** Playground limit on items read from one callback result (a million-entry Set). */
export const MAX_RESULT_ITEMS = 100_000;

export class ResultTooLarge extends Error {}

/**
 * A mapping's entries (Map or plain object), read in order; null when it is not a mapping.
 * More than `limit` entries throw ResultTooLarge.
 */
export function mappingEntries(v: unknown, limit = MAX_RESULT_ITEMS): Array<[unknown, unknown]> | null {
  if (isMap(v)) {
    const out: Array<[unknown, unknown]> = [];
    const it = Map.prototype.entries.call(v);
    for (let r = it.next(); !r.done; r = it.next()) {
      if (out.length >= limit) throw new ResultTooLarge();
      out.push(r.value as [unknown, unknown]);
    }
    return out;
  }
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v as object);
  if (keys.length > limit) throw new ResultTooLarge();
  return keys.map((k) => [k, (v as Record<string, unknown>)[k]]);
}

/** A plain object of any realm: `{}` or Object.create(null); not arrays, not class instances. */
function isPlainObject(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The values of a real Set, in insertion order, bounded by `budget`. */
export function setValues(v: Set<unknown>, budget: { left: number }): unknown[] {
  const out: unknown[] = [];
  const it = Set.prototype.values.call(v);
  for (let r = it.next(); !r.done; r = it.next()) {
    if (--budget.left < 0) throw new ResultTooLarge();
    out.push(r.value);
  }
  return out;
}

/** A warning for the value, or the record copied into a fresh frozen UserPresenceState. */
export function toPresenceState(v: unknown): UserPresenceState | string {
  // Always copy, even our own class: a Proxy dressed up as one must not reach the engine.
  if (typeof v !== "object" || v === null) return `expected a UserPresenceState, got ${describeType(v)}`;
  let r: PresenceRecord;
  try {
    const o = v as Record<string, unknown>;
    r = {
      user_id: o.user_id as string,
      state: o.state as string,
      last_active_ts: o.last_active_ts as number,
      last_federation_update_ts: o.last_federation_update_ts as number,
      last_user_sync_ts: o.last_user_sync_ts as number,
      status_msg: o.status_msg as string | null,
      currently_active: o.currently_active as boolean,
    };
  } catch (e) {
    return `reading a state failed (${safeMessage(e)})`;
  }
  const bad: string[] = [];
  if (typeof r.user_id !== "string") bad.push("user_id");
  if (typeof r.state !== "string") bad.push("state");
  for (const f of ["last_active_ts", "last_federation_update_ts", "last_user_sync_ts"] as const) {
    if (!Number.isFinite(r[f])) bad.push(f); // false for anything not a number too
  }
  if (r.status_msg !== null && typeof r.status_msg !== "string") bad.push("status_msg");
  if (typeof r.currently_active !== "boolean") bad.push("currently_active");
  if (bad.length) return `expected a UserPresenceState, got ${describeType(v)} with missing or wrong-typed ${bad.join(", ")}`;
  return new UserPresenceState(r);
}

export { isSet };
