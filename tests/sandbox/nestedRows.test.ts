// Router calls, syncs and EDUs stored as rows of numbers (src/trace/nestedRows.ts) and
// their check on arrival (src/sandbox/nestedCheck.ts): materialised key for key as the
// engine wrote them, anything not of the engine's shape kept as an object, and every
// forged index or enum refused with its column named, on both sides of each bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReply } from "../../src/sandbox/reply.ts";
import { columnsProblem } from "../../src/sandbox/columnsCheck.ts";
import { EVENT_TYPES, NO_STRING, ROW, TraceColumns, type ColumnsWire } from "../../src/trace/columns.ts";
import { ACTIVE, HAS_STATUS, HAS_USER, NESTED_WIRE, OUT_MAP } from "../../src/trace/nestedRows.ts";
import type { EduReceivedEvent, EduSentEvent, PresenceRecord, RouterCallEvent, SyncEvent, TraceEvent } from "../../src/trace/types.ts";

const rec = (user_id: string, state: string, status_msg: string | null = null): PresenceRecord =>
  Object.freeze({ user_id, state, last_active_ts: 1, last_federation_update_ts: 2, last_user_sync_ts: 3, status_msg, currently_active: state === "online" });

const A = rec("@a:a.org", "online", "lunch");
const B = rec("@b:a.org", "unavailable");

const gufs = (output: RouterCallEvent["output"], extra: Partial<RouterCallEvent> = {}): RouterCallEvent => ({
  at: 1,
  server: "a.org",
  type: "router_call",
  call: 3,
  site: "wake",
  for_user: null,
  module: "router.ts",
  callback: "get_users_for_states",
  input: [A, B],
  output,
  ms: 0.25,
  warnings: ["w1"],
  error: null,
  ...extra,
});
const gis = (output: RouterCallEvent["output"]): RouterCallEvent => ({ ...gufs(output), call: 4, site: "sync", for_user: "@c:a.org", callback: "get_interested_users", input: "@c:a.org", warnings: [] });

const sync = (events: Array<{ sender: string; content: Record<string, unknown> }> | null, extra: Partial<SyncEvent> = {}): SyncEvent => ({
  at: 2,
  server: "a.org",
  type: "sync",
  started_at: 1.5,
  label: null,
  user: "@c:a.org",
  device: "DEV",
  mode: "incremental",
  since: "s1_0",
  next_batch: "s2_0",
  response: events ? { presence: { events: events.map((e) => ({ type: "m.presence", sender: e.sender, content: e.content as never })) } } : {},
  error: null,
  ...extra,
});

const push = [
  { presence: "online", user_id: "@a:a.org", last_active_ago: 5, status_msg: "lunch", currently_active: true },
  { presence: "offline", user_id: "@b:a.org" },
];
const eduSent = (): EduSentEvent => ({ at: 3, server: "a.org", type: "edu_sent", destination: "b.org", txn_id: "a.org:1", edu: { edu_type: "m.presence", content: { push: push.map((p) => ({ ...p })) } } });
const eduReceived = (): EduReceivedEvent => ({
  at: 4,
  server: "b.org",
  type: "edu_received",
  origin: "a.org",
  edu: { edu_type: "m.presence", content: { push: push.map((p) => ({ ...p })) } },
  accepted: ["@a:a.org"],
  rejected: [{ user_id: "@b:a.org", reason: "because (R43.2)" }],
});

/** One of each shape the rows store. */
function events(): TraceEvent[] {
  return [
    gufs({ "@c:a.org": [A], "@d:b.org": [A, B] }),
    gufs(null, { warnings: [] }),
    gis(["@a:a.org", "@b:a.org"]),
    gis("ALL"),
    gis(null),
    sync([
      { sender: "@a:a.org", content: { presence: "online", last_active_ago: 0, status_msg: "lunch", currently_active: true } },
      { sender: "@b:a.org", content: { presence: "unavailable", last_active_ago: 60000 } },
    ]),
    sync(null, { label: "poll", since: null, mode: "initial" }),
    eduSent(),
    eduReceived(),
  ];
}

function columnsOfEvents(es: TraceEvent[]): TraceColumns {
  const c = new TraceColumns();
  for (const e of es) c.push(e);
  return c;
}
const wire = () => columnsOfEvents(events()).toWire();
const result = (columns: ColumnsWire) => ({ type: "result", id: 7, trace: { version: 1, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [], final: {}, expectations: [], errors: [] }, ms: 1, warnings: [], hints: {}, columns });

