// Schema checks for what the sandbox sends back (untrusted: the engine worker shares its
// realm with the user's module, so a hostile module can forge or tamper with replies).
// Structured cloning already guarantees plain data (no functions, getters or proxies);
// these valibot schemas check every field the UI may read, down to each trace event's
// shape, and produce typed values (unknown fields are dropped). Only own properties
// count (`ownOnly`). Strings are never interpreted: React renders them as text.
import * as v from "valibot";
import type { RunReply } from "../worker/protocol.ts";
import type { Trace, TraceEvent } from "../trace/types.ts";
import { TraceColumns, attachColumns, type ColumnsWire } from "../trace/columns.ts";
import { columnsProblem } from "./columnsCheck.ts";

/**
 * Own properties only: valibot reads a field with `key in input`, which would also find
 * an inherited one. An object whose prototype chain has a key some schema reads is
 * detached from its prototype while the schema reads it (only own fields exist then), and
 * attached again afterwards (values of `unknown` fields pass through). Each prototype is
 * asked once per reply: plain objects (Object.prototype holds no schema key) are left as
 * they are; detaching all ~200,000 objects of a 10,000-user trace took ~0.7 s and left
 * them slow to read for every view after.
 */
function ownOnly<T>(root: unknown, parse: () => T): T | null {
  const detached: Array<[object, object]> = [];
  const inherits = new Map<object, boolean>(); // prototype → its chain has a schema key
  const seen = new Set<object>(); // structured clones may be cyclic
  const stack: unknown[] = [root];
  while (stack.length) {
    const o = stack.pop();
    if (typeof o !== "object" || o === null || seen.has(o)) continue;
    seen.add(o);
    if (Array.isArray(o)) {
      for (const x of o) stack.push(x);
    } else {
      const proto: object | null = Object.getPrototypeOf(o);
      if (proto !== null) {
        let risky = inherits.get(proto);
        if (risky === undefined) inherits.set(proto, (risky = SCHEMA_KEYS.some((k) => k in proto)));
        if (risky) {
          Object.setPrototypeOf(o, null);
          detached.push([o, proto]);
        }
      }
      for (const k of Object.keys(o)) stack.push((o as Record<string, unknown>)[k]);
    }
  }
  try {
    return parse();
  } catch {
    return null; // a cyclic or absurdly deep value overflows the stack while it is read
  } finally {
    for (const [o, proto] of detached) Object.setPrototypeOf(o, proto);
  }
}

const ownObject = v.object;

const num = v.pipe(v.number(), v.finite());
const str = v.string();
const optStr = v.optional(str);
const optNum = v.optional(num);
const strs = v.array(str);

const Record = ownObject({
  user_id: str,
  state: str,
  last_active_ts: num,
  last_federation_update_ts: num,
  last_user_sync_ts: num,
  status_msg: v.nullable(str),
  currently_active: v.boolean(),
});
const Content = ownObject({ presence: str, last_active_ago: optNum, status_msg: optStr, currently_active: v.optional(v.boolean()) });
const PresenceEvent = ownObject({ type: v.literal("m.presence"), sender: str, content: Content });
const Edu = ownObject({
  edu_type: v.literal("m.presence"),
  content: ownObject({ push: v.array(v.intersect([Content, ownObject({ user_id: str })])) }),
});
const ErrorInfo = ownObject({ message: str, file: optStr, line: optNum, column: optNum, stack: optStr });

const base = { at: num, server: str };
const Event = v.variant("type", [
  ownObject({
    ...base,
    type: v.literal("request"),
    label: v.nullable(str),
    request: ownObject({ user: str, device: v.nullable(str), method: v.picklist(["GET", "PUT"]), path: str, target: str, body: v.optional(v.unknown()) }),
    response: ownObject({ status: num, body: v.unknown() }),
  }),
  ownObject({
    ...base,
    type: v.literal("state"),
    user: str,
    before: Record,
    after: Record,
    notified: v.boolean(),
    cause: v.picklist(["put", "sync", "sync_end", "activity", "timeout", "edu", "module_api", "restart", "startup"]),
  }),
  ownObject({
    ...base,
    type: v.literal("router_call"),
    call: v.pipe(num, v.integer()),
    site: v.picklist(["wake", "federation", "ping", "sync", "snapshot", "direct"]),
    for_user: v.nullable(str),
    module: str,
    callback: v.picklist(["get_users_for_states", "get_interested_users"]),
    input: v.union([v.array(Record), str]),
    output: v.nullable(v.union([v.literal("ALL"), strs, v.record(str, v.array(Record))])),
    ms: num,
    warnings: strs,
    error: v.nullable(ErrorInfo),
  }),
  ownObject({ ...base, type: v.literal("wake"), user: str, reasons: strs }),
  ownObject({
    ...base,
    type: v.literal("sync"),
    started_at: num,
    label: v.nullable(str),
    user: str,
    device: str,
    mode: v.picklist(["initial", "incremental", "full_state"]),
    since: v.nullable(str),
    next_batch: str,
    response: ownObject({ presence: v.optional(ownObject({ events: v.array(PresenceEvent) })) }),
    error: v.nullable(ownObject({ status: num, errcode: str, message: str })),
  }),
  ownObject({ ...base, type: v.literal("edu_sent"), destination: str, txn_id: str, edu: Edu }),
  ownObject({
    ...base,
    type: v.literal("edu_received"),
    origin: str,
    edu: v.unknown(),
    accepted: strs,
    rejected: v.array(ownObject({ user_id: v.unknown(), reason: str })),
  }),
  ownObject({ ...base, type: v.literal("module_call"), call: str, args: v.array(v.unknown()), module: v.nullable(str), error: v.nullable(str) }),
  ownObject({ ...base, type: v.literal("log"), level: v.picklist(["debug", "info", "warning", "error"]), message: str, module: optStr }),
  ownObject({ ...base, type: v.literal("error"), message: str, module: optStr, error: v.optional(ErrorInfo) }),
]);

