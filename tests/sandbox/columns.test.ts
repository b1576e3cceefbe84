// The columnar trace between the engine worker and the app (src/trace/columns.ts,
// src/sandbox/columnsCheck.ts, reply.ts): posted with its buffers transferred, it gives
// the app the same trace as the plain reply; a forged or damaged column is an explained
// run failure, never an out-of-bounds read.
import * as esbuild from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, execute, parse } from "../../src/pipeline/index.ts";
import { BENCH_ROUTER, FULL, generateBenchScenario } from "../../bench/generate.ts";
import { checkReply } from "../../src/sandbox/reply.ts";
import { columnsProblem } from "../../src/sandbox/columnsCheck.ts";
import { CAUSES, EVENT_TYPES, NO_STRING, ROW, TraceColumns, WIRE_KINDS, attachColumns, columnsOf, splitForPost, type ColumnsWire } from "../../src/trace/columns.ts";
import type { PresenceRecord, Trace, TraceEvent } from "../../src/trace/types.ts";

/** A small generated world (the bench's shape, 100 users, 2 simulated minutes), run in-process. */
async function runWorld(): Promise<Trace> {
  const shape = { ...FULL, users: 100, rooms: 20, clients: 10, servers: 4, duration: 120_000, actions: 100 };
  const parsed = parse({ text: generateBenchScenario(shape), path: "bench.yaml" });
  if (!parsed.ok) throw new Error("bench scenario invalid");
  const compiled = await compile(esbuild, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
  return (await execute(parsed, compiled)).trace;
}

const result = (trace: unknown, extra: object = {}) => ({ type: "result", id: 7, trace, ms: 1, warnings: [], hints: {}, ...extra });

const rec = (user_id: string, state: string, status_msg: string | null = null): PresenceRecord =>
  Object.freeze({ user_id, state, last_active_ts: 1, last_federation_update_ts: 2, last_user_sync_ts: 3, status_msg, currently_active: true });

/** A small columnar trace with every kind of row: state, wake, an object event, a delivery. */
function small(): ColumnsWire {
  const c = new TraceColumns();
  c.push({ at: 0, server: "a.org", type: "state", user: "@a:a.org", before: rec("@a:a.org", "offline"), after: rec("@a:a.org", "online", "hi"), notified: true, cause: "startup" });
  c.push({ at: 1, server: "a.org", type: "wake", user: "@b:a.org", reasons: ["room:!r:a.org", "self"] });
  c.push({ at: 2, server: "a.org", type: "log", level: "info", message: "m" });
  c.deliver({ at: 3, server: "a.org", source: "@a:a.org", viewer: "@b:a.org", transport: "federation", state: "online", via: ["router"] });
  return c.toWire();
}

describe("columnar trace: engine worker → app", () => {
  it("a run's columnar reply, buffers transferred, gives the app the same trace as the plain reply", async () => {
    const trace = await runWorld();
    expect(columnsOf(trace)).toBeDefined();
    const split = splitForPost(trace)!;
    expect(split.trace.events).toEqual([]);
    const finalRows = split.columns.fUser.length;
    // As src/worker/engine.worker.ts posts it: the rest of the trace as JSON bytes, the columns beside it.
    const json = (t: unknown) => new TextEncoder().encode(JSON.stringify(t)).buffer as ArrayBuffer;
    const traceJson = json(split.trace);
    const { trace: _shell, ...wire } = result(split.trace, { traceJson, columns: split.columns });
    const posted = structuredClone(wire, { transfer: [traceJson, ...split.transfer] });
    expect(split.columns.type.byteLength).toBe(0); // transferred: the sender's view is detached
    const viaColumns = checkReply(posted);
    expect(viaColumns?.type).toBe("result");
    const { trace: _full, ...plainWire } = result(trace, { traceJson: json(trace) });
    const plain = checkReply(plainWire);
    expect(viaColumns).toEqual(plain);
    // Rows are materialised in the engine's key order: the app holds the JSON trace itself
    // (the schema's output puts an EDU entry's user_id last).
    expect(JSON.stringify((viaColumns as { trace: Trace }).trace.events)).toBe(JSON.stringify(trace.events));
    const t = (viaColumns as { trace: Trace }).trace;
    expect(t.events.filter((e) => e.type === "state").length).toBeGreaterThan(0);
    expect(t.events.filter((e) => e.type === "wake").length).toBeGreaterThan(0);
    expect(t.deliveries.length).toBeGreaterThan(0);
    // The final states went as rows too (not in the JSON), and come back key for key.
    expect(split.trace.final).toEqual({});
    expect(finalRows).toBe(Object.values(trace.final).reduce((n, recs) => n + Object.keys(recs).length, 0));
    expect(JSON.stringify(t.final)).toBe(JSON.stringify(trace.final));
  });

  it("a run with expectations keeps its events in columns (they read a copy): it posts typed arrays, and the expectations hold", async () => {
    const { readFileSync } = await import("node:fs");
    const dir = "examples/buddy-list-router";
    const files = Object.fromEntries(["router.ts"].map((f) => [f, readFileSync(`${dir}/${f}`, "utf8")]));
    const parsed = parse({ text: readFileSync(`${dir}/scenario.yaml`, "utf8"), path: "scenario.yaml" });
    if (!parsed.ok) throw new Error("example scenario invalid");
    const compiled = await compile(esbuild, files, ["router.ts"]);
    const trace = (await execute(parsed, compiled)).trace;
    expect(trace.expectations.length).toBeGreaterThan(0);
    expect(trace.expectations.every((x) => x.ok)).toBe(true);
    expect(trace.expectations.some((x) => x.event !== undefined)).toBe(true); // they did read events
    expect(columnsOf(trace)).toBeDefined(); // …but not the trace's own
    expect(splitForPost(trace)).not.toBeNull();
  });

  it("materialising a row gives the event as the engine wrote it, key for key", () => {
    const c = TraceColumns.fromWire(small());
    expect(JSON.stringify(c.events())).toBe(
      JSON.stringify([
        { at: 0, server: "a.org", type: "state", user: "@a:a.org", before: rec("@a:a.org", "offline"), after: rec("@a:a.org", "online", "hi"), notified: true, cause: "startup" },
        { at: 1, server: "a.org", type: "wake", user: "@b:a.org", reasons: ["room:!r:a.org", "self"] },
        { at: 2, server: "a.org", type: "log", level: "info", message: "m" },
      ]),
    );
    expect(c.deliveries()).toEqual([{ at: 3, server: "a.org", source: "@a:a.org", viewer: "@b:a.org", transport: "federation", state: "online", via: ["router"] }]);
  });

  it("deliveries that name the same via list share one array once materialised (no array per delivery)", () => {
    const c = new TraceColumns();
    const d = (viewer: string, via: string[]) => c.deliver({ at: 1, server: "a.org", source: "@a:a.org", viewer, transport: "sync", state: "online", via });
    d("@b:a.org", ["room:!r:a.org", "router"]);
    d("@c:a.org", ["room:!r:a.org", "router"]);
    d("@d:a.org", ["self"]);
    const out = c.deliveries();
    expect(out.map((x) => x.via)).toEqual([["room:!r:a.org", "router"], ["room:!r:a.org", "router"], ["self"]]);
    expect(out[1]!.via).toBe(out[0]!.via);
    expect(out[2]!.via).not.toBe(out[0]!.via);
  });

  it("an event not of the engine's exact shape is kept as an object (JSON unchanged)", () => {
    const c = new TraceColumns();
    const odd = { type: "wake", at: 0, server: "a.org", user: "@a:a.org", reasons: [] } as TraceEvent; // keys in another order
    const loose = { at: 0, server: "a.org", type: "state", user: "@a:a.org", before: { ...rec("@a:a.org", "x") }, after: rec("@a:a.org", "y"), notified: false, cause: "put" } as TraceEvent; // an unfrozen record
    c.push(odd);
    c.push(loose);
    expect(c.objects).toEqual([odd, loose]);
    expect(JSON.stringify(c.events())).toBe(JSON.stringify([odd, loose]));
  });

  it("final states of the engine's shape are posted as rows; an empty one, or one with a record of another shape, stays in the JSON", () => {
    const withFinal = (final: Trace["final"]) => {
      const c = new TraceColumns();
      c.push({ at: 0, server: "a.org", type: "log", level: "info", message: "m" });
      return { version: 1 as const, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [], final, expectations: [], errors: [], c };
    };
    const split = (t: ReturnType<typeof withFinal>) => {
      const { c, ...trace } = t;
      return splitForPost(attachColumns(trace, c))!;
    };
    const engine = { "a.org": { "@a:a.org": rec("@a:a.org", "online", "hi"), "@b:a.org": rec("@b:a.org", "offline") }, "b.org": {} };
    const s = split(withFinal(engine));
    expect(s.trace.final).toEqual({});
    expect(Array.from(s.columns.fCount)).toEqual([2, 0]); // a server with no users keeps its place
    expect(TraceColumns.fromWire(s.columns).final()).toEqual(engine);
    expect(Object.keys(TraceColumns.fromWire(s.columns).final())).toEqual(["a.org", "b.org"]);
    const empty = split(withFinal({}));
    expect(empty.columns.fServer.length).toBe(0);
    expect(TraceColumns.fromWire(empty.columns).hasFinal).toBe(false);
    const unfrozen = { "a.org": { "@a:a.org": { ...rec("@a:a.org", "online") } } };
    const loose = split(withFinal(unfrozen));
    expect(loose.trace.final).toBe(unfrozen);
    expect(loose.columns.fServer.length).toBe(0);
    // One loose record on any server keeps all of them in the JSON.
    const mixed = { "a.org": { "@a:a.org": rec("@a:a.org", "online") }, "b.org": { "@b:b.org": { ...rec("@b:b.org", "online") } } };
    expect(split(withFinal(mixed)).trace.final).toBe(mixed);
  });

  it("storing the final states again (the same trace posted twice) adds no rows", () => {
    const c = new TraceColumns();
    const final = { "a.org": { "@a:a.org": rec("@a:a.org", "online") } };
    expect(c.storeFinal(final)).toBe(true);
    expect(c.storeFinal(final)).toBe(true);
    expect(c.toWire().fUser.length).toBe(1);
  });

  it("final states from columns: a key an object may not own is left out, as the schema leaves it out of JSON", () => {
    const c = new TraceColumns();
    c.storeFinal({ "a.org": { "@a:a.org": rec("@a:a.org", "online") } });
    const w = c.toWire();
    w.strings = w.strings.map((x) => (x === "@a:a.org" ? "__proto__" : x === "a.org" ? "constructor" : x));
    expect(columnsProblem(w)).toBeNull();
    const f = TraceColumns.fromWire(w).final();
    expect(Object.keys(f)).toEqual([]);
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    const v = c.toWire();
    v.strings = v.strings.map((x) => (x === "@a:a.org" ? "__proto__" : x));
    const g = TraceColumns.fromWire(v).final();
    expect(Object.keys(g["a.org"]!)).toEqual([]);
    expect(Object.getPrototypeOf(g["a.org"])).toBe(Object.prototype);
  });

  it("a result with final states both as columns and in the JSON is refused", () => {
    const c = new TraceColumns();
    c.storeFinal({ "a.org": { "@a:a.org": rec("@a:a.org", "online") } });
    const trace = { version: 1, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [], final: { "a.org": {} }, expectations: [], errors: [] };
    expect(checkReply(result(trace, { columns: c.toWire() }))).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/final states come either as columns or as an object, not both/) } });
    const r = checkReply(result({ ...trace, final: {} }, { columns: c.toWire() }));
    expect(r?.type).toBe("result");
    expect((r as { trace: Trace }).trace.final).toEqual({ "a.org": { "@a:a.org": rec("@a:a.org", "online") } });
  });

  it("a result with columns and also event arrays is refused", () => {
    const r = checkReply(result({ version: 1, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [{ type: "log", at: 0, server: "", level: "info", message: "x" }], deliveries: [], final: {}, expectations: [], errors: [] }, { columns: small() }));
    expect(r).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/either as columns or as arrays/) } });
  });
});

