// Evaluating expectations (src/scenario/expect.ts) at their edges: an event exactly at a
// window's bound counts and one 1 ms outside does not; what is ignored (other servers,
// failed syncs, other EDU types); the names shown for unnamed expectations; and which
// trace event a result points at.
import { describe, expect, it } from "vitest";
import { evaluateExpectations } from "../../src/scenario/expect.ts";
import type { PresenceRecord, Trace, TraceEvent } from "../../src/trace/types.ts";
import { ok, WORLD } from "./helpers.ts";

const STEPS = `steps:
  - { at: 1s, presence: { user: "@alice:example.org", device: phone, state: online, label: put } }
  - { at: 10s, sync: { user: "@bob:example.org", label: first } }
  - { at: 20s, sync: { user: "@carol:matrix.org", label: second } }
`;
const scenario = (expectYaml: string, world = WORLD) => ok(`${world}${STEPS}expect:\n${expectYaml}`);

function trace(events: TraceEvent[]): Omit<Trace, "expectations"> {
  return { version: 1, scenario: { servers: [], users: [], start_time: 0, end: 60_000 }, events, deliveries: [], final: {}, errors: [] };
}

const rec = (user_id: string, state: string, extra: Partial<PresenceRecord> = {}): PresenceRecord => ({
  user_id,
  state,
  last_active_ts: 0,
  last_federation_update_ts: 0,
  last_user_sync_ts: 0,
  status_msg: null,
  currently_active: false,
  ...extra,
});

function stateEv(at: number, server: string, user: string, after: string, extra: Partial<PresenceRecord> = {}): TraceEvent {
  return { at, server, type: "state", user, before: rec(user, "offline"), after: rec(user, after, extra), notified: true, cause: "put" };
}

type Sent = [sender: string, presence: string, extra?: Record<string, unknown>];
function syncEv(at: number, user: string, label: string | null, sent: Sent[], error: { status: number; errcode: string; message: string } | null = null): TraceEvent {
  return {
    at,
    server: user.split(":")[1],
    type: "sync",
    started_at: at,
    label,
    user,
    device: "DEV",
    mode: "incremental",
    since: null,
    next_batch: "s1",
    response: error ? {} : { presence: { events: sent.map(([sender, presence, extra]) => ({ type: "m.presence", sender, content: { presence, ...extra } })) } },
    error,
  };
}

function eduEv(at: number, server: string, push: unknown, eduType: unknown = "m.presence"): TraceEvent {
  const edu = eduType === undefined ? { content: { push } } : { edu_type: eduType, content: { push } };
  return { at, server, type: "edu_received", origin: "example.org", edu: edu as never, accepted: [], rejected: [] };
}
const carrying = (...users: string[]) => users.map((user_id) => ({ user_id, presence: "online" }));