describe("nested rows: stored and materialised", () => {
  it("every shape the engine writes becomes a row and comes back key for key", () => {
    const es = events();
    const c = columnsOfEvents(es);
    expect(c.objects).toEqual([]); // nothing kept as an object
    expect(JSON.stringify(c.events())).toBe(JSON.stringify(es));
    // Through the wire and the app's check, the same.
    const r = checkReply(structuredClone(result(c.toWire())));
    expect(r?.type).toBe("result");
    expect(JSON.stringify((r as { trace: { events: TraceEvent[] } }).trace.events)).toBe(JSON.stringify(es));
  });

  it("a record named by several events is one object once materialised (as the engine's are)", () => {
    const c = columnsOfEvents([gufs({ "@c:a.org": [A] })]);
    const e = c.event(0) as RouterCallEvent;
    const out = e.output as Record<string, PresenceRecord[]>;
    expect(out["@c:a.org"]![0]).toBe(e.input[0]);
  });

  it("cost facts come from the rows without materialising", () => {
    const c = columnsOfEvents(events());
    expect(c.routerCallFacts(0)).toEqual({ call: 3, site: "wake", callback: "get_users_for_states", inputs: 2 });
    expect(c.routerCallFacts(2)).toEqual({ call: 4, site: "sync", callback: "get_interested_users", inputs: 0 });
    expect(c.routerCallFacts(5)).toBeNull(); // a sync row
    expect(c.eduSentFacts(7)).toEqual({ destination: "b.org", entries: 2 });
    expect(c.eduSentFacts(8)).toBeNull(); // an edu_received row
  });

  it("anything not of the engine's exact shape stays an object (JSON unchanged)", () => {
    const proto: Record<string, PresenceRecord[]> = {};
    Object.defineProperty(proto, "__proto__", { value: [A], enumerable: true, writable: true, configurable: true });
    const odd: TraceEvent[] = [
      gufs(null, { error: { message: "boom" } }),
      gufs(proto),
      gufs(null, { input: [{ ...A }] }), // an unfrozen record
      gufs({ "@c:a.org": [{ ...A }] }),
      gufs(["@a:a.org", 5 as unknown as string]),
      { ...gufs(null), extra: 1 } as TraceEvent,
      sync(null, { error: { status: 500, errcode: "M_UNKNOWN", message: "x" } }),
      sync([{ sender: "@a:a.org", content: { last_active_ago: 0, presence: "online" } }]), // keys in another order
      sync([{ sender: "@a:a.org", content: { presence: "online", user_id: "@a:a.org" } }]), // user_id in a sync
      { ...eduSent(), edu: { edu_type: "m.presence", content: { push: [{ presence: "online" }] } } } as TraceEvent, // no user_id
      { ...eduReceived(), rejected: [{ user_id: 5, reason: "not a string" }] },
      { ...eduReceived(), edu: "garbage" },
    ];
    const c = columnsOfEvents(odd);
    expect(c.objects).toHaveLength(odd.length);
    expect(JSON.stringify(c.events())).toBe(JSON.stringify(odd));
  });

  it("a refused event writes nothing to the tables it was checked against", () => {
    const c = columnsOfEvents([sync([{ sender: "@a:a.org", content: { presence: "online" } }, { sender: "@b:a.org", content: { presence: 5 } }])]);
    const w = c.toWire();
    expect(w.cPresence.length).toBe(0);
    expect(Array.from(w.seqStart)).toEqual([0]);
  });
});