const Delivery = ownObject({ at: num, server: str, source: str, viewer: str, transport: v.picklist(["sync", "federation"]), state: str, via: strs });
const RunErrorS = ownObject({
  kind: v.picklist(["scenario", "module", "config"]),
  message: str,
  file: optStr,
  line: optNum,
  column: optNum,
  path: optStr,
  callback: optStr,
  at: optNum,
});

const count = v.pipe(num, v.integer(), v.minValue(0));
const CostCountsS = {
  gufs_calls: count,
  gufs_states: count,
  gis_calls: count,
  module_calls: count,
  all_path_syncs: count,
  edus: count,
  edu_entries: count,
  wakeups: count,
  sync_responses: count,
};
const CostS = ownObject({
  duration: num,
  ...CostCountsS,
  per_destination: v.record(str, ownObject({ edus: count, entries: count })),
  per_minute: v.array(ownObject(CostCountsS)),
});

export const TraceSchema = ownObject({
  version: v.literal(1),
  scenario: ownObject({ servers: strs, users: strs, start_time: num, end: num }),
  events: v.array(Event),
  deliveries: v.array(Delivery),
  final: v.record(str, v.record(str, Record)),
  expectations: v.array(ownObject({ name: str, ok: v.boolean(), detail: str, event: optNum, path: optStr })),
  errors: v.array(RunErrorS),
  cost: v.optional(CostS),
});

const Diagnostic = ownObject({
  file: str,
  line: num,
  column: num,
  endLine: optNum,
  endColumn: optNum,
  message: str,
  severity: v.picklist(["error", "warning"]),
  path: optStr,
});
const Hints = ownObject({
  rooms: v.optional(v.array(ownObject({ id: str, members: strs }))),
  excludedRooms: v.optional(v.record(str, strs)),
  memberships: v.optional(v.array(ownObject({ at: num, user: str, room: str, membership: str }))),
});

const CrossCheck = ownObject({
  instants: v.array(num),
  probes: v.array(ownObject({ at: num, server: str, routes: v.record(str, strs), interest: v.record(str, v.union([strs, v.literal("ALL")])) })),
  skipped: v.nullable(str),
});

const id = v.pipe(num, v.integer());
export const ReplySchema = v.variant("type", [
  ownObject({ type: v.literal("result"), id, trace: TraceSchema, ms: num, warnings: v.array(Diagnostic), hints: Hints, crossCheckFollows: v.optional(v.boolean()), timing: v.optional(v.record(str, num)) }),
  ownObject({ type: v.literal("cross-check"), id, crossCheck: CrossCheck, ms: num }),
  ownObject({ type: v.literal("scenario-invalid"), id, diagnostics: v.array(Diagnostic) }),
  ownObject({ type: v.literal("run-failed"), id, error: RunErrorS }),
  ownObject({ type: v.literal("progress"), id, done: v.pipe(num, v.minValue(0), v.maxValue(1)) }),
]);

// The schemas' output is the protocol's type (a compile-time check).
type Checked = v.InferOutput<typeof ReplySchema>;
const _sameShape = (r: Checked): RunReply => r;
void _sameShape;

/** "trace.events[3].after" for an issue. */
function where(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const p of issue.path ?? []) {
    const k = p.key;
    out += typeof k === "number" ? `[${k}]` : `${out ? "." : ""}${String(k)}`;
  }
  return out || "the reply";
}

/**
 * A result whose trace came as JSON bytes (`traceJson`, src/worker/protocol.ts
 * WireMessage) with the trace decoded in their place; other messages as they are.
 */
