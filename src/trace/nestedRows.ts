// Router calls, sync responses and EDUs as numbers (issue 14 §3). They carry nested data
// (records, maps, presence contents), but the engine always builds them in one shape, and
// in a big run they are most of the events that were still objects: on the 10,000-user
// hour 80,000 objects, ~130 MB of the engine's heap, a 29 MB structured clone on each hop
// to the app and ~0.7 s of schema checks there. Stored here they are typed columns (their
// buffers transferred) that src/sandbox/columnsCheck.ts checks by bounds.
//
// Only an event of exactly the engine's shape is stored (keys in the engine's order, the
// engine's frozen records, plain objects); anything else stays an object in
// TraceColumns.objects, so materialising gives back the same JSON, key for key.
//
// Shared structures: a "seq" is a run of u32 in seqItems (seqStart[k] .. seqStart[k+1]);
// a "content" row is R54's client presence content (PresenceContent, with user_id in EDUs).
import { Column, NO_STRING, f64, u32, u8 } from "./column.ts";
import type { EduReceivedEvent, EduSentEvent, PresenceContent, PresenceRecord, RouterCallEvent, RouterCallSite, SyncEvent } from "./types.ts";

/** What the rows need from the trace's shared tables (TraceColumns). */
export interface Tables {
  readonly strings: readonly string[];
  str(s: string): number;
  list(xs: readonly string[]): number;
  listAt(k: number): string[];
  /** A record's row; only for records that isEngineRecord() accepted. */
  record(r: PresenceRecord): number;
  /** Record row i as an object (one object per row: events share it, as the engine's do). */
  sharedRecordAt(i: number): PresenceRecord;
  isEngineRecord(r: unknown): r is PresenceRecord;
}

export const SITES: readonly RouterCallSite[] = ["wake", "federation", "ping", "sync", "snapshot", "direct"];
export const CALLBACKS: readonly RouterCallEvent["callback"][] = ["get_users_for_states", "get_interested_users"];
export const MODES: readonly SyncEvent["mode"][] = ["initial", "incremental", "full_state"];
/** Router call input kinds: a seq of record rows (get_users_for_states), a string (get_interested_users' user). */
export const IN_RECORDS = 0;
export const IN_STRING = 1;
/** Router call output kinds: null, "ALL", a user list (a string list), a map (a seq of key, seq-of-records pairs). */
export const OUT_NULL = 0;
export const OUT_ALL = 1;
export const OUT_LIST = 2;
export const OUT_MAP = 3;

/** Content flags: which optional keys a content row has, and currently_active's value. */
export const HAS_USER = 1;
export const HAS_AGO = 2;
export const HAS_STATUS = 4;
export const HAS_ACTIVE = 8;
export const ACTIVE = 16;

export const NESTED_WIRE = {
  u8: ["rcSite", "rcCallback", "rcInKind", "rcOutKind", "syMode", "cFlags"],
  u32: ["seqStart", "seqItems", "rcForUser", "rcModule", "rcInput", "rcOut", "rcWarnings", "syLabel", "syUser", "syDevice", "sySince", "syNext", "syEvents", "esDest", "esTxn", "esPush", "erOrigin", "erPush", "erAccepted", "erRejected", "cPresence", "cStatus", "cUser"],
  f64: ["rcCall", "rcMs", "syStarted", "cAgo"],
} as const;
export type NestedArray = (typeof NESTED_WIRE)[keyof typeof NESTED_WIRE][number];

const ROUTER_KEYS = "at,server,type,call,site,for_user,module,callback,input,output,ms,warnings,error";
const SYNC_KEYS = "at,server,type,started_at,label,user,device,mode,since,next_batch,response,error";
const EDU_SENT_KEYS = "at,server,type,destination,txn_id,edu";
const EDU_RECEIVED_KEYS = "at,server,type,origin,edu,accepted,rejected";

