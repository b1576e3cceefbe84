// Every field the reply schema knows, with every allowed value of each enumeration, comes
// through checkReply unchanged (nothing the engine legitimately sends is refused or
// dropped), and each kind of wrong value is refused with the path to it.
import { describe, expect, it } from "vitest";
import { checkReply, parseTrace, traceProblem } from "../../src/sandbox/reply.ts";

const rec = (user_id: string, state = "online", status_msg: string | null = null) => ({
  user_id,
  state,
  last_active_ts: 1,
  last_federation_update_ts: 2,
  last_user_sync_ts: 3,
  status_msg,
  currently_active: true,
});
const errorInfo = { message: "Error: x", file: "router.ts", line: 3, column: 7, stack: "at router.ts:3:7" };
const base = (type: string) => ({ at: 5, server: "example.org", type });
const CAUSES = ["put", "sync", "sync_end", "activity", "timeout", "edu", "module_api", "restart", "startup"];
const LEVELS = ["debug", "info", "warning", "error"];

/** One event of every type, every enumeration value at least once, optional fields both ways. */
function everyEvent(): Array<Record<string, unknown>> {
  return [
    { ...base("request"), label: "put", request: { user: "@a:x", device: "D", method: "PUT", path: "/presence", target: "@a:x", body: { presence: "online" } }, response: { status: 200, body: {} } },
    { ...base("request"), label: null, request: { user: "@a:x", device: null, method: "GET", path: "/presence", target: "@b:x" }, response: { status: 403, body: null } },
    ...CAUSES.map((cause, i) => ({ ...base("state"), user: "@a:x", before: rec("@a:x", "offline"), after: rec("@a:x", "online", `s${i}`), notified: i % 2 === 0, cause })),
    { ...base("router_call"), module: "r.ts", callback: "get_users_for_states", call: 1, site: "wake", for_user: null, input: [rec("@a:x")], output: { "@b:x": [rec("@a:x")] }, ms: 0.5, warnings: ["w"], error: null },
    { ...base("router_call"), module: "r.ts", callback: "get_interested_users", call: 2, site: "sync", for_user: "@a:x", input: "@a:x", output: ["@b:x"], ms: 0, warnings: [], error: errorInfo },
    { ...base("router_call"), module: "r.ts", callback: "get_interested_users", call: 3, site: "snapshot", for_user: "@a:x", input: "@a:x", output: "ALL", ms: 0, warnings: [], error: { message: "m" } },
    { ...base("router_call"), module: "r.ts", callback: "get_interested_users", call: 4, site: "direct", for_user: null, input: "@a:x", output: null, ms: 0, warnings: [], error: null },
    { ...base("wake"), user: "@a:x", reasons: ["room:!r:x", "router"] },
    {
      ...base("sync"),
      started_at: 1,
      label: "s",
      user: "@a:x",
      device: "D",
      mode: "initial",
      since: null,
      next_batch: "t1",
      response: { presence: { events: [{ type: "m.presence", sender: "@b:x", content: { presence: "online", last_active_ago: 4, status_msg: "hi", currently_active: true } }] } },
      error: null,
    },
    {
      ...base("sync"),
      started_at: 1,
      label: null,
      user: "@a:x",
      device: "D",
      mode: "incremental",
      since: "t1",
      next_batch: "t2",
      response: { presence: { events: [{ type: "m.presence", sender: "@b:x", content: { presence: "offline" } }] } },
      error: { status: 429, errcode: "M_LIMIT_EXCEEDED", message: "slow down" },
    },
    { ...base("sync"), started_at: 1, label: null, user: "@a:x", device: "D", mode: "incremental", since: "t2", next_batch: "t2", response: {}, error: null },
    { ...base("edu_sent"), destination: "y", txn_id: "1", edu: { edu_type: "m.presence", content: { push: [{ presence: "online", user_id: "@a:x", last_active_ago: 0, currently_active: false, status_msg: "s" }] } } },
    { ...base("edu_received"), origin: "y", edu: { anything: 1 }, accepted: ["@b:y"], rejected: [{ user_id: 7, reason: "not from origin" }] },
    { ...base("module_call"), call: "set_presence_for_users", args: [{ "@a:x": ["online", null] }], module: "r.ts", error: null },
    { ...base("module_call"), call: "send_local_online_presence_to", args: [], module: null, error: "Error: no" },
    ...LEVELS.map((level) => ({ ...base("log"), level, message: `m ${level}`, module: "r.ts" })),
    { ...base("log"), level: "info", message: "no module" },
    { ...base("error"), message: "boom", module: "r.ts", error: errorInfo },
    { ...base("error"), message: "boom" },
  ];
}

