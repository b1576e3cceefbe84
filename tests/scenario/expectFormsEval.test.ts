// Evaluating the precise expectation forms (scenario-format §3) on hand-built traces:
// each new field passes when the trace has it and fails, with a detail naming the
// field, when it does not; strict comparisons are tested on both sides.
import { describe, expect, it } from "vitest";
import { evaluateExpectations } from "../../src/scenario/expect.ts";
import type { PresenceRecord, Trace, TraceEvent } from "../../src/trace/types.ts";
import { DEFAULT_START_TIME } from "../../src/scenario/types.ts";
import { ok, WORLD } from "./helpers.ts";

const STEPS = `steps:
  - { at: 1s, presence: { user: "@alice:example.org", device: phone, state: online, label: put } }
  - { at: 2s, get_presence: { user: "@bob:example.org", target: "@carol:matrix.org", label: peek } }
  - { at: 10s, sync: { user: "@bob:example.org", label: first } }
`;
const scenario = (expectYaml: string) => ok(`${WORLD}${STEPS}expect:\n${expectYaml}`);
const T0 = DEFAULT_START_TIME;

function trace(events: TraceEvent[]): Omit<Trace, "expectations"> {
  return { version: 1, scenario: { servers: [], users: [], start_time: T0, end: 60_000 }, events, deliveries: [], final: {}, errors: [] };
}

function syncEv(content: Record<string, unknown>, error: { status: number; errcode: string; message: string } | null = null): TraceEvent {
  return {
    at: 10_000,
    server: "example.org",
    type: "sync",
    started_at: 10_000,
    label: "first",
    user: "@bob:example.org",
    device: "DEV",
    mode: "incremental",
    since: null,
    next_batch: "s1",
    response: error ? {} : { presence: { events: [{ type: "m.presence", sender: "@alice:example.org", content: content as never }] } },
    error,
  };
}

function reqEv(label: string, method: "PUT" | "GET", status: number, errcode?: string): TraceEvent {
  const user = method === "PUT" ? "@alice:example.org" : "@bob:example.org";
  const target = method === "PUT" ? "@alice:example.org" : "@carol:matrix.org";
  return {
    at: method === "PUT" ? 1000 : 2000,
    server: "example.org",
    type: "request",
    label,
    request: { user, device: null, method, path: `/_matrix/client/v3/presence/${target}/status`, target },
    response: { status, body: errcode ? { errcode, error: "no" } : {} },
  };
}

const rec = (state: string, extra: Partial<PresenceRecord> = {}): PresenceRecord => ({
  user_id: "@alice:example.org",
  state,
  last_active_ts: 0,
  last_federation_update_ts: 0,
  last_user_sync_ts: 0,
  status_msg: null,
  currently_active: false,
  ...extra,
});

function stateEv(at: number, after: PresenceRecord): TraceEvent {
  return { at, server: "example.org", type: "state", user: after.user_id, before: rec("offline"), after, notified: true, cause: "put" };
}

function eduEv(at: number, push: Array<Record<string, unknown>>): TraceEvent {
  return { at, server: "matrix.org", type: "edu_received", origin: "example.org", edu: { edu_type: "m.presence", content: { push } }, accepted: [], rejected: [] };
}

const entries = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ user_id: `@u${from + i}:example.org`, presence: "online" }));

describe("R54 S20 sync.sees: null requires the field to be absent", () => {
  const s = scenario(`  - { sync: first, sees: { "@alice:example.org": { presence: offline, status_msg: null } } }
  - { sync: first, sees: { "@alice:example.org": { currently_active: null, last_active_ago: null } } }
`);

  it("passes when the field is not in the content", () => {
    const [a, b] = evaluateExpectations(s, trace([syncEv({ presence: "offline" })]));
    expect(a).toMatchObject({ ok: true, name: "@bob sees @alice {\"presence\":\"offline\",\"status_msg\":null} in sync 'first'" });
    expect(b.ok).toBe(true);
  });

  it("fails naming the field that was present, with its value", () => {
    const [a, b] = evaluateExpectations(s, trace([syncEv({ presence: "offline", status_msg: "I'm here!", currently_active: false, last_active_ago: 0 })]));
    expect(a).toMatchObject({ ok: false, detail: "sync 'first' returned @alice:example.org with status_msg \"I'm here!\", expected status_msg absent", event: 0 });
    expect(b.detail).toBe("sync 'first' returned @alice:example.org with currently_active false, expected currently_active absent");
  });

  it("a field sent as JSON null counts as present", () => {
    expect(evaluateExpectations(s, trace([syncEv({ presence: "offline", status_msg: null })]))[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/with status_msg null, expected status_msg absent/) });
  });

  it("a required value that is absent shows as (absent)", () => {
    const s2 = scenario(`  - { sync: first, sees: { "@alice:example.org": { status_msg: hi } } }\n`);
    expect(evaluateExpectations(s2, trace([syncEv({ presence: "online" })]))[0].detail).toBe('sync \'first\' returned @alice:example.org with status_msg (absent), expected "hi"');
  });
});