const isPlain = (o: unknown): o is Record<string, unknown> => typeof o === "object" && o !== null && Object.getPrototypeOf(o) === Object.prototype;
const keysAre = (o: object, keys: string) => Object.keys(o).join() === keys;
const isStr = (x: unknown): x is string => typeof x === "string";
const strOrNull = (x: unknown): x is string | null => x === null || typeof x === "string";
const allStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
/** Never a key of a stored map: assigning it would set a prototype instead (columnsCheck refuses it too). */
export const PROTO_KEY = "__proto__";

/** Content keys in formatPresence's order (src/engine/wire.ts), by flags. */
function contentKeys(flags: number): string {
  let k = "presence";
  if (flags & HAS_USER) k += ",user_id";
  if (flags & HAS_AGO) k += ",last_active_ago";
  if (flags & HAS_STATUS) k += ",status_msg";
  if (flags & HAS_ACTIVE) k += ",currently_active";
  return k;
}
/** contentKeys of every flags value, computed once (ACTIVE, a value bit, changes no key). */
const CONTENT_KEYS: readonly string[] = Array.from({ length: 32 }, (_, f) => contentKeys(f));

export class NestedRows {
  readonly cols = {
    seqStart: u32(),
    seqItems: u32(),
    rcCall: f64(),
    rcSite: u8(),
    rcCallback: u8(),
    rcForUser: u32(),
    rcModule: u32(),
    rcInKind: u8(),
    rcInput: u32(),
    rcOutKind: u8(),
    rcOut: u32(),
    rcMs: f64(),
    rcWarnings: u32(),
    syStarted: f64(),
    syLabel: u32(),
    syUser: u32(),
    syDevice: u32(),
    syMode: u8(),
    sySince: u32(),
    syNext: u32(),
    syEvents: u32(),
    esDest: u32(),
    esTxn: u32(),
    esPush: u32(),
    erOrigin: u32(),
    erPush: u32(),
    erAccepted: u32(),
    erRejected: u32(),
    cPresence: u32(),
    cFlags: u8(),
    cAgo: f64(),
    cStatus: u32(),
    cUser: u32(),
  } satisfies Record<NestedArray, Column<Float64Array | Uint32Array | Uint8Array>>;

  constructor(private readonly t: Tables) {
    this.cols.seqStart.push(0);
  }

  private seq(items: readonly number[]): number {
    for (const x of items) this.cols.seqItems.push(x);
    return this.cols.seqStart.push(this.cols.seqItems.length) - 1;
  }

  private seqAt(k: number): Uint32Array {
    const s = this.cols.seqStart.data;
    return this.cols.seqItems.data.subarray(s[k], s[k + 1]);
  }

  private optStr(x: string | null): number {
    return x === null ? NO_STRING : this.t.str(x);
  }

  private strOrNullAt(i: number): string | null {
    return i === NO_STRING ? null : this.t.strings[i];
  }

  // ---- router_call -------------------------------------------------------------------