const fullTrace = () => ({
  version: 1,
  scenario: { servers: ["x", "y"], users: ["@a:x"], start_time: 10, end: 20 },
  events: everyEvent(),
  deliveries: [
    { at: 0, server: "x", source: "@a:x", viewer: "@b:x", transport: "sync", state: "online", via: ["room:!r:x"] },
    { at: 1, server: "y", source: "@a:x", viewer: "@c:y", transport: "federation", state: "online", via: [] },
  ],
  final: { x: { "@a:x": rec("@a:x") } },
  expectations: [
    { name: "e1", ok: true, detail: "fine", event: 3, path: "expect[0]" },
    { name: "e2", ok: false, detail: "no" },
  ],
  errors: ["scenario", "module", "config"].map((kind, i) => ({ kind, message: `m${i}`, file: "f", line: 1, column: 2, path: "p", callback: "cb", at: 4 })),
});

const diagnostics = [
  { file: "scenario.yaml", line: 1, column: 2, endLine: 1, endColumn: 5, message: "bad", severity: "error", path: "servers" },
  { file: "router.ts", line: 3, column: 1, message: "hmm", severity: "warning" },
];

describe("checkReply keeps everything the engine may send", () => {
  it("a result with every event type, enumeration value and optional field comes through equal", () => {
    const reply = { type: "result", id: 1, trace: fullTrace(), ms: 12.5, warnings: diagnostics, hints: { rooms: [{ id: "!r:x", members: ["@a:x"] }], excludedRooms: { x: ["!q:x"] } } };
    expect(checkReply(reply)).toEqual(reply);
    expect(traceProblem(fullTrace())).toBeNull();
    expect(parseTrace(fullTrace())).toEqual({ ok: true, trace: fullTrace() });
  });

  it("empty hints, scenario-invalid and run-failed replies come through equal", () => {
    const result = { type: "result", id: 2, trace: fullTrace(), ms: 0, warnings: [], hints: {} };
    expect(checkReply(result)).toEqual(result);
    const invalid = { type: "scenario-invalid", id: 3, diagnostics };
    expect(checkReply(invalid)).toEqual(invalid);
    for (const error of fullTrace().errors) {
      const failed = { type: "run-failed", id: 4, error };
      expect(checkReply(failed)).toEqual(failed);
    }
  });

  it("reading leaves the caller's objects as they were (prototypes restored)", () => {
    const reply = { type: "result", id: 1, trace: fullTrace(), ms: 0, warnings: [], hints: {} };
    checkReply(reply);
    expect(Object.getPrototypeOf(reply)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(reply.trace.events[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(reply.trace.final.x)).toBe(Object.prototype);
    const bad = { ...reply, ms: "x" };
    checkReply(bad);
    expect(Object.getPrototypeOf(bad.trace.scenario)).toBe(Object.prototype);
  });
});

describe("checkReply refuses what the engine never sends, saying where", () => {
  const failed = (m: unknown) => (checkReply(m) as { type: string; error?: { message: string } } | null);

  it("each wrong event field names its path", () => {
    const cases: Array<[number, Record<string, unknown>, RegExp]> = [
      [0, { request: { ...(everyEvent()[0]!.request as object), method: "POST" } }, /^events\[0\]\.request\.method: /],
      [2, { cause: "magic" }, /^events\[2\]\.cause: /],
      [2, { notified: "yes" }, /^events\[2\]\.notified: /],
      [11, { output: 5 }, /^events\[11\]\.output/],
      [11, { callback: "get_users" }, /^events\[11\]\.callback: /],
      [16, { mode: "full" }, /^events\[16\]\.mode: /],
      [16, { response: { presence: { events: [{ type: "m.typing", sender: "@b:x", content: { presence: "online" } }] } } }, /^events\[16\]\.response\.presence\.events\[0\]\.type: /],
      [19, { edu: { edu_type: "m.typing", content: { push: [] } } }, /^events\[19\]\.edu\.edu_type: /],
      [20, { rejected: [{ user_id: "@b:y" }] }, /^events\[20\]\.rejected\[0\]\.reason: /],
      [23, { level: "fatal" }, /^events\[23\]\.level: /],
      [28, { error: { message: 1 } }, /^events\[28\]\.error\.message: /],
    ];
    for (const [i, patch, why] of cases) {
      const t = fullTrace();
      t.events[i] = { ...t.events[i]!, ...patch };
      expect(traceProblem(t), JSON.stringify(patch)).toMatch(why);
      expect(parseTrace(t)).toEqual({ ok: false, why: expect.stringMatching(why) });
    }
  });

  it("a wrong delivery transport, expectation or run error kind names its path", () => {
    const t1 = fullTrace();
    t1.deliveries[0] = { ...t1.deliveries[0]!, transport: "carrier pigeon" };
    expect(traceProblem(t1)).toMatch(/^deliveries\[0\]\.transport: /);
    const t2 = fullTrace();
    t2.expectations[1] = { ...t2.expectations[1]!, ok: "no" as never };
    expect(traceProblem(t2)).toMatch(/^expectations\[1\]\.ok: /);
    const t3 = fullTrace();
    t3.errors[0] = { ...t3.errors[0]!, kind: "panic" };
    expect(traceProblem(t3)).toMatch(/^errors\[0\]\.kind: /);
    expect(traceProblem({ ...fullTrace(), version: 2 })).toMatch(/^version: /);
  });

  it("a value that is not a trace at all is 'the reply'", () => {
    expect(traceProblem(null)).toMatch(/^the reply: /);
    expect(parseTrace("trace")).toEqual({ ok: false, why: expect.stringMatching(/^the reply: /) });
  });

  it("a cycle through a record is refused as a malformed reply, not a crash", () => {
    const t = fullTrace() as Record<string, unknown>;
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    t.final = { x: loop };
    const reply = { type: "result", id: 9, trace: t, ms: 0, warnings: [], hints: {} };
    expect(failed(reply)).toEqual({
      type: "run-failed",
      id: 9,
      error: { kind: "module", message: expect.stringMatching(/^The engine sandbox sent a malformed reply \(trace\.final\.x\.self\.user_id: .+\); it was ignored\.$/) },
    });
  });

  it("the explained failure keeps the id and names the first problem", () => {
    expect(failed({ type: "scenario-invalid", id: 5, diagnostics: [{ ...diagnostics[0], severity: "info" }] })).toEqual({
      type: "run-failed",
      id: 5,
      error: { kind: "module", message: expect.stringMatching(/^The engine sandbox sent a malformed reply \(diagnostics\[0\]\.severity: .+\); it was ignored\.$/) },
    });
    expect(failed({ type: "result", id: 6, trace: fullTrace(), ms: 0, warnings: [], hints: { rooms: [{ id: 1, members: [] }] } })?.error?.message).toMatch(/\(hints\.rooms\[0\]\.id: /);
  });

  it("not a reply at all: no id of its own, a non-integer or non-number id, an unknown type", () => {
    expect(checkReply(Object.create({ id: 1, type: "result" }))).toBeNull();
    expect(checkReply({ type: "result", id: "1" })).toBeNull();
    expect(checkReply({ type: "result", id: 1.5 })).toBeNull();
    expect(checkReply({ type: "results", id: 1 })).toBeNull();
    expect(checkReply("result")).toBeNull();
    expect(checkReply({ type: "run-failed", id: 1 })?.type).toBe("run-failed");
    expect(checkReply({ type: "scenario-invalid", id: 1 })?.type).toBe("run-failed");
  });
});