describe("nested rows: each way an event can leave the engine's shape keeps it an object", () => {
  /** The same event with `type` as its first key. */
  const typeFirst = (e: TraceEvent): TraceEvent => {
    const { type, ...rest } = e;
    return { type, ...rest } as TraceEvent;
  };
  const content = { presence: "online", last_active_ago: 0, status_msg: "lunch", currently_active: true };
  const withSync = (c: unknown) => sync([{ sender: "@a:a.org", content: c as Record<string, unknown> }]);
  const edu = (x: unknown) => ({ ...eduSent(), edu: x }) as TraceEvent;
  const entries = (p: unknown[]) => edu({ edu_type: "m.presence", content: { push: p } });
  const received = (x: Partial<Record<keyof EduReceivedEvent, unknown>>) => ({ ...eduReceived(), ...x }) as TraceEvent;
  const cases: Array<[string, TraceEvent]> = [
    ["router_call: keys in another order", typeFirst(gufs(null))],
    ["router_call: an error", gufs(null, { error: { message: "boom" } })],
    ["router_call: a call id not a number", gufs(null, { call: "3" as unknown as number })],
    ["router_call: ms not a number", gufs(null, { ms: null as unknown as number })],
    ["router_call: for_user not a string", gufs(null, { for_user: 5 as unknown as string })],
    ["router_call: module not a string", gufs(null, { module: null as unknown as string })],
    ["router_call: a warning not a string", gufs(null, { warnings: [5 as unknown as string] })],
    ["router_call: an unknown site", gufs(null, { site: "elsewhere" as RouterCallEvent["site"] })],
    ["router_call: an unknown callback", gufs(null, { callback: "other" as RouterCallEvent["callback"] })],
    ["router_call: input neither records nor a string", gufs(null, { input: 5 as unknown as string })],
    ["router_call: an unfrozen input record", gufs(null, { input: [A, { ...B }] })],
    ["router_call: an output list with a number", gufs(["@a:a.org", 5 as unknown as string])],
    ["router_call: an output string other than ALL", gufs("SOME" as RouterCallEvent["output"])],
    ["router_call: an output Map", gufs(new Map() as unknown as RouterCallEvent["output"])],
    ["router_call: an output map value not a list", gufs({ "@c:a.org": A } as unknown as RouterCallEvent["output"])],
    ["router_call: an unfrozen record in an output map", gufs({ "@c:a.org": [A], "@d:a.org": [A, { ...B }] })],
    ["sync: keys in another order", typeFirst(sync(null))],
    ["sync: an error", sync(null, { error: { status: 500, errcode: "M_UNKNOWN", message: "x" } })],
    ["sync: started_at not a number", sync(null, { started_at: "1" as unknown as number })],
    ["sync: a label not a string", sync(null, { label: 5 as unknown as string })],
    ["sync: user not a string", sync(null, { user: null as unknown as string })],
    ["sync: device not a string", sync(null, { device: null as unknown as string })],
    ["sync: since not a string", sync(null, { since: 5 as unknown as string })],
    ["sync: next_batch null", sync(null, { next_batch: null as unknown as string })],
    ["sync: an unknown mode", sync(null, { mode: "partial" as SyncEvent["mode"] })],
    ["sync: a response not a plain object", sync(null, { response: new Map() as unknown as SyncEvent["response"] })],
    ["sync: a response with another key", sync(null, { response: { presence: { events: [] }, rooms: {} } as SyncEvent["response"] })],
    ["sync: presence undefined", sync(null, { response: { presence: undefined } as unknown as SyncEvent["response"] })],
    ["sync: presence not a plain object", sync(null, { response: { presence: [] } as unknown as SyncEvent["response"] })],
    ["sync: presence with another key", sync(null, { response: { presence: { events: [], more: 1 } } as unknown as SyncEvent["response"] })],
    ["sync: events not a list", sync(null, { response: { presence: { events: {} } } as unknown as SyncEvent["response"] })],
    ["sync: an event not a plain object", sync(null, { response: { presence: { events: [null] } } as unknown as SyncEvent["response"] })],
    ["sync: an event's keys in another order", sync(null, { response: { presence: { events: [{ sender: "@a:a.org", type: "m.presence", content }] } } as unknown as SyncEvent["response"] })],
    ["sync: an event of another type", sync(null, { response: { presence: { events: [{ type: "m.typing", sender: "@a:a.org", content }] } } as unknown as SyncEvent["response"] })],
    ["sync: a sender not a string", sync(null, { response: { presence: { events: [{ type: "m.presence", sender: 5, content }] } } as unknown as SyncEvent["response"] })],
    ["content: not a plain object", withSync(null)],
    ["content: presence not a string", withSync({ ...content, presence: 5 })],
    ["content: user_id in a sync response", withSync({ presence: "online", user_id: "@a:a.org" })],
    ["content: last_active_ago not a number", withSync({ presence: "online", last_active_ago: "0" })],
    ["content: status_msg not a string", withSync({ presence: "online", status_msg: null })],
    ["content: currently_active not a boolean", withSync({ presence: "online", currently_active: 1 })],
    ["content: keys in another order", withSync({ presence: "online", currently_active: true, last_active_ago: 0 })],
    ["content: another key", withSync({ presence: "online", extra: 1 })],
    ["edu_sent: keys in another order", typeFirst(eduSent())],
    ["edu_sent: destination not a string", { ...eduSent(), destination: 5 } as unknown as TraceEvent],
    ["edu_sent: txn_id not a string", { ...eduSent(), txn_id: null } as unknown as TraceEvent],
    ["edu: not a plain object", edu("m.presence")],
    ["edu: another key", edu({ edu_type: "m.presence", content: { push: [] }, origin: "x" })],
    ["edu: another type", edu({ edu_type: "m.typing", content: { push: [] } })],
    ["edu: content not a plain object", edu({ edu_type: "m.presence", content: [] })],
    ["edu: content with another key", edu({ edu_type: "m.presence", content: { push: [], more: 1 } })],
    ["edu: push not a list", edu({ edu_type: "m.presence", content: { push: {} } })],
    ["edu: an entry without user_id", entries([{ presence: "online" }])],
    ["edu: an entry whose user_id is not a string", entries([{ presence: "online", user_id: 5 }])],
    ["edu_received: keys in another order", typeFirst(eduReceived())],
    ["edu_received: origin not a string", received({ origin: 5 })],
    ["edu_received: accepted not strings", received({ accepted: [5] })],
    ["edu_received: rejected not a list", received({ rejected: {} })],
    ["edu_received: a rejection not a plain object", received({ rejected: ["x"] })],
    ["edu_received: a rejection with another key", received({ rejected: [{ user_id: "@b:a.org", reason: "r", more: 1 }] })],
    ["edu_received: a rejection whose reason is not a string", received({ rejected: [{ user_id: "@b:a.org", reason: 5 }] })],
    ["edu_received: an EDU of another shape", received({ edu: { edu_type: "m.presence" } })],
  ];
  for (const [what, e] of cases) {
    it(what, () => {
      const c = columnsOfEvents([e]);
      expect(c.objects).toEqual([e]);
      expect(c.objectOf(0)).toBe(e);
    });
  }

  it("a materialised content has exactly the keys it was stored with, currently_active false too", () => {
    const contents = [{ presence: "unavailable", last_active_ago: 60000, currently_active: false }, { presence: "offline" }, { presence: "online", status_msg: "hi" }];
    const c = columnsOfEvents([sync(contents.map((x) => ({ sender: "@a:a.org", content: x })))]);
    expect(c.objects).toEqual([]);
    const got = (c.event(0) as SyncEvent).response.presence!.events.map((e) => e.content);
    expect(got).toStrictEqual(contents);
    expect(got.map((x) => Object.keys(x).join())).toEqual(["presence,last_active_ago,currently_active", "presence", "presence,status_msg"]);
  });

  it("the smallest shapes the engine writes are rows: a content with presence only, the first seq of a table", () => {
    const first = columnsOfEvents([eduSent()]);
    expect(first.objects).toEqual([]);
    expect(first.toWire().esPush[0]).toBe(0); // seq 0 is a seq
    const bare = columnsOfEvents([withSync({ presence: "offline" })]);
    expect(bare.objects).toEqual([]);
    expect(bare.toWire().cFlags[0]).toBe(0);
    expect(JSON.stringify(bare.events())).toBe(JSON.stringify([withSync({ presence: "offline" })]));
    const firstReceived = columnsOfEvents([eduReceived()]);
    expect(firstReceived.objects).toEqual([]);
  });
});