function decodeWire(m: object): { ok: true; m: object } | { ok: false; why: string } {
  if (!Object.hasOwn(m, "traceJson")) return { ok: true, m };
  const { traceJson, ...rest } = m as { traceJson: unknown };
  if (!(traceJson instanceof ArrayBuffer)) return { ok: false, why: "traceJson: not an ArrayBuffer" };
  try {
    return { ok: true, m: { ...rest, trace: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(traceJson)) as unknown } };
  } catch (e) {
    return { ok: false, why: `traceJson: not UTF-8 JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The reply if it is well-formed; otherwise a run-failed reply explaining why (null when it has no id or no known type). */
export function checkReply(wire: unknown): RunReply | null {
  if (typeof wire !== "object" || wire === null || !Object.prototype.hasOwnProperty.call(wire, "id")) return null;
  const { id: rawId, type } = wire as { id?: unknown; type?: unknown };
  if (typeof rawId !== "number" || !Number.isInteger(rawId)) return null;
  if (type !== "result" && type !== "cross-check" && type !== "scenario-invalid" && type !== "run-failed" && type !== "progress") return null;
  const malformed = (why: string): RunReply => ({
    type: "run-failed",
    id: rawId,
    error: { kind: "module", message: `The engine sandbox sent a malformed reply (${why}); it was ignored.` },
  });
  const d = decodeWire(wire);
  if (!d.ok) return malformed(d.why);
  // A result may carry its events and deliveries as columns (src/trace/columns.ts):
  // checked on their own (typed arrays are not walked key by key), the rest by the schema.
  let m = d.m;
  let columns: ColumnsWire | null = null;
  if (type === "result" && Object.hasOwn(m, "columns")) {
    const { columns: raw, ...rest } = m as Record<string, unknown>;
    const problem = columnsProblem(raw);
    if (problem) return malformed(problem);
    const cw = raw as ColumnsWire;
    const objs = ownOnly(cw.objects, () => v.safeParse(EventsOrSlots, cw.objects, { abortEarly: true }));
    if (!objs?.success) return malformed(objs ? `columns.objects${where(objs.issues[0])}: ${objs.issues[0].message}` : "columns.objects: unreadable");
    columns = { ...cw, objects: objs.output as Array<TraceEvent | null> };
    m = rest;
  }
  const body = m;
  const r = ownOnly(body, () => v.safeParse(ReplySchema, body, { abortEarly: true }));
  if (!r?.success) return malformed(r ? `${where(r.issues[0])}: ${r.issues[0].message}` : "unreadable: cyclic or too deep");
  if (columns && r.output.type === "result") {
    const t = r.output.trace;
    if (t.events.length || t.deliveries.length) return malformed("trace: events and deliveries come either as columns or as arrays, not both");
    const cols = TraceColumns.fromWire(columns);
    if (cols.hasFinal) {
      if (Object.keys(t.final).length) return malformed("trace: final states come either as columns or as an object, not both");
      t.final = cols.final();
    }
    // Events and deliveries are read from the columns when first read (checked above, so
    // reading cannot fail); the app materialises them in steps (src/trace/materialise.ts).
    attachColumns(t, cols);
  }
  return r.output;
}

const EventsOrSlots = v.array(v.nullable(Event));

/** Why a trace is malformed, or null (used by tests and the shared-trace view). */
export function traceProblem(t: unknown): string | null {
  const r = ownOnly(t, () => v.safeParse(TraceSchema, t, { abortEarly: true }));
  if (!r) return "unreadable: cyclic or too deep";
  return r.success ? null : `${where(r.issues[0])}: ${r.issues[0].message}`;
}

/** A trace from an untrusted process (the headless runner's child), checked by the same schema. */
export function parseTrace(t: unknown): { ok: true; trace: Trace } | { ok: false; why: string } {
  const r = ownOnly(t, () => v.safeParse(TraceSchema, t, { abortEarly: true }));
  if (!r) return { ok: false, why: "unreadable: cyclic or too deep" };
  return r.success ? { ok: true, trace: r.output } : { ok: false, why: `${where(r.issues[0])}: ${r.issues[0].message}` };
}

/** Every field name a schema of this file reads (the entries of its objects, at any depth). */
export function schemaKeysOf(schemas: readonly unknown[]): string[] {
  const keys = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [...schemas];
  while (stack.length) {
    const s = stack.pop();
    if (typeof s !== "object" || s === null || seen.has(s)) continue;
    seen.add(s);
    const x = s as { entries?: Record<string, unknown>; options?: unknown[]; item?: unknown; items?: unknown[]; wrapped?: unknown; key?: unknown; value?: unknown; pipe?: unknown[] };
    for (const [k, e] of Object.entries(x.entries ?? {})) {
      keys.add(k);
      stack.push(e);
    }
    stack.push(...(x.options ?? []), ...(x.items ?? []), ...(x.pipe ?? []), x.item, x.wrapped, x.key, x.value);
  }
  return [...keys].sort();
}

const SCHEMA_KEYS = schemaKeysOf([ReplySchema, EventsOrSlots, TraceSchema]);