describe("columnsProblem: bounds, both sides", () => {
  const ok = () => small();
  const nStrings = ok().strings.length;

  it("a well-formed wire is accepted", () => expect(columnsProblem(ok())).toBeNull());

  it("string index: the last string is in bounds, one past is not", () => {
    const w = ok();
    w.dSource[0] = nStrings - 1;
    expect(columnsProblem(w)).toBeNull();
    w.dSource[0] = nStrings;
    expect(columnsProblem(w)).toMatch(/^columns\.dSource\[0\]: string index \d+ out of bounds/);
  });

  it("status_msg may be the null marker; no other column may", () => {
    const w = ok();
    w.rStatus[0] = NO_STRING;
    expect(columnsProblem(w)).toBeNull();
    w.rUser[0] = NO_STRING;
    expect(columnsProblem(w)).toMatch(/^columns\.rUser\[0\]/);
  });

  it("event type: the last type is in range, one past is not", () => {
    const w = ok();
    w.type[2] = EVENT_TYPES.indexOf("error"); // an object row: its object must then be an error event
    expect(columnsProblem(w)).toMatch(/not a error event as its row says/);
    w.type[2] = EVENT_TYPES.length;
    expect(columnsProblem(w)).toMatch(/^columns\.type\[2\]: event type 10 out of range/);
    // Rows stored as numbers: state, wake, router_call, sync and the EDUs have them; log does not.
    const v = ok();
    v.type[1] = EVENT_TYPES.indexOf("wake") | ROW;
    expect(columnsProblem(v)).toBeNull();
    v.type[1] = EVENT_TYPES.indexOf("log") | ROW;
    expect(columnsProblem(v)).toMatch(/^columns\.type\[1\]: event type \d+ out of range/);
    v.type[1] = EVENT_TYPES.indexOf("sync") | ROW; // a row type, but this trace has no sync rows
    expect(columnsProblem(v)).toMatch(/^columns\.ref\[1\]: row 0 out of bounds \(0 rows of its kind\)/);
  });

  it("transport and booleans: 1 is in range, 2 is not", () => {
    const w = ok();
    w.dTransport[0] = 1;
    w.rCurrently[0] = 1;
    expect(columnsProblem(w)).toBeNull();
    w.dTransport[0] = 2;
    expect(columnsProblem(w)).toMatch(/^columns\.dTransport\[0\]/);
    w.dTransport[0] = 0;
    w.rCurrently[0] = 2;
    expect(columnsProblem(w)).toMatch(/^columns\.rCurrently\[0\]/);
  });

  it("state flags: the last cause is in range, one past is not", () => {
    const w = ok();
    w.stFlags[0] = ((CAUSES.length - 1) << 1) | 1;
    expect(columnsProblem(w)).toBeNull();
    w.stFlags[0] = CAUSES.length << 1;
    expect(columnsProblem(w)).toMatch(/^columns\.stFlags\[0\]/);
  });

  it("row references: the last row of a kind is in bounds, one past is not", () => {
    const w = ok();
    const nRecords = w.rUser.length;
    w.stAfter[0] = nRecords - 1;
    expect(columnsProblem(w)).toBeNull();
    w.stAfter[0] = nRecords;
    expect(columnsProblem(w)).toMatch(/^columns\.stAfter\[0\]: record row/);
    const v = ok();
    v.ref[1] = v.wUser.length; // the wake row
    expect(columnsProblem(v)).toMatch(/^columns\.ref\[1\]: row 1 out of bounds/);
    const x = ok();
    x.ref[2] = x.objects.length;
    expect(columnsProblem(x)).toMatch(/^columns\.ref\[2\]/);
  });

  it("lists: the last list is in bounds, one past is not; starts must start at 0, rise, and end at the items' length", () => {
    const w = ok();
    const nLists = w.listStart.length - 1;
    w.dVia[0] = nLists - 1;
    expect(columnsProblem(w)).toBeNull();
    w.dVia[0] = nLists;
    expect(columnsProblem(w)).toMatch(/^columns\.dVia\[0\]: list/);
    const a = ok();
    a.listStart[0] = 1;
    expect(columnsProblem(a)).toMatch(/must start with 0/);
    const b = ok();
    b.listStart[1] = b.listStart[2] + 1;
    expect(columnsProblem(b)).toMatch(/out of order/);
    const c = ok();
    c.listItems = c.listItems.slice(0, c.listItems.length - 1);
    expect(columnsProblem(c)).toMatch(/does not end at listItems\.length/);
  });

  it("lengths, types and numbers", () => {
    const a = ok();
    a.at = new Float64Array(a.at.length + 1);
    expect(columnsProblem(a)).toMatch(/^columns\.\w+: event columns differ in length/);
    const b = ok() as unknown as Record<string, unknown>;
    b.server = Array.from(b.server as Uint32Array);
    expect(columnsProblem(b)).toMatch(/^columns\.server: expected a Uint32Array/);
    const c = ok();
    c.dAt[0] = Number.NaN;
    expect(columnsProblem(c)).toMatch(/^columns\.dAt\[0\]: not a finite number/);
    const d = ok();
    d.strings = [...d.strings.slice(0, -1), 5 as unknown as string];
    expect(columnsProblem(d)).toMatch(/^columns\.strings/);
    expect(columnsProblem(null)).toMatch(/expected an object/);
  });

  it("final states: the last record row is in bounds, one past is not; the counts must add up to the user rows", () => {
    const c = TraceColumns.fromWire(small());
    c.storeFinal({ "a.org": { "@a:a.org": rec("@a:a.org", "online") }, "b.org": { "@b:b.org": rec("@b:b.org", "offline") } });
    const w = () => c.toWire();
    const nRecords = w().rUser.length;
    const a = w();
    a.fRec[0] = nRecords - 1;
    expect(columnsProblem(a)).toBeNull();
    a.fRec[0] = nRecords;
    expect(columnsProblem(a)).toBe(`columns.fRec[0]: record row ${nRecords} out of range (< ${nRecords})`);
    const b = w();
    b.fCount[1] = 0;
    expect(columnsProblem(b)).toBe("columns.fCount: counts 1 final users, fUser has 2");
    b.fCount[1] = 2;
    expect(columnsProblem(b)).toBe("columns.fCount: counts 3 final users, fUser has 2");
    const d = w();
    d.fUser[1] = d.strings.length;
    expect(columnsProblem(d)).toMatch(/^columns\.fUser\[1\]: string index \d+ out of bounds/);
    d.fUser[1] = d.strings.length - 1;
    expect(columnsProblem(d)).toBeNull();
    const e = w();
    e.fServer[0] = e.strings.length;
    expect(columnsProblem(e)).toMatch(/^columns\.fServer\[0\]: string index/);
    const f = w();
    f.fCount = f.fCount.slice(1);
    expect(columnsProblem(f)).toBe("columns.fCount: final server columns differ in length");
    const g = w();
    g.fRec = g.fRec.slice(1);
    expect(columnsProblem(g)).toBe("columns.fRec: final user columns differ in length");
  });

  it("one object cannot stand for two events", () => {
    const w = ok();
    const c = TraceColumns.fromWire(w);
    c.push({ at: 4, server: "a.org", type: "log", level: "info", message: "n" });
    const two = c.toWire();
    two.ref[3] = two.ref[2];
    expect(columnsProblem(two)).toMatch(/used by two events/);
  });
});

