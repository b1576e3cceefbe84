// The run trace in columns: what the engine's Recorder appends to while a run goes on,
// so that a big run does not hold a million small objects (issue 14 §3).
//
// - Every event has a row: its type (an enum), `at`, `server` (a string-table index) and
//   `ref`, the row of its type's own table.
// - The types a run makes by the hundred thousand and whose shape is fixed are stored
//   as numbers only: `state` (its two records in a record table), `wake` (the reasons
//   as an interned string list) and every delivery. The other types (sync responses,
//   router calls, EDUs, requests, logs…) carry nested, partly untrusted data; they keep
//   their object, `ref` being its index in `objects`.
// - Strings are interned in one table; string lists (wake reasons, delivery vias) too.
// - When posted, the run's final states too (`storeFinal`): rows of the record table.
//
// `event(i)` / `delivery(i)` materialise one row as today's TraceEvent / Delivery, key
// for key in the order the engine wrote it, so the JSON trace is byte-identical
// (tests/trace/golden.test.ts). Rows are immutable once appended.
import type { Delivery, PresenceRecord, StateCause, StateEvent, TraceEvent, WakeEvent } from "./types.ts";
import { Column, NO_STRING, f64, u32, u8 } from "./column.ts";
import { NESTED_WIRE, NestedRows, type NestedArray } from "./nestedRows.ts";

