// Field matching for expectations (src/scenario/expectMatch.ts): deep equality of wire
// values, "absent" vs null (R54, R38), record timestamps as offsets (R2), and the outcome
// of a labelled request.
import { describe, expect, it } from "vitest";
import { deepEqual, recordMismatch, requestExp, show, wireMismatch } from "../../src/scenario/expectMatch.ts";
import type { PresenceRecord, Trace, TraceEvent } from "../../src/trace/types.ts";

const rec = (extra: Partial<PresenceRecord> = {}): PresenceRecord => ({
  user_id: "@a:hs",
  state: "online",
  last_active_ts: 0,
  last_federation_update_ts: 0,
  last_user_sync_ts: 0,
  status_msg: null,
  currently_active: false,
  ...extra,
});

describe("deepEqual", () => {
  it("compares JSON values structurally", () => {
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual({}, null)).toBe(false);
    expect(deepEqual(1, "1")).toBe(false);
    expect(deepEqual("x", "x")).toBe(true);
  });
});

describe("R54 R38 wireMismatch: null in the expectation means absent", () => {
  it("a missing content counts as every field absent", () => {
    expect(wireMismatch(null, { status_msg: null })).toBeUndefined();
    expect(wireMismatch(undefined, { presence: "online" })).toBe('with presence (absent), expected "online"');
  });

  it("inherited properties are not fields", () => {
    expect(wireMismatch(Object.create({ status_msg: "x" }) as Record<string, unknown>, { status_msg: null })).toBeUndefined();
  });

  it("the first differing field is named, with both values", () => {
    expect(wireMismatch({ presence: "online", last_active_ago: 5 }, { presence: "online", last_active_ago: 6 })).toBe("with last_active_ago 5, expected 6");
    expect(wireMismatch({ presence: "online", status_msg: null }, { status_msg: null })).toBe("with status_msg null, expected status_msg absent");
    expect(show(undefined)).toBe("(absent)");
    expect(show(null)).toBe("null");
  });
});

describe("R2 recordMismatch: timestamps are offsets from the start", () => {
  const start = 1_000_000;
  it("each *_ts field is compared as start + offset, and shown both ways", () => {
    expect(recordMismatch(rec({ last_federation_update_ts: start + 5000 }), { last_federation_update_ts: 5000 }, start)).toBeUndefined();
    expect(recordMismatch(rec({ last_user_sync_ts: start - 2000 }), { last_user_sync_ts: 0 }, start)).toEqual(["last_user_sync_ts", "2s before the start (998000)", "0s after the start (1000000)"]);
    expect(recordMismatch(rec({ last_active_ts: start }), { last_active_ts: "never" }, start)).toEqual(["last_active_ts", "0s after the start (1000000)", "never (0)"]);
  });

  it("other fields are compared as they are; unnamed fields are not looked at", () => {
    expect(recordMismatch(rec({ status_msg: "x" }), { currently_active: false }, start)).toBeUndefined();
    expect(recordMismatch(rec(), { state: "offline" }, start)).toEqual(["state", '"online"', '"offline"']);
  });
});

describe("requestExp", () => {
  const trace = (events: TraceEvent[]): Omit<Trace, "expectations"> => ({ version: 1, scenario: { servers: [], users: [], start_time: 0, end: 1 }, events, deliveries: [], final: {}, errors: [] });
  const req = (body: unknown, status = 403): TraceEvent => ({
    at: 0,
    server: "hs",
    type: "request",
    label: "r",
    request: { user: "@a:hs", device: null, method: "PUT", path: "/p", target: "@a:hs" },
    response: { status, body },
  });

  it("without errcode in the expectation, any errcode passes", () => {
    expect(requestExp(trace([req({ errcode: "M_FORBIDDEN" })]), { kind: "request", label: "r", status: 403, name: null, path: "" })).toEqual({ ok: true, detail: "PUT /p by @a:hs at 0s answered 403 M_FORBIDDEN", event: 0 });
  });

  it("an errcode that is not text, or a body that is not an object, means no errcode", () => {
    const x = { kind: "request" as const, label: "r", status: 403, errcode: "M_FORBIDDEN", name: null, path: "" };
    expect(requestExp(trace([req({ errcode: 5 })]), x)).toEqual({ ok: false, detail: "PUT /p by @a:hs at 0s answered 403, expected 403 M_FORBIDDEN", event: 0 });
    expect(requestExp(trace([req("M_FORBIDDEN")]), x).ok).toBe(false);
    expect(requestExp(trace([req(null)]), x).ok).toBe(false);
  });

  it("other events with the same label are not requests", () => {
    const other = { at: 0, server: "hs", type: "log", label: "r", level: "info", message: "x" } as unknown as TraceEvent;
    expect(requestExp(trace([other, req({})]), { kind: "request", label: "r", status: 403, name: null, path: "" })).toMatchObject({ ok: true, event: 1 });
  });
});