describe("R4 state: the record at `at` is the newest state event up to and including `at`", () => {
  const s = scenario('  - { state: { "@alice:example.org": online }, at: 5s }\n');

  it("a change exactly at `at` counts; one 1 ms later does not", () => {
    expect(evaluateExpectations(s, trace([stateEv(5000, "example.org", "@alice:example.org", "online")]))[0]).toEqual({
      name: "@alice is online at 5s",
      ok: true,
      detail: "at 5s: @alice:example.org online on example.org (since 5s)",
      event: 0,
      path: "expect[0]",
    });
    expect(evaluateExpectations(s, trace([stateEv(5001, "example.org", "@alice:example.org", "online")]))[0]).toEqual({
      name: "@alice is online at 5s",
      ok: false,
      detail: "example.org's record of @alice:example.org at 5s was offline (no change recorded: the default record), expected online",
      path: "expect[0]",
    });
  });

  it("the newest change up to `at` wins; other users' and other servers' records are not looked at", () => {
    const evs = [
      stateEv(1000, "example.org", "@alice:example.org", "online"),
      stateEv(2000, "example.org", "@alice:example.org", "unavailable"),
      stateEv(3000, "matrix.org", "@alice:example.org", "online"),
      stateEv(4000, "example.org", "@bob:example.org", "online"),
    ];
    expect(evaluateExpectations(s, trace(evs))[0]).toMatchObject({ ok: false, event: 1, detail: "example.org's record of @alice:example.org at 5s was unavailable (since 2s), expected online" });
  });

  it("server: reads that server's copy of the record, and names it", () => {
    const m = scenario('  - { state: { "@alice:example.org": online }, at: 5s, server: matrix.org }\n');
    const r = evaluateExpectations(m, trace([stateEv(1000, "example.org", "@alice:example.org", "unavailable"), stateEv(3000, "matrix.org", "@alice:example.org", "online")]))[0];
    expect(r).toEqual({ name: "@alice is online at 5s on matrix.org", ok: true, detail: "at 5s: @alice:example.org online on matrix.org (since 3s)", event: 1, path: "expect[0]" });
  });

  it("several users: the result points at the last user's change; a field form lists the checked fields", () => {
    const two = scenario('  - state: { "@alice:example.org": { state: online, currently_active: true }, "@bob:example.org": offline }\n    at: 1m\n');
    const r = evaluateExpectations(two, trace([stateEv(1000, "example.org", "@alice:example.org", "online", { currently_active: true })]))[0];
    expect(r).toEqual({
      name: "@alice state online, currently_active true, @bob is offline at 1m",
      ok: true,
      detail: "at 1m: @alice:example.org online, currently_active true on example.org (since 1s); @bob:example.org offline on example.org (no change recorded: the default record)",
      event: 0,
      path: "expect[0]",
    });
    const failing = evaluateExpectations(two, trace([stateEv(1000, "example.org", "@alice:example.org", "online")]))[0];
    expect(failing).toMatchObject({ ok: false, event: 0, detail: "example.org's record of @alice:example.org at 1m has currently_active false (since 1s), expected true" });
  });
});

describe("edus: the window [from, to] includes both ends", () => {
  const s = scenario('  - { edus: { destination: matrix.org, from: 2s, to: 4s }, users: ["@alice:example.org"] }\n');
  const at = (ms: number) => evaluateExpectations(s, trace([eduEv(ms, "matrix.org", carrying("@alice:example.org"))]))[0];

  it("an EDU exactly at from or at to counts; 1 ms before from or after to does not", () => {
    expect(at(2000)).toEqual({
      name: "EDUs to matrix.org between 2s and 4s carry @alice",
      ok: true,
      detail: "1 m.presence EDU(s) delivered to matrix.org between 2s and 4s carried @alice:example.org",
      event: 0,
      path: "expect[0]",
    });
    expect(at(4000)).toMatchObject({ ok: true, event: 0 });
    expect(at(1999)).toEqual({
      name: "EDUs to matrix.org between 2s and 4s carry @alice",
      ok: false,
      detail: "no m.presence EDU delivered to matrix.org between 2s and 4s carried @alice:example.org (0 m.presence EDU(s) delivered to matrix.org between 2s and 4s carried nobody)",
      path: "expect[0]",
    });
    expect(at(4001).ok).toBe(false);
  });

  it("only m.presence EDUs (or EDUs without a type) to the destination count; entries without a user id are skipped", () => {
    const one = (e: TraceEvent) => evaluateExpectations(s, trace([e]))[0].ok;
    expect(one(eduEv(3000, "matrix.org", carrying("@alice:example.org"), "m.typing"))).toBe(false);
    expect(one(eduEv(3000, "matrix.org", carrying("@alice:example.org"), undefined))).toBe(true);
    expect(one(eduEv(3000, "example.org", carrying("@alice:example.org")))).toBe(false);
    const odd = scenario("  - { edus: { destination: matrix.org }, count: 2, only: true }\n");
    const r = evaluateExpectations(odd, trace([eduEv(0, "matrix.org", "not a list"), eduEv(1, "matrix.org", [null, { user_id: 5 }, "x"])]))[0];
    expect(r).toEqual({ name: "EDUs to matrix.org from 0s to the end carry nobody (only); 2 EDU(s)", ok: true, detail: "2 m.presence EDU(s) delivered to matrix.org from 0s to the end carried nobody", path: "expect[0]" });
  });

  it("the result points at the first EDU carrying the first expected user; count failures at the first EDU too many", () => {
    const two = scenario('  - { edus: { destination: matrix.org }, users: ["@bob:example.org", "@alice:example.org"], count: 1 }\n');
    const evs = [eduEv(1000, "matrix.org", carrying("@alice:example.org")), eduEv(2000, "matrix.org", carrying("@bob:example.org", "@alice:example.org"))];
    expect(evaluateExpectations(two, trace(evs))[0]).toMatchObject({ ok: false, event: 1, detail: "2 m.presence EDU(s) delivered to matrix.org from 0s to the end carried @alice:example.org, @bob:example.org; expected exactly 1 EDU(s) (count)" });
    expect(evaluateExpectations(two, trace(evs.slice(1)))[0]).toMatchObject({ ok: true, event: 0 });
    const fewer = scenario('  - { edus: { destination: matrix.org }, count: 3 }\n');
    const r = evaluateExpectations(fewer, trace(evs))[0];
    expect(r.ok).toBe(false);
    expect("event" in r).toBe(false);
  });

  it("only: the result points at the first EDU carrying an unexpected user", () => {
    const only = scenario('  - { edus: { destination: matrix.org }, users: ["@alice:example.org"], only: true }\n');
    const evs = [eduEv(1000, "matrix.org", carrying("@alice:example.org")), eduEv(2000, "matrix.org", carrying("@carol:matrix.org")), eduEv(3000, "matrix.org", carrying("@bob:example.org"))];
    expect(evaluateExpectations(only, trace(evs))[0]).toMatchObject({ ok: false, event: 1, detail: expect.stringMatching(/; unexpected: @carol:matrix.org, @bob:example.org \(only: true\)$/) });
  });
});