export const EVENT_TYPES = ["request", "state", "router_call", "wake", "sync", "edu_sent", "edu_received", "module_call", "log", "error"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const CAUSES: readonly StateCause[] = ["put", "sync", "sync_end", "activity", "timeout", "edu", "module_api", "restart", "startup"];
export const TRANSPORTS: readonly Delivery["transport"][] = ["sync", "federation"];

const TYPE_CODE = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const CAUSE_CODE = new Map<string, number>(CAUSES.map((c, i) => [c, i]));
/**
 * The type byte of a row stored as numbers: its type's code | ROW (state, wake, and the
 * nested types of nestedRows.ts). An event of those types kept as an object has the plain code.
 */
export const ROW = 0x10;
const T_STATE = TYPE_CODE.get("state")! | ROW;
const T_WAKE = TYPE_CODE.get("wake")! | ROW;
const T_ROUTER = TYPE_CODE.get("router_call")! | ROW;
const T_SYNC = TYPE_CODE.get("sync")! | ROW;
const T_EDU_SENT = TYPE_CODE.get("edu_sent")! | ROW;
const T_EDU_RECEIVED = TYPE_CODE.get("edu_received")! | ROW;
/** The event types that have rows of numbers (type byte code | ROW). */
export const ROW_TYPES: readonly number[] = [T_STATE, T_WAKE, T_ROUTER, T_SYNC, T_EDU_SENT, T_EDU_RECEIVED];

/** The typed columns of the wire form, by kind. */
const OWN_WIRE = {
  u8: ["type", "stFlags", "rCurrently", "dTransport"],
  u32: ["server", "ref", "listStart", "listItems", "stUser", "stBefore", "stAfter", "rUser", "rState", "rStatus", "wUser", "wReasons", "dServer", "dSource", "dViewer", "dState", "dVia", "fServer", "fCount", "fUser", "fRec"],
  f64: ["at", "rActiveTs", "rFedTs", "rSyncTs", "dAt"],
} as const;
type OwnArray = (typeof OWN_WIRE)[keyof typeof OWN_WIRE][number];
const WIRE_KINDS = {
  u8: [...OWN_WIRE.u8, ...NESTED_WIRE.u8],
  u32: [...OWN_WIRE.u32, ...NESTED_WIRE.u32],
  f64: [...OWN_WIRE.f64, ...NESTED_WIRE.f64],
} as const;
type WireArray = (typeof WIRE_KINDS)[keyof typeof WIRE_KINDS][number];
const NESTED_NAMES = new Set<string>([...NESTED_WIRE.u8, ...NESTED_WIRE.u32, ...NESTED_WIRE.f64]);
const WIRE_ARRAYS: readonly WireArray[] = [...WIRE_KINDS.u8, ...WIRE_KINDS.u32, ...WIRE_KINDS.f64];

/**
 * The columns as posted from the engine worker to the app: every typed column (its
 * buffer transferred, not copied), the string table and the events kept as objects.
 * Untrusted on arrival: src/sandbox/columnsCheck.ts checks it before it is used.
 */
export type ColumnsWire = { strings: string[]; objects: Array<TraceEvent | null> } & { [K in (typeof WIRE_KINDS)["u8"][number]]: Uint8Array } & {
  [K in (typeof WIRE_KINDS)["u32"][number]]: Uint32Array;
} & { [K in (typeof WIRE_KINDS)["f64"][number]]: Float64Array };
export { WIRE_KINDS, NO_STRING };

export class TraceColumns {
  readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  /** Interned string lists: items of list k are listItems[listStart[k] .. listStart[k+1]). */
  private readonly lists = new Map<string, number>();
  private readonly listStart = u32();
  private readonly listItems = u32();

  // One row per event.
  private readonly type = u8();
  private readonly at = f64();
  private readonly server = u32();
  private readonly ref = u32();
  /** The events stored as objects; null for a reserved slot not filled yet. */
  readonly objects: Array<TraceEvent | null> = [];

  // state events: user, before/after (record rows), notified | cause << 1.
  private readonly stUser = u32();
  private readonly stBefore = u32();
  private readonly stAfter = u32();
  private readonly stFlags = u8();
  // Presence records (R2's seven fields). The engine's records are frozen and shared
  // (state.ts traceDict), so one row serves every event that names the same object.
  private readonly recRow = new WeakMap<PresenceRecord, number>();
  private readonly rUser = u32();
  private readonly rState = u32();
  private readonly rActiveTs = f64();
  private readonly rFedTs = f64();
  private readonly rSyncTs = f64();
  private readonly rStatus = u32();
  private readonly rCurrently = u8();
  // wake events: user, reasons (a list).
  private readonly wUser = u32();
  private readonly wReasons = u32();
  // deliveries
  private readonly dAt = f64();
  private readonly dServer = u32();
  private readonly dSource = u32();
  private readonly dViewer = u32();
  private readonly dTransport = u8();
  private readonly dState = u32();
  private readonly dVia = u32();
  // The final states (trace.final) when posted (storeFinal): the servers in order, each
  // with its count of users, then per user its id and its record's row. 68,370 records of
  // the 10,000-user world were 13.9 MB of JSON for the app to parse and check.
  private readonly fServer = u32();
  private readonly fCount = u32();
  private readonly fUser = u32();
  private readonly fRec = u32();
  // Router calls, syncs and EDUs of the engine's shape (nestedRows.ts).
  private readonly nested = new NestedRows({
    strings: this.strings,
    str: (s) => this.str(s),
    list: (xs) => this.list(xs),
    listAt: (k) => this.listAt(k),
    record: (r) => this.record(r),
    sharedRecordAt: (i) => (this.sharedRecords[i] ??= this.recordAt(i)),
    isEngineRecord: isRecord,
  });
  private readonly sharedRecords: PresenceRecord[] = [];

  constructor() {
    this.listStart.push(0);
  }

  get length(): number {
    return this.type.length;
  }
  get deliveryCount(): number {
    return this.dAt.length;
  }

  str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  private list(xs: readonly string[]): number {
    const key = xs.join("\u0000") + (xs.length ? "" : "\u0001");
    let k = this.lists.get(key);
    if (k === undefined) {
      for (const x of xs) this.listItems.push(this.str(x));
      k = this.listStart.push(this.listItems.length) - 1;
      this.lists.set(key, k);
    }
    return k;
  }

  /** List k as one array shared by every row that names it (materialised events and deliveries share it, as the engine's rows do). */
  private sharedListAt(k: number): string[] {
    return (this.sharedLists[k] ??= this.listAt(k));
  }
  private readonly sharedLists: string[][] = [];

  private listAt(k: number): string[] {
    const items = this.listItems.data;
    const out: string[] = [];
    for (let j = this.listStart.data[k]; j < this.listStart.data[k + 1]; j++) out.push(this.strings[items[j]]);
    return out;
  }

  private row(type: number, at: number, server: string, ref: number): number {
    this.type.push(type);
    this.at.push(at);
    this.server.push(this.str(server));
    return this.ref.push(ref);
  }

  /** Appends e; returns its index. */
  push(e: TraceEvent): number {
    if (e.type === "state" && isStoredState(e)) {
      const r = this.stUser.push(this.str(e.user));
      this.stBefore.push(this.record(e.before));
      this.stAfter.push(this.record(e.after));
      this.stFlags.push((e.notified ? 1 : 0) | (CAUSE_CODE.get(e.cause)! << 1));
      return this.row(T_STATE, e.at, e.server, r);
    }
    if (e.type === "wake" && isStoredWake(e)) {
      const r = this.wUser.push(this.str(e.user));
      this.wReasons.push(this.list(e.reasons));
      return this.row(T_WAKE, e.at, e.server, r);
    }
    const r = e.type === "router_call" ? this.nested.routerCall(e) : e.type === "sync" ? this.nested.sync(e) : e.type === "edu_sent" ? this.nested.eduSent(e) : e.type === "edu_received" ? this.nested.eduReceived(e) : -1;
    if (r >= 0) return this.row(TYPE_CODE.get(e.type)! | ROW, e.at, e.server, r);
    return this.pushObject(e);
  }

  private pushObject(e: TraceEvent): number {
    this.objects.push(e);
    return this.row(TYPE_CODE.get(e.type)!, e.at, e.server, this.objects.length - 1);
  }

  /** A slot whose event is known later (Recorder.reserve): an object row, null for now. */
  reserve(): number {
    this.objects.push(null);
    return this.row(0, 0, "", this.objects.length - 1);
  }

  /** Fills a reserved slot; the event is kept as an object. */
  fill(i: number, e: TraceEvent): void {
    this.objects[this.ref.data[i]] = e;
    this.type.data[i] = TYPE_CODE.get(e.type)!;
    this.at.data[i] = e.at;
    this.server.data[i] = this.str(e.server);
  }

  isFilled(i: number): boolean {
    return (this.type.data[i] & ROW) !== 0 || this.objects[this.ref.data[i]] !== null;
  }

  private record(r: PresenceRecord): number {
    const known = this.recRow.get(r);
    if (known !== undefined) return known;
    const i = this.rUser.push(this.str(r.user_id));
    this.rState.push(this.str(r.state));
    this.rActiveTs.push(r.last_active_ts);
    this.rFedTs.push(r.last_federation_update_ts);
    this.rSyncTs.push(r.last_user_sync_ts);
    this.rStatus.push(r.status_msg === null ? NO_STRING : this.str(r.status_msg));
    this.rCurrently.push(r.currently_active ? 1 : 0);
    this.recRow.set(r, i);
    return i;
  }

  private recordAt(i: number): PresenceRecord {
    const status = this.rStatus.data[i];
    return {
      user_id: this.strings[this.rUser.data[i]],
      state: this.strings[this.rState.data[i]],
      last_active_ts: this.rActiveTs.data[i],
      last_federation_update_ts: this.rFedTs.data[i],
      last_user_sync_ts: this.rSyncTs.data[i],
      status_msg: status === NO_STRING ? null : this.strings[status],
      currently_active: this.rCurrently.data[i] === 1,
    };
  }

  typeOf(i: number): EventType {
    return EVENT_TYPES[this.type.data[i] & ~ROW];
  }
  atOf(i: number): number {
    return this.at.data[i];
  }
  serverOf(i: number): string {
    return this.strings[this.server.data[i]];
  }
  /** The stored object of an event kept as an object, else null (a row of numbers). */
  objectOf(i: number): TraceEvent | null {
    return (this.type.data[i] & ROW) !== 0 ? null : this.objects[this.ref.data[i]];
  }

  /** A router call stored as a row: what src/analysis/cost.ts counts; else null. */
  routerCallFacts(i: number) {
    return this.type.data[i] === T_ROUTER ? this.nested.routerCallFacts(this.ref.data[i]) : null;
  }

  /** An EDU sent stored as a row: its destination and entry count; else null. */
  eduSentFacts(i: number) {
    return this.type.data[i] === T_EDU_SENT ? this.nested.eduSentFacts(this.ref.data[i]) : null;
  }

  /** Event i as a TraceEvent (a new object for state and wake rows). */
  event(i: number): TraceEvent {
    const t = this.type.data[i];
    const r = this.ref.data[i];
    if (t === T_STATE) {
      const flags = this.stFlags.data[r];
      const e: StateEvent = {
        at: this.at.data[i],
        server: this.strings[this.server.data[i]],
        type: "state",
        user: this.strings[this.stUser.data[r]],
        before: this.recordAt(this.stBefore.data[r]),
        after: this.recordAt(this.stAfter.data[r]),
        notified: (flags & 1) === 1,
        cause: CAUSES[flags >> 1],
      };
      return e;
    }
    if (t === T_WAKE) {
      const e: WakeEvent = { at: this.at.data[i], server: this.strings[this.server.data[i]], type: "wake", user: this.strings[this.wUser.data[r]], reasons: this.listAt(this.wReasons.data[r]) };
      return e;
    }
    const at = this.at.data[i];
    const server = this.strings[this.server.data[i]];
    if (t === T_ROUTER) return this.nested.routerCallAt(r, at, server);
    if (t === T_SYNC) return this.nested.syncAt(r, at, server);
    if (t === T_EDU_SENT) return this.nested.eduSentAt(r, at, server);
    if (t === T_EDU_RECEIVED) return this.nested.eduReceivedAt(r, at, server);
    const o = this.objects[r];
    if (o === null) throw new Error(`trace event ${i} is a reserved slot that was never filled`);
    return o;
  }

  /** Every filled event, in order, materialised. */
  events(): TraceEvent[] {
    return this.eventsInto([], 0, this.length);
  }

  /** The filled events of rows [from, to) appended to `out` (materialising in steps). */
  eventsInto(out: TraceEvent[], from: number, to: number): TraceEvent[] {
    for (let i = from; i < to; i++) if (this.isFilled(i)) out.push(this.event(i));
    return out;
  }


  /**
   * Stores `final` as rows when every record is of the engine's shape (then the posted
   * JSON leaves it out) and says whether it did; an empty `final` is not stored. The same
   * trace posted again finds it stored.
   */
  storeFinal(final: Record<string, Record<string, PresenceRecord>>): boolean {
    if (this.fServer.length) return true;
    const servers = Object.keys(final);
    if (!servers.length || !servers.every((s) => Object.values(final[s]).every(isRecord))) return false;
    for (const s of servers) {
      const users = Object.keys(final[s]);
      this.fServer.push(this.str(s));
      this.fCount.push(users.length);
      for (const u of users) {
        this.fUser.push(this.str(u));
        this.fRec.push(this.record(final[s][u]));
      }
    }
    return true;
  }

  get hasFinal(): boolean {
    return this.fServer.length > 0;
  }

  /**
   * The stored final states, keys in the stored order. A key an object may not own
   * (`__proto__`, `constructor`, `prototype`) is left out, as the reply schema leaves it
   * out of a `final` that came as JSON.
   */
  final(): Record<string, Record<string, PresenceRecord>> {
    const out: Record<string, Record<string, PresenceRecord>> = {};
    let row = 0;
    for (let k = 0; k < this.fServer.length; k++) {
      const recs: Record<string, PresenceRecord> = {};
      for (const end = row + this.fCount.data[k]; row < end; row++) {
        const user = this.strings[this.fUser.data[row]];
        if (!FORBIDDEN_KEYS.has(user)) recs[user] = this.recordAt(this.fRec.data[row]);
      }
      const server = this.strings[this.fServer.data[k]];
      if (!FORBIDDEN_KEYS.has(server)) out[server] = recs;
    }
    return out;
  }

  /** The columns as plain typed arrays (own buffers, exact lengths) and lists, to post. */
  toWire(): ColumnsWire {
    const w = { strings: this.strings.slice(), objects: this.objects.slice() } as Partial<ColumnsWire>;
    for (const k of WIRE_ARRAYS) (w as Record<string, unknown>)[k] = this.col(k).copy();
    return w as ColumnsWire;
  }

  /** Columns from a wire form that columnsProblem() accepted (the arrays are adopted, not copied). */
  static fromWire(w: ColumnsWire): TraceColumns {
    const c = new TraceColumns();
    for (const s of w.strings) c.str(s);
    c.objects.push(...w.objects);
    for (const k of WIRE_ARRAYS) (c.col(k) as Column<typeof w[typeof k]>).adopt(w[k]);
    return c;
  }

  private col(k: WireArray): Column<Float64Array | Uint32Array | Uint8Array> {
    return NESTED_NAMES.has(k) ? this.nested.cols[k as NestedArray] : this[k as OwnArray];
  }

  deliver(d: Delivery): void {
    this.dAt.push(d.at);
    this.dServer.push(this.str(d.server));
    this.dSource.push(this.str(d.source));
    this.dViewer.push(this.str(d.viewer));
    this.dTransport.push(d.transport === "sync" ? 0 : 1);
    this.dState.push(this.str(d.state));
    this.dVia.push(this.list(d.via));
  }

  delivery(i: number): Delivery {
    return {
      at: this.dAt.data[i],
      server: this.strings[this.dServer.data[i]],
      source: this.strings[this.dSource.data[i]],
      viewer: this.strings[this.dViewer.data[i]],
      transport: TRANSPORTS[this.dTransport.data[i]],
      state: this.strings[this.dState.data[i]],
      via: this.sharedListAt(this.dVia.data[i]),
    };
  }

  deliveries(): Delivery[] {
    return this.deliveriesInto([], 0, this.deliveryCount);
  }

  /** Deliveries [from, to) appended to `out`. */
  deliveriesInto(out: Delivery[], from: number, to: number): Delivery[] {
    for (let i = from; i < to; i++) out.push(this.delivery(i));
    return out;
  }
}

// Only events of exactly the engine's shape become numbers (anything else, e.g. a test's
// hand-made event, stays an object), so that materialising gives back the same JSON.
const STATE_KEYS = "at,server,type,user,before,after,notified,cause";
const RECORD_KEYS = "user_id,state,last_active_ts,last_federation_update_ts,last_user_sync_ts,status_msg,currently_active";
const WAKE_KEYS = "at,server,type,user,reasons";
const recordShapes = new WeakSet<PresenceRecord>();

function isRecord(x: unknown): x is PresenceRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as PresenceRecord;
  if (recordShapes.has(r)) return true;
  const ok =
    Object.isFrozen(r) &&
    Object.keys(r).join() === RECORD_KEYS &&
    typeof r.user_id === "string" &&
    typeof r.state === "string" &&
    typeof r.last_active_ts === "number" &&
    typeof r.last_federation_update_ts === "number" &&
    typeof r.last_user_sync_ts === "number" &&
    (r.status_msg === null || typeof r.status_msg === "string") &&
    typeof r.currently_active === "boolean";
  if (ok) recordShapes.add(r);
  return ok;
}

