// Checks the columnar trace (src/trace/columns.ts ColumnsWire) that the engine sandbox
// posts next to a result, before the app reads it: the sandbox runs untrusted module
// code, so every array is checked for its type and length, every enum for its range and
// every string-table / list / row index for its bounds. The events kept as objects are
// checked by reply.ts's event schema. A message says where it went wrong.
import { CAUSES, EVENT_TYPES, NO_STRING, ROW, ROW_TYPES, WIRE_KINDS, type ColumnsWire } from "../trace/columns.ts";
import { checkNested, type Checks } from "./nestedCheck.ts";

const CTORS = { u8: Uint8Array, u32: Uint32Array, f64: Float64Array } as const;
const T_STATE = EVENT_TYPES.indexOf("state") | ROW;
const T_WAKE = EVENT_TYPES.indexOf("wake") | ROW;

class Bad extends Error {}
const fail = (why: string): never => {
  throw new Bad(why);
};

/** Why `w` is not a well-formed ColumnsWire, or null. Does not look inside `objects`. */
export function columnsProblem(w: unknown): string | null {
  try {
    check(w);
    return null;
  } catch (e) {
    if (e instanceof Bad) return e.message;
    throw e;
  }
}

function check(w: unknown): asserts w is ColumnsWire {
  if (typeof w !== "object" || w === null || Array.isArray(w)) fail("columns: expected an object");
  const o = w as Record<string, unknown>;
  for (const [kind, keys] of Object.entries(WIRE_KINDS) as Array<[keyof typeof CTORS, readonly string[]]>) {
    for (const k of keys) if (!(o[k] instanceof CTORS[kind])) fail(`columns.${k}: expected a ${CTORS[kind].name}`);
  }
  if (!Array.isArray(o.strings) || !o.strings.every((s) => typeof s === "string")) fail("columns.strings: expected an array of strings");
  if (!Array.isArray(o.objects)) fail("columns.objects: expected an array");
  const c = w as ColumnsWire;
  const nStrings = c.strings.length;
  const sameLength = (what: string, ...ks: Array<keyof ColumnsWire>) => {
    const n = (c[ks[0]] as ArrayLike<unknown>).length;
    for (const k of ks) if ((c[k] as ArrayLike<unknown>).length !== n) fail(`columns.${String(k)}: ${what} columns differ in length`);
    return n;
  };
  const inStrings = (k: keyof ColumnsWire, allowNull = false) => {
    const a = c[k] as Uint32Array;
    for (let i = 0; i < a.length; i++) if (a[i] >= nStrings && !(allowNull && a[i] === NO_STRING)) fail(`columns.${String(k)}[${i}]: string index ${a[i]} out of bounds (${nStrings} strings)`);
  };
  const below = (k: keyof ColumnsWire, n: number, what: string) => {
    const a = c[k] as Uint8Array | Uint32Array;
    for (let i = 0; i < a.length; i++) if (a[i] >= n) fail(`columns.${String(k)}[${i}]: ${what} ${a[i]} out of range (< ${n})`);
  };
  const finite = (k: keyof ColumnsWire) => {
    const a = c[k] as Float64Array;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) fail(`columns.${String(k)}[${i}]: not a finite number`);
  };
  const checks: Checks = { fail, sameLength, inStrings, below, finite };

  // String lists: listStart is 0, then non-decreasing up to listItems.length.
  const nLists = c.listStart.length - 1;
  if (nLists < 0 || c.listStart[0] !== 0) fail("columns.listStart: must start with 0");
  for (let k = 1; k <= nLists; k++) if (c.listStart[k] < c.listStart[k - 1]) fail(`columns.listStart[${k}]: lists out of order`);
  if (c.listStart[nLists] !== c.listItems.length) fail("columns.listStart: does not end at listItems.length");
  inStrings("listItems");

  // Records.
  const nRecords = sameLength("record", "rUser", "rState", "rActiveTs", "rFedTs", "rSyncTs", "rStatus", "rCurrently");
  inStrings("rUser");
  inStrings("rState");
  inStrings("rStatus", true);
  for (const k of ["rActiveTs", "rFedTs", "rSyncTs"] as const) finite(k);
  below("rCurrently", 2, "boolean");

  // state and wake rows.
  const nState = sameLength("state", "stUser", "stBefore", "stAfter", "stFlags");
  inStrings("stUser");
  below("stBefore", nRecords, "record row");
  below("stAfter", nRecords, "record row");
  below("stFlags", (CAUSES.length - 1) * 2 + 2, "flags");
  const nWake = sameLength("wake", "wUser", "wReasons");
  inStrings("wUser");
  below("wReasons", nLists, "list");
  // Router calls, syncs and EDUs (src/trace/nestedRows.ts).
  const nested = checkNested(c, checks, nRecords, nLists);

  // Events.
  const n = sameLength("event", "type", "at", "server", "ref");
  for (let i = 0; i < n; i++) {
    const t = c.type[i];
    if (t >= EVENT_TYPES.length && !ROW_TYPES.includes(t)) fail(`columns.type[${i}]: event type ${t} out of range`);
  }
  finite("at");
  inStrings("server");
  const objects = c.objects;
  const used = new Uint8Array(objects.length);
  for (let i = 0; i < n; i++) {
    const t = c.type[i];
    const r = c.ref[i];
    const rows = t === T_STATE ? nState : t === T_WAKE ? nWake : t & ROW ? nested.rows(t & ~ROW) : objects.length;
    if (r >= rows) fail(`columns.ref[${i}]: row ${r} out of bounds (${rows} rows of its kind)`);
    if (t & ROW) continue;
    if (used[r]) fail(`columns.ref[${i}]: object ${r} is used by two events`);
    used[r] = 1;
    const e = objects[r] as { type?: unknown } | null;
    // An empty (reserved, never filled) slot may be posted, but no event may stand on it.
    if (e === null) fail(`columns.ref[${i}]: object ${r} is an empty slot`);
    else if (typeof e !== "object" || e.type !== EVENT_TYPES[t]) fail(`columns.objects[${r}]: not a ${EVENT_TYPES[t]} event as its row says`);
  }

  // Final states: per server a count of users, the counts adding up to the user rows.
  const nFinal = sameLength("final server", "fServer", "fCount");
  sameLength("final user", "fUser", "fRec");
  inStrings("fServer");
  inStrings("fUser");
  below("fRec", nRecords, "record row");
  let users = 0;
  for (let k = 0; k < nFinal; k++) users += c.fCount[k];
  if (users !== c.fUser.length) fail(`columns.fCount: counts ${users} final users, fUser has ${c.fUser.length}`);

  // Deliveries.
  sameLength("delivery", "dAt", "dServer", "dSource", "dViewer", "dTransport", "dState", "dVia");
  finite("dAt");
  for (const k of ["dServer", "dSource", "dViewer", "dState"] as const) inStrings(k);
  below("dTransport", 2, "transport");
  below("dVia", nLists, "list");
}
