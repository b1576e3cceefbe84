// Expectations (scenario-format §3): reading them from YAML, and evaluating them on traces.
import { describe, expect, it } from "vitest";
import { evaluateExpectations } from "../../src/scenario/expect.ts";
import type { PresenceRecord, Trace, TraceEvent } from "../../src/trace/types.ts";
import { errorsOf, ok, oneError, posOf, WORLD } from "./helpers.ts";

const STEPS = `steps:
  - { at: 10s, sync: { user: "@bob:example.org", label: first } }
  - { at: 20s, sync: { user: "@bob:example.org", label: second } }
`;

function scenarioWith(expectYaml: string) {
  return ok(`${WORLD}${STEPS}expect:\n${expectYaml}`);
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

function syncEv(at: number, user: string, label: string | null, events: Array<[string, string, Record<string, unknown>?]>): TraceEvent {
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
    response: { presence: { events: events.map(([sender, presence, extra]) => ({ type: "m.presence", sender, content: { presence, ...extra } })) } },
    error: null,
  };
}

function stateEv(at: number, server: string, user: string, before: string, after: string): TraceEvent {
  return { at, server, type: "state", user, before: rec(user, before), after: rec(user, after), notified: true, cause: "put" };
}

function eduEv(at: number, server: string, origin: string, users: string[]): TraceEvent {
  return {
    at,
    server,
    type: "edu_received",
    origin,
    edu: { edu_type: "m.presence", content: { push: users.map((user_id) => ({ user_id, presence: "online" })) } },
    accepted: users,
    rejected: [],
  };
}

function trace(events: TraceEvent[], errors: Trace["errors"] = []): Omit<Trace, "expectations"> {
  return { version: 1, scenario: { servers: [], users: [], start_time: 0, end: 60_000 }, events, deliveries: [], final: {}, errors };
}

describe("reading expectations", () => {
  it("normalizes every kind, with defaults", () => {
    const s = scenarioWith(`  - { sync: first, sees: { "@alice:example.org": online, "@carol:matrix.org": { status_msg: hi } }, only: true }
  - { state: { "@alice:example.org": unavailable }, at: 6m, server: matrix.org, name: idle }
  - { edus: { destination: matrix.org, to: 2m }, users: ["@alice:example.org"] }
  - { sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }
  - { never_sees: { viewer: "@bob:example.org", source: "@carol:matrix.org" } }
  - { no_errors: true }
`);
    expect(s.expect).toEqual([
      { kind: "sync", label: "first", sees: { "@alice:example.org": "online", "@carol:matrix.org": { status_msg: "hi" } }, only: true, name: null, path: "expect[0]" },
      { kind: "state", users: { "@alice:example.org": "unavailable" }, at: 360_000, server: "matrix.org", name: "idle", path: "expect[1]" },
      { kind: "edus", destination: "matrix.org", from: 0, to: 120_000, users: ["@alice:example.org"], only: false, name: null, path: "expect[2]" },
      { kind: "sees", viewer: "@bob:example.org", source: "@alice:example.org", name: null, path: "expect[3]" },
      { kind: "never_sees", viewer: "@bob:example.org", source: "@carol:matrix.org", name: null, path: "expect[4]" },
      { kind: "no_errors", name: null, path: "expect[5]" },
    ]);
  });

  it("unknown sync label, unknown user, two kinds, unknown key are located errors", () => {
    const t = `${WORLD}${STEPS}expect:\n  - { sync: frist, sees: {} }\n`;
    expect(oneError(t, ...posOf(t, "frist"), "expect[0].sync").message).toBe('no sync step is labelled "frist"; did you mean first?');
    const t2 = `${WORLD}${STEPS}expect:\n  - { sees: { viewer: "@bob:example.org", source: "@alise:example.org" } }\n`;
    expect(oneError(t2, ...posOf(t2, '"@alise')).message).toMatch(/did you mean @alice:example.org\?/);
    const t3 = `${WORLD}${STEPS}expect:\n  - { no_errors: true, never_sees: { viewer: "@bob:example.org", source: "@bob:example.org" } }\n`;
    expect(oneError(t3, 14, 5).message).toMatch(/exactly one kind/);
    const t4 = `${WORLD}${STEPS}expect:\n  - { no_errors: true, nmae: x }\n`;
    expect(oneError(t4, ...posOf(t4, "nmae")).message).toMatch(/did you mean name\?/);
    expect(errorsOf(`${WORLD}${STEPS}expect:\n  - { state: { "@bob:example.org": online } }\n`)[0].message).toBe('a state expectation needs "at"');
  });
});