function isStoredState(e: StateEvent): boolean {
  return Object.keys(e).join() === STATE_KEYS && typeof e.at === "number" && typeof e.user === "string" && typeof e.notified === "boolean" && CAUSE_CODE.has(e.cause) && isRecord(e.before) && isRecord(e.after);
}

function isStoredWake(e: WakeEvent): boolean {
  return Object.keys(e).join() === WAKE_KEYS && typeof e.at === "number" && typeof e.user === "string" && Array.isArray(e.reasons) && e.reasons.every((x) => typeof x === "string");
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const COLUMNS = Symbol("trace columns");

/**
 * Makes `trace.events` and `trace.deliveries` lazy views of `columns`: each is built the
 * first time it is read (JSON.stringify, postMessage and spreads read it too), then is
 * an ordinary array property. The keys keep their place, so the JSON is unchanged.
 */
export function attachColumns<T extends { events: TraceEvent[]; deliveries: Delivery[] }>(trace: T, columns: TraceColumns): T {
  const lazy = (key: "events" | "deliveries", build: () => unknown[]) => {
    const settle = (value: unknown) => Object.defineProperty(trace, key, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(trace, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = build();
        settle(value);
        return value;
      },
      set: settle,
    });
  };
  lazy("events", () => columns.events());
  lazy("deliveries", () => columns.deliveries());
  Object.defineProperty(trace, COLUMNS, { value: columns });
  return trace;
}