describe("nested rows: columnsProblem, both sides of every bound", () => {
  const nSeq = (w: ColumnsWire) => w.seqStart.length - 1;

  it("a well-formed wire is accepted", () => expect(columnsProblem(wire())).toBeNull());

  it("row refs of each nested type: the last row is in bounds, one past is not", () => {
    for (const [i, col] of [[0, "rcCall"], [5, "syStarted"], [7, "esDest"], [8, "erOrigin"]] as const) {
      const w = wire();
      expect(w.type[i] & ROW).toBe(ROW);
      w.ref[i] = w[col].length - 1;
      expect(columnsProblem(w)).toBeNull();
      w.ref[i] = w[col].length;
      expect(columnsProblem(w)).toMatch(new RegExp(`^columns\\.ref\\[${i}\\]: row ${w[col].length} out of bounds`));
    }
  });

  it("seqs: the last seq is in bounds, one past is not; starts begin at 0, rise, end at the items", () => {
    const w = wire();
    w.rcInput[0] = nSeq(w) - 1;
    expect(columnsProblem(w)).toMatch(/^columns\.rcInput\[0\]: record row/); // the last seq holds content rows, not records
    const v = wire();
    v.rcInput[0] = nSeq(v);
    expect(columnsProblem(v)).toBe(`columns.rcInput[0]: seq ${nSeq(v)} out of bounds (${nSeq(v)} seqs)`);
    const a = wire();
    a.seqStart[0] = 1;
    expect(columnsProblem(a)).toBe("columns.seqStart: must start with 0");
    const none = wire();
    none.seqStart = new Uint32Array(0);
    expect(columnsProblem(none)).toBe("columns.seqStart: must start with 0");
    const b = wire();
    b.seqStart[1] = b.seqStart[2] + 1;
    expect(columnsProblem(b)).toMatch(/^columns\.seqStart\[\d\]: seqs out of order/);
    const c = wire();
    c.seqItems = c.seqItems.slice(1);
    expect(columnsProblem(c)).toBe("columns.seqStart: does not end at seqItems.length");
  });

  it("record rows inside a seq: the last record is in bounds, one past is not", () => {
    const w = wire();
    const first = w.seqStart[w.rcInput[0]];
    w.seqItems[first] = w.rUser.length - 1;
    expect(columnsProblem(w)).toBeNull();
    w.seqItems[first] = w.rUser.length;
    expect(columnsProblem(w)).toBe(`columns.rcInput[0]: record row ${w.rUser.length} out of bounds (${w.rUser.length})`);
  });

  it("a string input: the last string is in bounds, one past is not", () => {
    const w = wire();
    w.rcInput[2] = w.strings.length - 1;
    expect(columnsProblem(w)).toBeNull();
    w.rcInput[2] = w.strings.length;
    expect(columnsProblem(w)).toMatch(/^columns\.rcInput\[2\]: string index/);
  });

  it("enums: the last value is in range, one past is not", () => {
    const cases: Array<[keyof ColumnsWire, number, number]> = [
      ["rcSite", 0, 6],
      ["rcCallback", 0, 2],
      ["rcInKind", 1, 2],
      ["rcOutKind", 4, 4],
      ["syMode", 0, 3],
      ["cFlags", 0, 32],
    ];
    for (const [col, i, n] of cases) {
      const w = wire();
      (w[col] as Uint8Array)[i] = n;
      expect(columnsProblem(w)).toMatch(new RegExp(`^columns\\.${col}\\[${i}\\]: .* ${n} out of range \\(< ${n}\\)`));
    }
    const ok = wire();
    ok.rcSite[0] = 5;
    ok.syMode[0] = 2;
    ok.cFlags[0] |= ACTIVE; // a stray value bit without HAS_ACTIVE is harmless
    expect(columnsProblem(ok)).toBeNull();
  });

  it("output kinds: a list must be a list, a map a seq of pairs with no __proto__ key", () => {
    const w = wire();
    w.rcOutKind[4] = 2; // gis(null) claims a list
    w.rcOut[4] = w.listStart.length - 2;
    expect(columnsProblem(w)).toBeNull();
    w.rcOut[4] = w.listStart.length - 1;
    expect(columnsProblem(w)).toMatch(/^columns\.rcOut\[4\]: list \d+ out of bounds/);
    const m = wire();
    expect(m.rcOutKind[0]).toBe(OUT_MAP);
    m.strings[m.seqItems[m.seqStart[m.rcOut[0]]]] = "__proto__";
    expect(columnsProblem(m)).toBe("columns.rcOut[0]: a routed map may not have the key __proto__");
    const oneItem = columnsOfEvents([gufs({ "@c:a.org": [A] }, { input: [A] })]).toWire();
    oneItem.rcOut[0] = oneItem.rcInput[0]; // a seq of one item is not a list of pairs
    expect(columnsProblem(oneItem)).toMatch(/^columns\.rcOut\[0\]: seq \d+ is not a list of pairs/);
  });

  it("numbers: a call id must be a finite integer; ms, started_at and last_active_ago finite", () => {
    const w = wire();
    w.rcCall[0] = 3.5;
    expect(columnsProblem(w)).toBe("columns.rcCall[0]: not an integer");
    for (const col of ["rcCall", "rcMs", "syStarted", "cAgo"] as const) {
      const v = wire();
      v[col][0] = Number.POSITIVE_INFINITY;
      expect(columnsProblem(v)).toBe(`columns.${col}[0]: not a finite number`);
    }
  });

  it("optional strings: the null marker where allowed, never where a flag says the string is there", () => {
    const w = wire();
    w.rcForUser[0] = NO_STRING;
    w.syLabel[0] = NO_STRING;
    w.sySince[1] = NO_STRING;
    expect(columnsProblem(w)).toBeNull();
    const u = wire();
    u.syUser[0] = NO_STRING;
    expect(columnsProblem(u)).toMatch(/^columns\.syUser\[0\]: string index/);
    const s = wire();
    const withStatus = Array.from(s.cFlags).findIndex((f) => f & HAS_STATUS);
    s.cStatus[withStatus] = NO_STRING;
    expect(columnsProblem(s)).toBe(`columns.cStatus[${withStatus}]: missing though its flags say it is there`);
    const v = wire();
    const withUser = Array.from(v.cFlags).findIndex((f) => f & HAS_USER);
    v.cUser[withUser] = NO_STRING;
    expect(columnsProblem(v)).toBe(`columns.cUser[${withUser}]: missing though its flags say it is there`);
  });

  it("an EDU sent needs user_id on every entry; a sync's events are sender / content pairs", () => {
    const w = wire();
    const entry = w.seqItems[w.seqStart[w.esPush[0]]];
    w.cFlags[entry] &= ~HAS_USER;
    expect(columnsProblem(w)).toBe("columns.esPush[0]: an entry without user_id");
    const s = wire();
    const pairs = s.seqStart[s.syEvents[0]];
    s.seqItems[pairs + 1] = s.cPresence.length - 1;
    expect(columnsProblem(s)).toBeNull();
    s.seqItems[pairs + 1] = s.cPresence.length;
    expect(columnsProblem(s)).toBe(`columns.syEvents[0]: content row ${s.cPresence.length} out of bounds (${s.cPresence.length})`);
    const r = wire();
    r.seqItems[r.seqStart[r.erRejected[0]] + 1] = r.strings.length;
    expect(columnsProblem(r)).toBe(`columns.erRejected[0]: string index ${r.strings.length} out of bounds (${r.strings.length})`);
  });

  it("each nested table's columns share one length", () => {
    for (const [col, what] of [["rcMs", "router call"], ["syNext", "sync"], ["esTxn", "edu_sent"], ["erAccepted", "edu_received"], ["cAgo", "content"]] as const) {
      const w = wire();
      (w as Record<string, unknown>)[col] = w[col].slice(1);
      expect(columnsProblem(w)).toBe(`columns.${col}: ${what} columns differ in length`);
    }
  });
});