describe("sync: the labelled sync's response", () => {
  it("a failed sync fails the expectation with its error, pointing at it", () => {
    const s = scenario('  - { sync: first, sees: { "@alice:example.org": online } }\n');
    const r = evaluateExpectations(s, trace([syncEv(10_000, "@bob:example.org", "first", [], { status: 429, errcode: "M_LIMIT_EXCEEDED", message: "slow down" })]))[0];
    expect(r).toEqual({ name: "@bob sees @alice online in sync 'first'", ok: false, detail: "sync 'first' failed: 429 M_LIMIT_EXCEEDED slow down", event: 0, path: "expect[0]" });
  });

  it("the last event per sender counts; the first sync with the label is the one judged", () => {
    const s = scenario('  - { sync: first, sees: { "@alice:example.org": online } }\n');
    const evs = [syncEv(10_000, "@bob:example.org", "first", [["@alice:example.org", "unavailable"], ["@alice:example.org", "online"]]), syncEv(11_000, "@bob:example.org", "first", [["@alice:example.org", "offline"]])];
    expect(evaluateExpectations(s, trace(evs))[0]).toMatchObject({ ok: true, event: 0, detail: "sync 'first' returned @alice:example.org unavailable, @alice:example.org online" });
    expect(evaluateExpectations(s, trace([syncEv(9000, "@bob:example.org", "other", []), ...evs]))[0]).toMatchObject({ ok: true, event: 1 });
  });

  it("names: no sees is 'no presence' (never '(only)'); an object form is shown as JSON", () => {
    const s = scenario('  - { sync: first, sees: {}, only: true }\n  - { sync: second, sees: { "@alice:example.org": { presence: online, status_msg: null } } }\n');
    const [a, b] = evaluateExpectations(s, trace([syncEv(10_000, "@bob:example.org", "first", []), syncEv(20_000, "@carol:matrix.org", "second", [["@alice:example.org", "online"]])]));
    expect(a).toEqual({ name: "@bob sees no presence in sync 'first'", ok: true, detail: "sync 'first' returned no presence", event: 0, path: "expect[0]" });
    expect(b).toEqual({ name: `@carol sees @alice {"presence":"online","status_msg":null} in sync 'second'`, ok: true, detail: "sync 'second' returned @alice:example.org online", event: 1, path: "expect[1]" });
    const extra = evaluateExpectations(s, trace([syncEv(10_000, "@bob:example.org", "first", [["@carol:matrix.org", "online"]])]))[0];
    expect(extra).toMatchObject({ ok: false, detail: "sync 'first' also returned @carol:matrix.org online (only: true)" });
  });

  it("two users with the same localpart are named in full", () => {
    const world = WORLD.replace('  "@carol:matrix.org": {}\n', '  "@carol:matrix.org": {}\n  "@alice:matrix.org": {}\n');
    const s = scenario('  - { sync: first, sees: { "@alice:example.org": online, "@carol:matrix.org": online } }\n', world);
    expect(evaluateExpectations(s, trace([]))[0].name).toBe("@bob sees @alice:example.org online, @carol online in sync 'first'");
  });
});