describe("R8 R9 R10 request: the HTTP outcome of a labelled step", () => {
  const s = scenario(`  - { request: put, status: 429, errcode: M_LIMIT_EXCEEDED }
  - { request: peek, status: 403 }
  - { request: first, status: 200 }
`);

  it("passes on the expected status (and errcode)", () => {
    const rs = evaluateExpectations(s, trace([reqEv("put", "PUT", 429, "M_LIMIT_EXCEEDED"), reqEv("peek", "GET", 403, "M_FORBIDDEN"), syncEv({ presence: "online" })]));
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    expect(rs[0]).toMatchObject({ name: "request 'put' is answered 429 M_LIMIT_EXCEEDED", detail: "PUT /_matrix/client/v3/presence/@alice:example.org/status by @alice:example.org at 1s answered 429 M_LIMIT_EXCEEDED", event: 0 });
    expect(rs[2]).toMatchObject({ detail: "/sync by @bob:example.org at 10s answered 200", event: 2 });
  });

  it("fails on another status, another errcode, a failed sync, or no such request", () => {
    const rs = evaluateExpectations(s, trace([reqEv("put", "PUT", 200), reqEv("peek", "GET", 200), syncEv({}, { status: 400, errcode: "M_INVALID_PARAM", message: "bad" })]));
    expect(rs[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/answered 200, expected 429 M_LIMIT_EXCEEDED$/), event: 0 });
    expect(rs[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/^GET .* answered 200, expected 403$/) });
    expect(rs[2]).toMatchObject({ ok: false, detail: "/sync by @bob:example.org at 10s answered 400 M_INVALID_PARAM, expected 200" });
    expect(evaluateExpectations(s, trace([reqEv("put", "PUT", 429, "M_FORBIDDEN")]))[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/answered 429 M_FORBIDDEN, expected 429 M_LIMIT_EXCEEDED/) });
    expect(evaluateExpectations(s, trace([]))[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/^request 'peek' was never answered/) });
  });

  it("no_errors does not count a failure that a request expectation names, and still counts the others", () => {
    const s2 = scenario(`  - { request: peek, status: 403 }\n  - { no_errors: true }\n`);
    expect(evaluateExpectations(s2, trace([reqEv("peek", "GET", 403, "M_FORBIDDEN")]))[1]).toMatchObject({ ok: true });
    expect(evaluateExpectations(s2, trace([reqEv("peek", "GET", 403, "M_FORBIDDEN"), reqEv("put", "PUT", 429, "M_LIMIT_EXCEEDED")]))[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/^PUT .* failed: 429 M_LIMIT_EXCEEDED/) });
    // Without the request expectation, the same 403 is a problem (unchanged meaning).
    expect(evaluateExpectations(scenario(`  - { no_errors: true }\n`), trace([reqEv("peek", "GET", 403, "M_FORBIDDEN")]))[0].ok).toBe(false);
  });
});

describe("R2 state: record fields per user", () => {
  const s = scenario(`  - state: { "@alice:example.org": { state: online, status_msg: null, currently_active: true, last_active_ts: 40s } }
    at: 50s
`);
  const good = rec("online", { currently_active: true, last_active_ts: T0 + 40_000 });

  it("passes when every named field matches the record at that time", () => {
    expect(evaluateExpectations(s, trace([stateEv(40_000, good)]))[0]).toMatchObject({
      ok: true,
      name: "@alice state online, status_msg absent, currently_active true, last_active_ts 40000 at 50s",
      detail: "at 50s: @alice:example.org online, status_msg null, currently_active true, last_active_ts 1767225640000 on example.org (since 40s)",
      event: 0,
    });
  });

  it("fails naming the field, for each field", () => {
    const fail = (after: PresenceRecord) => evaluateExpectations(s, trace([stateEv(40_000, after)]))[0];
    expect(fail({ ...good, state: "unavailable" })).toMatchObject({ ok: false, detail: "example.org's record of @alice:example.org at 50s was unavailable (since 40s), expected online", event: 0 });
    expect(fail({ ...good, status_msg: "hi" }).detail).toBe('example.org\'s record of @alice:example.org at 50s has status_msg "hi" (since 40s), expected null');
    expect(fail({ ...good, currently_active: false }).detail).toBe("example.org's record of @alice:example.org at 50s has currently_active false (since 40s), expected true");
  });

  it("*_ts: exactly the offset passes, 1 ms either side fails", () => {
    const at = (ms: number) => evaluateExpectations(s, trace([stateEv(40_000, { ...good, last_active_ts: T0 + ms })]))[0];
    expect(at(40_000).ok).toBe(true);
    expect(at(40_001)).toMatchObject({ ok: false, detail: expect.stringMatching(/has last_active_ts 40\.001s after the start \(1767225640001\) \(since 40s\), expected 40s after the start \(1767225640000\)$/) });
    expect(at(39_999).ok).toBe(false);
  });

  it("never matches a record that has 0; the default record when nothing changed", () => {
    const s2 = scenario(`  - state: { "@alice:example.org": { state: offline, last_active_ts: never, status_msg: null, currently_active: false } }\n    at: 5s\n`);
    expect(evaluateExpectations(s2, trace([]))[0]).toMatchObject({ ok: true, detail: expect.stringMatching(/default record/) });
    expect(evaluateExpectations(s2, trace([stateEv(1000, rec("offline", { last_active_ts: T0 + 1000 }))]))[0].detail).toMatch(/has last_active_ts 1s after the start \(1767225601000\) \(since 1s\), expected never \(0\)$/);
  });

  it("the string form keeps its meaning next to the object form", () => {
    const s3 = scenario(`  - { state: { "@alice:example.org": online }, at: 50s }\n`);
    expect(evaluateExpectations(s3, trace([stateEv(40_000, { ...good, status_msg: "anything" })]))[0]).toMatchObject({ ok: true, name: "@alice is online at 50s" });
  });
});