  /** Stores e if it has the engine's exact shape; its row, or -1 (then keep the object). */
  routerCall(e: RouterCallEvent): number {
    const t = this.t;
    if (!keysAre(e, ROUTER_KEYS) || e.error !== null || typeof e.call !== "number" || typeof e.ms !== "number" || !strOrNull(e.for_user) || !isStr(e.module) || !allStrings(e.warnings)) return -1;
    const site = SITES.indexOf(e.site);
    const callback = CALLBACKS.indexOf(e.callback);
    const input: unknown = e.input;
    if (site < 0 || callback < 0 || !(isStr(input) || (Array.isArray(input) && input.every((r) => t.isEngineRecord(r))))) return -1;
    const out = e.output;
    let kind: number;
    let outRef = 0;
    let routes: Array<[string, unknown]> = [];
    if (out === null) kind = OUT_NULL;
    else if (out === "ALL") kind = OUT_ALL;
    else if (Array.isArray(out)) {
      if (!allStrings(out)) return -1;
      kind = OUT_LIST;
    } else if (isPlain(out)) {
      routes = Object.entries(out);
      for (const [k, v] of routes) if (k === PROTO_KEY || !Array.isArray(v) || !v.every((r) => t.isEngineRecord(r))) return -1;
      kind = OUT_MAP;
    } else return -1;
    // Every check passed: from here on nothing is refused, so no half-written row.
    if (kind === OUT_LIST) outRef = t.list(out as string[]);
    if (kind === OUT_MAP) {
      const pairs: number[] = [];
      for (const [k, v] of routes as Array<[string, PresenceRecord[]]>) pairs.push(t.str(k), this.seq(v.map((r) => t.record(r))));
      outRef = this.seq(pairs);
    }
    const c = this.cols;
    c.rcCall.push(e.call);
    c.rcSite.push(site);
    c.rcCallback.push(callback);
    c.rcForUser.push(this.optStr(e.for_user));
    c.rcModule.push(t.str(e.module));
    c.rcInKind.push(isStr(input) ? IN_STRING : IN_RECORDS);
    c.rcInput.push(isStr(input) ? t.str(input) : this.seq((input as PresenceRecord[]).map((r) => t.record(r))));
    c.rcOutKind.push(kind);
    c.rcOut.push(outRef);
    c.rcMs.push(e.ms);
    return c.rcWarnings.push(t.list(e.warnings));
  }

  routerCallAt(r: number, at: number, server: string): RouterCallEvent {
    const c = this.cols;
    const records = (k: number) => Array.from(this.seqAt(k), (i) => this.t.sharedRecordAt(i));
    const kind = c.rcOutKind.data[r];
    let output: RouterCallEvent["output"] = null;
    if (kind === OUT_ALL) output = "ALL";
    else if (kind === OUT_LIST) output = this.t.listAt(c.rcOut.data[r]);
    else if (kind === OUT_MAP) {
      const pairs = this.seqAt(c.rcOut.data[r]);
      const map: Record<string, PresenceRecord[]> = {};
      for (let j = 0; j < pairs.length; j += 2) map[this.t.strings[pairs[j]]] = records(pairs[j + 1]);
      output = map;
    }
    return {
      at,
      server,
      type: "router_call",
      call: c.rcCall.data[r],
      site: SITES[c.rcSite.data[r]],
      for_user: this.strOrNullAt(c.rcForUser.data[r]),
      module: this.t.strings[c.rcModule.data[r]],
      callback: CALLBACKS[c.rcCallback.data[r]],
      input: c.rcInKind.data[r] === IN_STRING ? this.t.strings[c.rcInput.data[r]] : records(c.rcInput.data[r]),
      output,
      ms: c.rcMs.data[r],
      warnings: this.t.listAt(c.rcWarnings.data[r]),
      error: null,
    };
  }

  /** Cheap facts of a stored router call (src/analysis/cost.ts): nothing materialised. */
  routerCallFacts(r: number): { call: number; site: RouterCallSite; callback: RouterCallEvent["callback"]; inputs: number } {
    const c = this.cols;
    const k = c.rcInput.data[r];
    const inputs = c.rcInKind.data[r] === IN_STRING ? 0 : c.seqStart.data[k + 1] - c.seqStart.data[k];
    return { call: c.rcCall.data[r], site: SITES[c.rcSite.data[r]], callback: CALLBACKS[c.rcCallback.data[r]], inputs };
  }

  // ---- presence contents ---------------------------------------------------------------

  /** The flags of a content of formatPresence's exact shape, or -1. */
  private contentFlags(x: unknown, withUser: boolean): number {
    if (!isPlain(x) || !isStr(x.presence)) return -1;
    let flags = 0;
    if (Object.hasOwn(x, "user_id")) {
      if (!isStr(x.user_id)) return -1;
      flags |= HAS_USER;
    }
    if (withUser !== ((flags & HAS_USER) !== 0)) return -1;
    if (Object.hasOwn(x, "last_active_ago")) {
      if (typeof x.last_active_ago !== "number") return -1;
      flags |= HAS_AGO;
    }
    if (Object.hasOwn(x, "status_msg")) {
      if (!isStr(x.status_msg)) return -1;
      flags |= HAS_STATUS;
    }
    if (Object.hasOwn(x, "currently_active")) {
      if (typeof x.currently_active !== "boolean") return -1;
      flags |= HAS_ACTIVE | (x.currently_active ? ACTIVE : 0);
    }
    return keysAre(x, CONTENT_KEYS[flags]!) ? flags : -1;
  }