describe("columnar reply fuzz (seeded)", () => {
  const KEYS = Object.values(WIRE_KINDS).flat();
  it("never throws; what it accepts materialises with every string field a string", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.oneof(fc.nat(), fc.constant(NO_STRING), fc.double()), (k, i, value) => {
        const w = small();
        const arr = w[KEYS[k % KEYS.length]];
        if (arr.length) arr[i % arr.length] = value;
        const r = checkReply(result({ version: 1, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [], final: {}, expectations: [], errors: [] }, { columns: w }));
        expect(r).not.toBeNull();
        if (r!.type === "result") {
          for (const e of r!.trace.events) {
            expect(typeof e.server).toBe("string");
            expect(EVENT_TYPES).toContain(e.type);
            if (e.type === "state") for (const x of [e.user, e.before.user_id, e.after.state, e.cause]) expect(typeof x).toBe("string");
            if (e.type === "wake") expect(e.reasons.every((x) => typeof x === "string")).toBe(true);
          }
          for (const d of r!.trace.deliveries) for (const x of [d.server, d.source, d.viewer, d.state, d.transport, ...d.via]) expect(typeof x).toBe("string");
        } else expect(r).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/malformed reply \(columns/) } });
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe("columnsProblem: what the first mutation run left unchecked", () => {
  const nStringsOf = (w: ColumnsWire) => w.strings.length;

  it("not an object at all, or objects not an array: named", () => {
    expect(columnsProblem("columns")).toBe("columns: expected an object");
    expect(columnsProblem(5)).toBe("columns: expected an object");
    expect(columnsProblem([])).toBe("columns: expected an object");
    const w = small() as unknown as Record<string, unknown>;
    w.objects = {};
    expect(columnsProblem(w)).toBe("columns.objects: expected an array");
  });

  it("an error that is not a finding is not swallowed", () => {
    const w = small() as unknown as Record<string, unknown>;
    Object.defineProperty(w, "strings", { get: () => { throw new RangeError("boom"); } });
    expect(() => columnsProblem(w)).toThrow(RangeError);
  });

  it("status_msg's null marker is the only exception: an index past the strings is refused there too", () => {
    const w = small();
    w.rStatus[0] = nStringsOf(w);
    expect(columnsProblem(w)).toBe(`columns.rStatus[0]: string index ${nStringsOf(w)} out of bounds (${nStringsOf(w)} strings)`);
  });

  it("list starts: none at all is refused; one start (no lists) and an empty list are fine", () => {
    const a = small();
    a.listStart = new Uint32Array(0);
    expect(columnsProblem(a)).toBe("columns.listStart: must start with 0");
    const none = new TraceColumns();
    none.push({ at: 2, server: "a.org", type: "log", level: "info", message: "m" });
    const n = none.toWire();
    expect(Array.from(n.listStart)).toEqual([0]);
    expect(columnsProblem(n)).toBeNull();
    const empty = new TraceColumns();
    empty.push({ at: 1, server: "a.org", type: "wake", user: "@b:a.org", reasons: [] });
    empty.push({ at: 1, server: "a.org", type: "wake", user: "@c:a.org", reasons: ["self"] });
    const e = empty.toWire();
    expect(e.listStart[1]).toBe(e.listStart[0]);
    expect(columnsProblem(e)).toBeNull();
  });

  it("row references are bounded by their own kind: wake rows by wakes, object rows by objects", () => {
    const c = new TraceColumns();
    c.push({ at: 0, server: "a.org", type: "state", user: "@a:a.org", before: rec("@a:a.org", "offline"), after: rec("@a:a.org", "online"), notified: true, cause: "startup" });
    for (const u of ["@b:a.org", "@c:a.org", "@d:a.org"]) c.push({ at: 1, server: "a.org", type: "wake", user: u, reasons: ["self"] });
    c.push({ at: 2, server: "a.org", type: "log", level: "info", message: "m" });
    const w = c.toWire();
    expect(w.wUser.length).toBe(3);
    expect(w.stUser.length).toBe(1);
    expect(w.objects.length).toBe(1);
    expect(columnsProblem(w)).toBeNull(); // wake rows 1 and 2: past the state rows and the objects, within the wakes
  });

  it("no event may stand on an empty object slot (it would throw when the app reads it)", () => {
    const w = small();
    w.objects[0] = null;
    expect(columnsProblem(w)).toBe("columns.ref[2]: object 0 is an empty slot");
    const r = checkReply(result({ events: [], deliveries: [], version: 1 }, { columns: w }));
    expect(r?.type).toBe("run-failed");
  });

  it("every message names its column and what was wrong", () => {
    const cases: Array<[(w: ColumnsWire) => void, string]> = [
      [(w) => (w.rCurrently[0] = 2), "columns.rCurrently[0]: boolean 2 out of range (< 2)"],
      [(w) => (w.dTransport[0] = 2), "columns.dTransport[0]: transport 2 out of range (< 2)"],
      [(w) => (w.stBefore[0] = w.rUser.length), `columns.stBefore[0]: record row ${2} out of range (< 2)`],
      [(w) => (w.stFlags[0] = CAUSES.length * 2), `columns.stFlags[0]: flags ${CAUSES.length * 2} out of range (< ${CAUSES.length * 2})`],
      [(w) => (w.wReasons[0] = w.listStart.length - 1), `columns.wReasons[0]: list 2 out of range (< 2)`],
      [(w) => (w.rState = w.rState.slice(1)), "columns.rState: record columns differ in length"],
      [(w) => (w.stAfter = w.stAfter.slice(1)), "columns.stAfter: state columns differ in length"],
      [(w) => (w.wReasons = w.wReasons.slice(1)), "columns.wReasons: wake columns differ in length"],
      [(w) => (w.dVia = w.dVia.slice(1)), "columns.dVia: delivery columns differ in length"],
    ];
    for (const [spoil, message] of cases) {
      const w = small();
      spoil(w);
      expect(columnsProblem(w)).toBe(message);
    }
  });
});