describe("R38 R39 edus: entries, count, max_entries_per_edu", () => {
  it("entries: the last entry for the user in the window must have the fields; null = absent", () => {
    const s = scenario(`  - edus: { destination: matrix.org, to: 1m }
    entries: { "@alice:example.org": { presence: offline, last_active_ago: null, status_msg: null, currently_active: null } }
    only: true
`);
    const exact = { user_id: "@alice:example.org", presence: "offline" };
    expect(evaluateExpectations(s, trace([eduEv(1000, [exact])]))[0]).toMatchObject({ ok: true, event: 0 });
    const r = evaluateExpectations(s, trace([eduEv(1000, [exact]), eduEv(2000, [{ ...exact, last_active_ago: 5 }])]))[0];
    expect(r).toMatchObject({ ok: false, event: 1, detail: "the last entry for @alice:example.org in m.presence EDUs delivered to matrix.org between 0s and 1m (at 2s) was sent with last_active_ago 5, expected last_active_ago absent" });
    // The entry's user must be carried at all; only: counts entries' users as expected.
    expect(evaluateExpectations(s, trace([]))[0].detail).toMatch(/^no m.presence EDU delivered to matrix.org between 0s and 1m carried @alice:example.org/);
    expect(evaluateExpectations(s, trace([eduEv(1000, [exact, { user_id: "@bob:example.org", presence: "online" }])]))[0].detail).toMatch(/unexpected: @bob:example.org \(only: true\)/);
  });

  it("count: exactly that many EDUs in the window (one more or one fewer fails)", () => {
    const s = scenario(`  - { edus: { destination: matrix.org, from: 1s, to: 3s }, count: 2 }\n`);
    const evs = [eduEv(500, entries(1)), eduEv(1000, entries(1)), eduEv(3000, entries(1)), eduEv(3001, entries(1))];
    expect(evaluateExpectations(s, trace(evs))[0]).toMatchObject({ ok: true, name: "EDUs to matrix.org between 1s and 3s carry nobody; 2 EDU(s)" });
    expect(evaluateExpectations(s, trace(evs.slice(0, 2)))[0]).toMatchObject({ ok: false, detail: "1 m.presence EDU(s) delivered to matrix.org between 1s and 3s carried @u0:example.org; expected exactly 2 EDU(s) (count)" });
    const three = [...evs.slice(0, 3), eduEv(2000, entries(1))];
    expect(evaluateExpectations(s, trace(three))[0]).toMatchObject({ ok: false, event: 3, detail: expect.stringMatching(/^3 m.presence EDU\(s\).*expected exactly 2/) });
    expect(evaluateExpectations(scenario(`  - { edus: { destination: matrix.org }, count: 0 }\n`), trace([]))[0].ok).toBe(true);
  });

  it("max_entries_per_edu: exactly the bound passes, one more fails", () => {
    const s = scenario(`  - { edus: { destination: matrix.org }, max_entries_per_edu: 50 }\n`);
    expect(evaluateExpectations(s, trace([eduEv(1000, entries(50)), eduEv(1100, entries(50, 50))]))[0]).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^2 m.presence EDU\(s\) .*; at most 50 entries per EDU$/),
      name: "EDUs to matrix.org from 0s to the end carry nobody; at most 50 entries per EDU",
    });
    expect(evaluateExpectations(s, trace([eduEv(1000, entries(49)), eduEv(1100, entries(51, 49))]))[0]).toMatchObject({
      ok: false,
      event: 1,
      detail: "the m.presence EDU delivered to matrix.org at 1.1s carried 51 entries, more than max_entries_per_edu 50",
    });
  });

  it("the default name lists entries, count and bound", () => {
    const s = scenario(`  - edus: { destination: matrix.org }
    entries: { "@alice:example.org": { presence: offline, status_msg: null } }
    count: 1
`);
    expect(evaluateExpectations(s, trace([]))[0].name).toBe("EDUs to matrix.org from 0s to the end carry @alice; @alice as presence offline, status_msg absent; 1 EDU(s)");
  });
});