  private content(x: PresenceContent & { user_id?: string }, flags: number): number {
    const c = this.cols;
    c.cPresence.push(this.t.str(x.presence));
    c.cFlags.push(flags);
    c.cAgo.push(flags & HAS_AGO ? x.last_active_ago! : 0);
    c.cStatus.push(flags & HAS_STATUS ? this.t.str(x.status_msg!) : NO_STRING);
    return c.cUser.push(flags & HAS_USER ? this.t.str(x.user_id!) : NO_STRING);
  }

  contentAt(i: number): PresenceContent & { user_id?: string } {
    const c = this.cols;
    const flags = c.cFlags.data[i];
    const out: PresenceContent & { user_id?: string } = { presence: this.t.strings[c.cPresence.data[i]] };
    if (flags & HAS_USER) out.user_id = this.t.strings[c.cUser.data[i]];
    if (flags & HAS_AGO) out.last_active_ago = c.cAgo.data[i];
    if (flags & HAS_STATUS) out.status_msg = this.t.strings[c.cStatus.data[i]];
    if (flags & HAS_ACTIVE) out.currently_active = (flags & ACTIVE) !== 0;
    return out;
  }

  /** An m.presence EDU's push entries as content rows (a seq), or -1 if not of the engine's shape. */
  private eduPush(edu: unknown): number {
    if (!isPlain(edu) || !keysAre(edu, "edu_type,content") || edu.edu_type !== "m.presence") return -1;
    const content = edu.content;
    if (!isPlain(content) || !keysAre(content, "push") || !Array.isArray(content.push)) return -1;
    const flags = content.push.map((x) => this.contentFlags(x, true));
    if (flags.includes(-1)) return -1;
    return this.seq(content.push.map((x, j) => this.content(x as PresenceContent & { user_id: string }, flags[j])));
  }

  private eduAt(k: number): EduSentEvent["edu"] {
    return { edu_type: "m.presence", content: { push: Array.from(this.seqAt(k), (i) => this.contentAt(i) as PresenceContent & { user_id: string }) } };
  }

  // ---- sync ----------------------------------------------------------------------------

  sync(e: SyncEvent): number {
    if (!keysAre(e, SYNC_KEYS) || e.error !== null || typeof e.started_at !== "number" || !strOrNull(e.label) || !isStr(e.user) || !isStr(e.device) || !strOrNull(e.since) || !isStr(e.next_batch)) return -1;
    const mode = MODES.indexOf(e.mode);
    const resp: unknown = e.response;
    if (mode < 0 || !isPlain(resp)) return -1;
    let events = NO_STRING;
    if (!keysAre(resp, "")) {
      const p = resp.presence;
      if (!keysAre(resp, "presence") || !isPlain(p) || !keysAre(p, "events") || !Array.isArray(p.events)) return -1;
      const evs = p.events as unknown[];
      const flags: number[] = [];
      for (const ev of evs) {
        if (!isPlain(ev) || !keysAre(ev, "type,sender,content") || ev.type !== "m.presence" || !isStr(ev.sender)) return -1;
        const f = this.contentFlags(ev.content, false);
        if (f < 0) return -1;
        flags.push(f);
      }
      const pairs: number[] = [];
      evs.forEach((ev, j) => {
        const { sender, content } = ev as { sender: string; content: PresenceContent };
        pairs.push(this.t.str(sender), this.content(content, flags[j]));
      });
      events = this.seq(pairs);
    }
    const c = this.cols;
    c.syStarted.push(e.started_at);
    c.syLabel.push(this.optStr(e.label));
    c.syUser.push(this.t.str(e.user));
    c.syDevice.push(this.t.str(e.device));
    c.syMode.push(mode);
    c.sySince.push(this.optStr(e.since));
    c.syNext.push(this.t.str(e.next_batch));
    return c.syEvents.push(events);
  }