/**
 * The trace as it reads, with `events` and `deliveries` materialised into a copy of their
 * own on first read: what reads it (the scenario's expectations) leaves the trace's own
 * still in columns, so it is still posted as typed arrays (splitForPost).
 */
export function readingCopy<T extends { events: TraceEvent[]; deliveries: Delivery[] }>(trace: T): T {
  const cols = columnsOf(trace);
  if (!cols) return trace;
  const copy = {} as T;
  for (const k of Object.keys(trace) as Array<keyof T & string>) {
    if (k === "events" || k === "deliveries") {
      let value: unknown;
      const build = k === "events" ? () => cols.events() : () => cols.deliveries();
      Object.defineProperty(copy, k, { enumerable: true, get: () => (value ??= build()) });
    } else copy[k] = trace[k];
  }
  return copy;
}

/** The columns behind a trace's events while they are not materialised; else undefined. */
export function columnsOf(trace: object): TraceColumns | undefined {
  const cols = (trace as { [COLUMNS]?: TraceColumns })[COLUMNS];
  return cols && Object.getOwnPropertyDescriptor(trace, "events")?.get ? cols : undefined;
}

/**
 * For posting: the trace with empty `events` / `deliveries` (and `final` when its records
 * are of the engine's shape) and its columns beside it, plus the buffers to transfer; null
 * when the trace has no columns (then post it as is).
 */
export function splitForPost<T extends { events: TraceEvent[]; deliveries: Delivery[]; final: Record<string, Record<string, PresenceRecord>> }>(trace: T): { trace: T; columns: ColumnsWire; transfer: ArrayBuffer[] } | null {
  const cols = columnsOf(trace);
  if (!cols || Object.getOwnPropertyDescriptor(trace, "deliveries")?.get === undefined) return null;
  const finalInColumns = cols.storeFinal(trace.final);
  const shell = {} as Record<string, unknown>;
  for (const k of Object.keys(trace)) shell[k] = k === "events" || k === "deliveries" ? [] : k === "final" && finalInColumns ? {} : (trace as Record<string, unknown>)[k];
  const columns = cols.toWire();
  const transfer = WIRE_ARRAYS.map((k) => columns[k].buffer as ArrayBuffer);
  return { trace: shell as T, columns, transfer };
}