describe("nested rows: every message names its column and what was wrong", () => {
  it("each bound's message", () => {
    const cases: Array<[(w: ColumnsWire) => void, (w: ColumnsWire) => string]> = [
      [(w) => (w.rcSite[0] = 6), () => "columns.rcSite[0]: call site 6 out of range (< 6)"],
      [(w) => (w.rcCallback[0] = 2), () => "columns.rcCallback[0]: callback 2 out of range (< 2)"],
      [(w) => (w.rcInKind[0] = 2), () => "columns.rcInKind[0]: input kind 2 out of range (< 2)"],
      [(w) => (w.rcOutKind[0] = 4), () => "columns.rcOutKind[0]: output kind 4 out of range (< 4)"],
      [(w) => (w.rcWarnings[0] = w.listStart.length - 1), (w) => `columns.rcWarnings[0]: list ${w.listStart.length - 1} out of range (< ${w.listStart.length - 1})`],
      [(w) => (w.syMode[0] = 3), () => "columns.syMode[0]: sync mode 3 out of range (< 3)"],
      [(w) => (w.cFlags[0] = 32), () => "columns.cFlags[0]: content flags 32 out of range (< 32)"],
      [(w) => (w.erAccepted[0] = w.listStart.length - 1), (w) => `columns.erAccepted[0]: list ${w.listStart.length - 1} out of range (< ${w.listStart.length - 1})`],
      [(w) => (w.seqItems[w.seqStart[w.rcOut[0]]] = w.strings.length), (w) => `columns.rcOut[0]: string index ${w.strings.length} out of bounds (${w.strings.length})`],
      [(w) => (w.seqItems[w.seqStart[w.seqItems[w.seqStart[w.rcOut[0]] + 1]]] = w.rUser.length), (w) => `columns.rcOut[0]: record row ${w.rUser.length} out of bounds (${w.rUser.length})`],
      [(w) => (w.seqItems[w.seqStart[w.syEvents[0]]] = w.strings.length), (w) => `columns.syEvents[0]: string index ${w.strings.length} out of bounds (${w.strings.length})`],
      [(w) => (w.syEvents[0] = w.seqStart.length - 1), (w) => `columns.syEvents[0]: seq ${w.seqStart.length - 1} out of bounds (${w.seqStart.length - 1} seqs)`],
      [(w) => (w.seqItems[w.seqStart[w.esPush[0]]] = w.cPresence.length), (w) => `columns.esPush[0]: content row ${w.cPresence.length} out of bounds (${w.cPresence.length})`],
      [(w) => (w.esPush[0] = w.seqStart.length - 1), (w) => `columns.esPush[0]: seq ${w.seqStart.length - 1} out of bounds (${w.seqStart.length - 1} seqs)`],
      [(w) => (w.seqItems[w.seqStart[w.erPush[0]]] = w.cPresence.length), (w) => `columns.erPush[0]: content row ${w.cPresence.length} out of bounds (${w.cPresence.length})`],
      [(w) => (w.erPush[0] = w.seqStart.length - 1), (w) => `columns.erPush[0]: seq ${w.seqStart.length - 1} out of bounds (${w.seqStart.length - 1} seqs)`],
    ];
    for (const [spoil, message] of cases) {
      const w = wire();
      spoil(w);
      expect(columnsProblem(w)).toBe(message(w));
    }
    // A rejected list of odd length: one entry of an EDU received with one rejection and one push entry.
    const one = columnsOfEvents([{ ...eduReceived(), edu: { edu_type: "m.presence", content: { push: [push[0]] } } }]).toWire();
    one.erRejected[0] = one.erPush[0];
    expect(columnsProblem(one)).toBe(`columns.erRejected[0]: seq ${one.erPush[0]} is not a list of pairs`);
  });

  it("a routed map's record list out of bounds is named at its call", () => {
    const w = wire();
    const pairs = w.seqStart[w.rcOut[0]];
    w.seqItems[pairs + 1] = w.seqStart.length - 1;
    expect(columnsProblem(w)).toBe(`columns.rcOut[0]: seq ${w.seqStart.length - 1} out of bounds (${w.seqStart.length - 1} seqs)`);
  });

  it("seq starts: the last one is checked too", () => {
    const w = wire();
    const n = w.seqStart.length - 1;
    w.seqStart[n - 1] = w.seqStart[n] + 1;
    expect(columnsProblem(w)).toBe(`columns.seqStart[${n}]: seqs out of order`);
  });
});