describe("sees / never_sees: any successful sync to the viewer", () => {
  const s = scenario('  - { sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }\n  - { never_sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }\n');

  it("a failed sync, another viewer's sync, or another sender does not count", () => {
    const evs = [
      syncEv(1000, "@bob:example.org", null, [["@alice:example.org", "online"]], { status: 500, errcode: "M_UNKNOWN", message: "x" }),
      syncEv(2000, "@carol:matrix.org", null, [["@alice:example.org", "online"]]),
      syncEv(3000, "@bob:example.org", null, [["@carol:matrix.org", "online"]]),
    ];
    const [a, b] = evaluateExpectations(s, trace(evs));
    expect(a).toEqual({ name: "@bob sees @alice's presence", ok: false, detail: "no sync response to @bob:example.org carried @alice:example.org's presence", path: "expect[0]" });
    expect(b).toEqual({ name: "@bob never sees @alice's presence", ok: true, detail: "no sync response to @bob:example.org carried @alice:example.org's presence", path: "expect[1]" });
  });

  it("the first sync carrying the source is named, without a label when it has none", () => {
    const [a, b] = evaluateExpectations(s, trace([syncEv(1500, "@bob:example.org", null, [["@alice:example.org", "unavailable"]]), syncEv(2000, "@bob:example.org", "first", [["@alice:example.org", "online"]])]));
    expect(a).toEqual({ name: "@bob sees @alice's presence", ok: true, detail: "the sync returning at 1.5s carried @alice unavailable to @bob:example.org", event: 0, path: "expect[0]" });
    expect(b).toMatchObject({ ok: false, event: 0 });
  });
});

describe("request and no_errors names", () => {
  it("request: 'answered <status> <errcode>'; no_errors: 'no errors'", () => {
    const s = scenario("  - { request: put, status: 403, errcode: M_FORBIDDEN }\n  - { request: put, status: 200 }\n  - { no_errors: true }\n");
    expect(evaluateExpectations(s, trace([])).map((r) => r.name)).toEqual(["request 'put' is answered 403 M_FORBIDDEN", "request 'put' is answered 200", "no errors"]);
  });

  it("no_errors ignores only the failures that a request expectation names", () => {
    const s = scenario("  - { request: put, status: 403 }\n  - { no_errors: true }\n");
    const req = (label: string | null): TraceEvent => ({
      at: 1000,
      server: "example.org",
      type: "request",
      label,
      request: { user: "@alice:example.org", device: "phone", method: "PUT", path: "/p", target: "@alice:example.org" },
      response: { status: 403, body: { errcode: "M_FORBIDDEN" } },
    });
    expect(evaluateExpectations(s, trace([req("put")]))[1]).toMatchObject({ ok: true });
    expect(evaluateExpectations(s, trace([req(null)]))[1]).toMatchObject({ ok: false, event: 0, detail: "PUT /p by @alice:example.org at 1s failed: 403 M_FORBIDDEN" });
  });
});