describe("evaluating expectations", () => {
  const s = scenarioWith(`  - { sync: first, sees: { "@alice:example.org": online } }
  - { sync: first, sees: { "@alice:example.org": { status_msg: hi, currently_active: true } }, only: true }
`);

  it("§3 sync: passes when the labelled sync carries the sender with that state", () => {
    const t = trace([syncEv(10_000, "@bob:example.org", "first", [["@alice:example.org", "online", { status_msg: "hi", currently_active: true }]])]);
    const [a, b] = evaluateExpectations(s, t);
    expect(a).toEqual({ name: "@bob sees @alice online in sync 'first'", ok: true, detail: "sync 'first' returned @alice:example.org online", event: 0, path: "expect[0]" });
    expect(b.ok).toBe(true);
  });

  it("§3 sync: fails with the state it saw", () => {
    const t = trace([syncEv(10_000, "@bob:example.org", "first", [["@alice:example.org", "unavailable", { status_msg: "hi", currently_active: true }], ["@carol:matrix.org", "online"]])]);
    const [a, b] = evaluateExpectations(s, t);
    expect(a).toMatchObject({ ok: false, detail: "sync 'first' returned @alice:example.org unavailable, expected online", event: 0 });
    expect(b).toMatchObject({ ok: false, detail: "sync 'first' also returned @carol:matrix.org online (only: true)" });
  });

  it("§3 sync: content field mismatch, missing sender, never returned", () => {
    const t = trace([syncEv(10_000, "@bob:example.org", "first", [["@alice:example.org", "online", { status_msg: "bye", currently_active: true }]])]);
    expect(evaluateExpectations(s, t)[1].detail).toBe('sync \'first\' returned @alice:example.org with status_msg "bye", expected "hi"');
    const t2 = trace([syncEv(10_000, "@bob:example.org", "first", [])]);
    expect(evaluateExpectations(s, t2)[0].detail).toBe("sync 'first' has no presence for @alice:example.org (it returned no presence)");
    expect(evaluateExpectations(s, trace([]))[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/never returned/) });
  });

  it("§3 state: reconstructs the server's record at a time from state events (R4)", () => {
    const sc = scenarioWith(`  - { state: { "@alice:example.org": unavailable }, at: 6m }
  - { state: { "@alice:example.org": online }, at: 6m, server: matrix.org }
  - { state: { "@bob:example.org": offline }, at: 1m }
`);
    const evs = [
      stateEv(0, "example.org", "@alice:example.org", "offline", "online"),
      stateEv(100, "matrix.org", "@alice:example.org", "offline", "online"),
      stateEv(300_000, "example.org", "@alice:example.org", "online", "unavailable"),
      stateEv(400_000, "example.org", "@alice:example.org", "unavailable", "offline"),
    ];
    const [a, b, c] = evaluateExpectations(sc, trace(evs));
    expect(a).toMatchObject({ ok: true, event: 2, name: "@alice is unavailable at 6m" });
    expect(b).toMatchObject({ ok: true, event: 1 });
    expect(c).toMatchObject({ ok: true, detail: expect.stringMatching(/default record/) });
    const [a2] = evaluateExpectations(sc, trace(evs.slice(0, 2)));
    expect(a2).toMatchObject({ ok: false, detail: "example.org's record of @alice:example.org at 6m was online (since 0s), expected unavailable", event: 0 });
  });

  it("§3 edus: users carried by EDUs delivered to the destination in the window", () => {
    const sc = scenarioWith(`  - { edus: { destination: matrix.org, from: 0s, to: 2m }, users: ["@alice:example.org"], only: true }
  - { edus: { destination: matrix.org }, users: ["@bob:example.org"] }
`);
    const t = trace([eduEv(90, "matrix.org", "example.org", ["@alice:example.org"]), eduEv(200_000, "matrix.org", "example.org", ["@bob:example.org"])]);
    const [a, b] = evaluateExpectations(sc, t);
    expect(a).toMatchObject({ ok: true, event: 0 });
    expect(b).toMatchObject({ ok: true, event: 1 });
    const t2 = trace([eduEv(90, "matrix.org", "example.org", ["@alice:example.org", "@bob:example.org"])]);
    expect(evaluateExpectations(sc, t2)[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/unexpected: @bob:example.org \(only: true\)/) });
    const t3 = trace([eduEv(90, "example.org", "matrix.org", ["@carol:matrix.org"])]);
    expect(evaluateExpectations(sc, t3)[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/^no m.presence EDU delivered to matrix.org between 0s and 2m carried @alice:example.org/) });
  });

  it("§3 sees / never_sees over sync responses", () => {
    const sc = scenarioWith(`  - { sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }
  - { never_sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }
`);
    const seen = trace([syncEv(10_000, "@bob:example.org", null, []), syncEv(15_000, "@bob:example.org", "x", [["@alice:example.org", "online"]])]);
    const [a, b] = evaluateExpectations(sc, seen);
    expect(a).toMatchObject({ ok: true, event: 1, name: "@bob sees @alice's presence" });
    expect(b).toMatchObject({ ok: false, event: 1, detail: "the sync 'x' returning at 15s carried @alice online to @bob:example.org", name: "@bob never sees @alice's presence" });
    const unseen = trace([syncEv(10_000, "@carol:matrix.org", null, [["@alice:example.org", "online"]])]);
    const [c, d] = evaluateExpectations(sc, unseen);
    expect(c.ok).toBe(false);
    expect(d.ok).toBe(true);
  });

  it("§3 no_errors: failed requests, module errors, wrong-typed results, run errors", () => {
    const sc = scenarioWith("  - { no_errors: true, name: clean }\n");
    expect(evaluateExpectations(sc, trace([syncEv(0, "@bob:example.org", null, [])]))[0]).toMatchObject({ name: "clean", ok: true });
    const req: TraceEvent = {
      at: 1000,
      server: "example.org",
      type: "request",
      label: null,
      request: { user: "@bob:example.org", device: "DEV", method: "PUT", path: "/_matrix/client/v3/presence/%40bob%3Aexample.org/status", target: "@bob:example.org", body: { presence: "here" } },
      response: { status: 400, body: { errcode: "M_INVALID_PARAM", error: "Invalid presence state" } },
    };
    const r = evaluateExpectations(sc, trace([syncEv(0, "@bob:example.org", null, []), req]))[0];
    expect(r).toMatchObject({ ok: false, event: 1 });
    expect(r.detail).toBe("PUT /_matrix/client/v3/presence/%40bob%3Aexample.org/status by @bob:example.org at 1s failed: 400 M_INVALID_PARAM Invalid presence state");
    const call: TraceEvent = { at: 0, server: "example.org", type: "router_call", call: 1, site: "wake", for_user: null, module: "router.ts", callback: "get_users_for_states", input: [], output: null, ms: 0, warnings: [], error: { message: "boom" } };
    const wrong: TraceEvent = { ...call, error: null, warnings: ["returned a list; expected a Set"] } as TraceEvent;
    expect(evaluateExpectations(sc, trace([call, wrong]))[0].detail).toBe("2 problems; first: router.ts get_users_for_states threw on example.org at 0s: boom");
    expect(evaluateExpectations(sc, trace([wrong]))[0].detail).toMatch(/expected a Set/);
    expect(evaluateExpectations(sc, trace([], [{ kind: "module", message: "router.ts: no default export" }]))[0]).toMatchObject({ ok: false, detail: "the run stopped: router.ts: no default export" });
  });
});