describe("nested rows: reply fuzz (seeded)", () => {
  const KEYS = Object.values(NESTED_WIRE).flat();
  it("never throws; what it accepts materialises with the types the views read", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.oneof(fc.nat({ max: 40 }), fc.constant(NO_STRING), fc.double()), (k, i, value) => {
        const w = wire();
        const arr = w[KEYS[k % KEYS.length]!];
        if (arr.length) arr[i % arr.length] = value;
        const r = checkReply(result(w));
        expect(r).not.toBeNull();
        if (r!.type !== "result") return void expect(r).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/malformed reply \(columns/) } });
        for (const e of r!.trace.events) {
          expect(EVENT_TYPES).toContain(e.type);
          if (e.type === "router_call") {
            expect(Number.isInteger(e.call)).toBe(true);
            expect(typeof e.module).toBe("string");
            const records = [...(Array.isArray(e.input) ? e.input : []), ...(e.output && typeof e.output === "object" && !Array.isArray(e.output) ? Object.values(e.output).flat() : [])];
            for (const x of records) expect(typeof x.user_id).toBe("string");
            if (Array.isArray(e.output)) for (const x of e.output) expect(typeof x).toBe("string");
          }
          if (e.type === "sync") for (const p of e.response.presence?.events ?? []) expect(typeof p.content.presence).toBe("string");
          if (e.type === "edu_sent") for (const p of e.edu.content.push) expect(typeof p.user_id).toBe("string");
        }
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});