  syncAt(r: number, at: number, server: string): SyncEvent {
    const c = this.cols;
    const k = c.syEvents.data[r];
    const response: SyncEvent["response"] = {};
    if (k !== NO_STRING) {
      const pairs = this.seqAt(k);
      const events: NonNullable<SyncEvent["response"]["presence"]>["events"] = [];
      for (let j = 0; j < pairs.length; j += 2) events.push({ type: "m.presence", sender: this.t.strings[pairs[j]], content: this.contentAt(pairs[j + 1]) });
      response.presence = { events };
    }
    return {
      at,
      server,
      type: "sync",
      started_at: c.syStarted.data[r],
      label: this.strOrNullAt(c.syLabel.data[r]),
      user: this.t.strings[c.syUser.data[r]],
      device: this.t.strings[c.syDevice.data[r]],
      mode: MODES[c.syMode.data[r]],
      since: this.strOrNullAt(c.sySince.data[r]),
      next_batch: this.t.strings[c.syNext.data[r]],
      response,
      error: null,
    };
  }

  // ---- EDUs ----------------------------------------------------------------------------

  eduSent(e: EduSentEvent): number {
    if (!keysAre(e, EDU_SENT_KEYS) || !isStr(e.destination) || !isStr(e.txn_id)) return -1;
    const push = this.eduPush(e.edu);
    if (push < 0) return -1;
    const c = this.cols;
    c.esDest.push(this.t.str(e.destination));
    c.esTxn.push(this.t.str(e.txn_id));
    return c.esPush.push(push);
  }

  eduSentAt(r: number, at: number, server: string): EduSentEvent {
    const c = this.cols;
    return { at, server, type: "edu_sent", destination: this.t.strings[c.esDest.data[r]], txn_id: this.t.strings[c.esTxn.data[r]], edu: this.eduAt(c.esPush.data[r]) };
  }

  /** Entries of a stored EDU sent (src/analysis/cost.ts): nothing materialised. */
  eduSentFacts(r: number): { destination: string; entries: number } {
    const c = this.cols;
    const k = c.esPush.data[r];
    return { destination: this.t.strings[c.esDest.data[r]], entries: c.seqStart.data[k + 1] - c.seqStart.data[k] };
  }

  eduReceived(e: EduReceivedEvent): number {
    if (!keysAre(e, EDU_RECEIVED_KEYS) || !isStr(e.origin) || !allStrings(e.accepted) || !Array.isArray(e.rejected)) return -1;
    for (const x of e.rejected) if (!isPlain(x) || !keysAre(x, "user_id,reason") || !isStr(x.user_id) || !isStr(x.reason)) return -1;
    const push = this.eduPush(e.edu);
    if (push < 0) return -1;
    const c = this.cols;
    c.erOrigin.push(this.t.str(e.origin));
    c.erPush.push(push);
    c.erAccepted.push(this.t.list(e.accepted));
    return c.erRejected.push(this.seq(e.rejected.flatMap((x) => [this.t.str(x.user_id as string), this.t.str(x.reason)])));
  }

  eduReceivedAt(r: number, at: number, server: string): EduReceivedEvent {
    const c = this.cols;
    const rej = this.seqAt(c.erRejected.data[r]);
    const rejected: EduReceivedEvent["rejected"] = [];
    for (let j = 0; j < rej.length; j += 2) rejected.push({ user_id: this.t.strings[rej[j]], reason: this.t.strings[rej[j + 1]] });
    return { at, server, type: "edu_received", origin: this.t.strings[c.erOrigin.data[r]], edu: this.eduAt(c.erPush.data[r]), accepted: this.t.listAt(c.erAccepted.data[r]), rejected };
  }
}
