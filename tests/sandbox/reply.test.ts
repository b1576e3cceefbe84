// Schema checks on what the engine sandbox sends back (src/sandbox/reply.ts): a forged or
// tampered reply becomes an explained failure instead of reaching the views; a good one
// becomes a typed value with only the fields the protocol knows.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkReply, ReplySchema, schemaKeysOf, traceProblem } from "../../src/sandbox/reply.ts";
import type { RunReply } from "../../src/worker/protocol.ts";

const rec = (user_id: string, state = "online") => ({
  user_id,
  state,
  last_active_ts: 0,
  last_federation_update_ts: 0,
  last_user_sync_ts: 0,
  status_msg: null,
  currently_active: false,
});

const trace = () => ({
  version: 1,
  scenario: { servers: ["example.org"], users: ["@a:example.org"], start_time: 0, end: 0 },
  events: [
    { type: "log", at: 0, server: "example.org", level: "info", message: "<b>hi</b>", module: "router.ts" },
    { type: "state", at: 0, server: "example.org", user: "@a:example.org", before: rec("@a:example.org", "offline"), after: rec("@a:example.org"), notified: true, cause: "put" },
    { type: "router_call", at: 0, server: "example.org", call: 1, site: "sync", for_user: "@a:example.org", module: "router.ts", callback: "get_interested_users", input: "@a:example.org", output: "ALL", ms: 0, warnings: [], error: null },
    { type: "module_call", at: 0, server: "example.org", call: "set_presence_for_users", args: [{ x: 1 }], module: "router.ts", error: null },
  ],
  deliveries: [{ at: 0, server: "example.org", source: "@a:example.org", viewer: "@a:example.org", transport: "sync", state: "online", via: ["self"] }],
  final: { "example.org": { "@a:example.org": rec("@a:example.org") } },
  expectations: [],
  errors: [],
});
const result = () => ({ type: "result", id: 3, trace: trace(), ms: 1, warnings: [], hints: { rooms: [] } });

/** A result as the engine worker posts it: the trace as UTF-8 JSON bytes (src/worker/engine.worker.ts). */
const onTheWire = (m: { trace: unknown } & Record<string, unknown>) => {
  const { trace: t, ...rest } = m;
  return { ...rest, traceJson: new TextEncoder().encode(JSON.stringify(t)).buffer };
};

describe("checkReply: the trace as JSON bytes (how the worker sends it)", () => {
  it("decodes the bytes into an equal typed result", () => {
    expect(checkReply(onTheWire(result()))).toEqual(result());
  });
  it("bytes that are not an ArrayBuffer, not UTF-8 or not JSON are a malformed reply naming traceJson", () => {
    const bad = [{ ...result(), traceJson: "{}" }, { ...result(), traceJson: new Uint8Array([0xff, 0xfe]).buffer }, { ...result(), traceJson: new TextEncoder().encode("{").buffer }];
    for (const m of bad) expect(checkReply(m), String(m.traceJson)).toMatchObject({ type: "run-failed", id: 3, error: { message: expect.stringMatching(/malformed reply \(traceJson: /) } });
  });
  it("a decoded trace is checked like any other: a forged event is refused with its path", () => {
    const m = result();
    (m.trace.events[1] as { after: unknown }).after = null;
    expect(checkReply(onTheWire(m))).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/trace\.events\[1\]\.after/) } });
  });
  it("the bytes win over a trace object sent beside them", () => {
    const m = { ...onTheWire(result()), trace: { forged: true } };
    expect(checkReply(m)).toEqual(result());
  });
});

describe("checkReply", () => {
  it("passes a well-formed result through as an equal typed value", () => {
    const r = checkReply(result());
    expect(r).toEqual(result());
  });
  it("drops fields the protocol does not know", () => {
    const m = { ...result(), extra: "<script>" };
    expect(checkReply(m)).not.toHaveProperty("extra");
  });
  it("a forged state event with after: null is a malformed reply naming the field", () => {
    const m = result();
    (m.trace.events[1] as { after: unknown }).after = null;
    const r = checkReply(m);
    expect(r).toMatchObject({ type: "run-failed", id: 3, error: { message: expect.stringMatching(/malformed reply \(trace\.events\[1\]\.after: /) } });
  });
  it("checks every event type's fields, not only type/at/server", () => {
    const bad = [
      { type: "log", at: "soon", server: "x", level: "info", message: "m" },
      { type: "error", at: 0, server: "x", message: {} },
      { type: "wake", at: 0, server: "x", user: "@a:x", reasons: [1] },
      { type: "router_call", at: 0, server: "x", module: "m", callback: "eval", input: "u", output: null, ms: 0, warnings: [], error: null },
      { type: "sync", at: 0, server: "x" },
      { type: "pwn", at: 0, server: "x" },
    ];
    for (const e of bad) expect(traceProblem({ ...trace(), events: [e] }), JSON.stringify(e)).toMatch(/^events\[0\]/);
  });
  it("turns a malformed delivery into an explained run failure", () => {
    const r = checkReply({ ...result(), trace: { ...trace(), deliveries: [{ source: 1 }] } });
    expect(r).toMatchObject({ type: "run-failed", id: 3, error: { message: expect.stringMatching(/malformed reply \(trace\.deliveries\[0\]/) } });
  });
  it("only own properties count: an inherited field does not satisfy the schema", () => {
    const e = Object.create({ after: rec("@a:example.org") });
    Object.assign(e, { type: "state", at: 0, server: "x", user: "@a:x", before: rec("@a:x"), notified: true, cause: "put" });
    expect(traceProblem({ ...trace(), events: [e] })).toMatch(/events\[0\]\.after/);
  });
  it("only own properties count, also when Object.prototype itself carries a field the schema reads", () => {
    const e = { type: "state", at: 0, server: "x", user: "@a:x", before: rec("@a:x"), notified: true, cause: "put" };
    Object.defineProperty(Object.prototype, "after", { value: rec("@a:x"), configurable: true, writable: true });
    try {
      expect(traceProblem({ ...trace(), events: [e] })).toMatch(/events\[0\]\.after/);
    } finally {
      delete (Object.prototype as { after?: unknown }).after;
    }
    expect("after" in {}).toBe(false);
  });
  it("an inherited field no schema reads does not matter, and prototypes are as they were after the check", () => {
    const proto = { note: "inherited" };
    const e = Object.assign(Object.create(proto), { type: "state", at: 0, server: "x", user: "@a:x", before: rec("@a:x"), after: rec("@a:x"), notified: true, cause: "put" });
    const bad = Object.create({ after: rec("@a:x") });
    expect(traceProblem({ ...trace(), events: [e] })).toBeNull();
    expect(Object.getPrototypeOf(e)).toBe(proto);
    traceProblem({ ...trace(), events: [bad] });
    expect(Object.getPrototypeOf(Object.getPrototypeOf(bad))).toBe(Object.prototype);
  });
  it("an object with no prototype at all is read by its own fields", () => {
    const e = Object.assign(Object.create(null), { type: "state", at: 0, server: "x", user: "@a:x", before: rec("@a:x"), after: rec("@a:x"), notified: true, cause: "put" });
    expect(traceProblem({ ...trace(), events: [e] })).toBeNull();
    const missing = Object.assign(Object.create(null), { type: "state", at: 0, server: "x", user: "@a:x", before: rec("@a:x"), notified: true, cause: "put" });
    expect(traceProblem({ ...trace(), events: [missing] })).toMatch(/events\[0\]\.after/);
  });
  it("the schemas' field names: every one the trace and replies have, none that Object.prototype has", () => {
    const keys = schemaKeysOf([ReplySchema]);
    for (const k of ["type", "id", "trace", "events", "after", "user_id", "final", "crossCheck", "done", "push", "edu_type"]) expect(keys).toContain(k);
    expect(keys.filter((k) => k in Object.prototype)).toEqual([]);
    expect(schemaKeysOf([])).toEqual([]);
  });
  it("rejects non-finite numbers and non-integer ids", () => {
    expect(traceProblem({ ...trace(), deliveries: [{ ...trace().deliveries[0], at: Number.NaN }] })).toMatch(/deliveries\[0\]\.at/);
    expect(checkReply({ ...result(), id: 1.5 })).toBeNull();
  });
  it("a cyclic value is unreadable, not a crash", () => {
    const m = result();
    const cyc: unknown[] = [];
    cyc.push(cyc);
    (m.trace.events[3] as { args: unknown[] }).args = cyc;
    expect(checkReply(m)?.type).toBe("result"); // args are opaque data (unknown)
    const deep = result();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    (deep.trace as Record<string, unknown>).final = { x: loop };
    expect(checkReply(deep)?.type).toBe("run-failed");
  });
  it("ignores unknown message types and messages without an id", () => {
    expect(checkReply({ type: "sandbox-ready" })).toBeNull();
    expect(checkReply({ type: "pwn", id: 1 })).toBeNull();
    expect(checkReply(null)).toBeNull();
  });
  it("checks run-failed and scenario-invalid payloads", () => {
    expect(checkReply({ type: "run-failed", id: 1, error: { kind: "module", message: "x", at: 5, callback: "cb" } })?.type).toBe("run-failed");
    expect(checkReply({ type: "run-failed", id: 1, error: { message: 5 } })).toMatchObject({ error: { message: expect.stringMatching(/malformed reply \(error\./) } });
    expect(checkReply({ type: "scenario-invalid", id: 1, diagnostics: [{ file: "s", line: 1, column: 1, message: "m", severity: "error" }] })?.type).toBe("scenario-invalid");
    expect(checkReply({ type: "scenario-invalid", id: 1, diagnostics: [{ line: "1" }] })?.type).toBe("run-failed");
  });
  it("checks a progress report: a share of the run from 0 to 1", () => {
    expect(checkReply({ type: "progress", id: 3, done: 0 })).toEqual({ type: "progress", id: 3, done: 0 });
    expect(checkReply({ type: "progress", id: 3, done: 1 })).toEqual({ type: "progress", id: 3, done: 1 });
    expect(checkReply({ type: "progress", id: 3, done: 0.5, extra: "<img>" })).toEqual({ type: "progress", id: 3, done: 0.5 });
    for (const done of [-0.01, 1.01, Number.NaN, "0.5", null]) expect(checkReply({ type: "progress", id: 3, done })?.type).toBe("run-failed");
  });
  it("checks the cross-check that follows a result", () => {
    const cc = { instants: [0], probes: [{ at: 0, server: "x", routes: { "@a:x\tonline": ["@b:x"] }, interest: { "@a:x": "ALL" } }], skipped: null };
    expect(checkReply({ type: "cross-check", id: 2, crossCheck: cc, ms: 3 })).toEqual({ type: "cross-check", id: 2, crossCheck: cc, ms: 3 });
    expect(checkReply({ type: "cross-check", id: 2, crossCheck: { ...cc, probes: [{ ...cc.probes[0], routes: { k: [1] } }] }, ms: 3 })).toMatchObject({ type: "run-failed", error: { message: expect.stringMatching(/crossCheck\.probes\[0\]\.routes/) } });
    expect(checkReply({ type: "cross-check", id: 2, crossCheck: cc })?.type).toBe("run-failed"); // ms is required
  });
});

/** Everything the views read of a reply, touched the way they touch it: must not throw. */
function useLikeTheViews(r: RunReply): void {
  if (r.type === "result") {
    for (const e of r.trace.events) {
      void e.at.toFixed(3);
      void e.server.length;
      if (e.type === "state") void [e.before.state.length, e.after.state.length, e.after.status_msg?.length];
      if (e.type === "router_call") void (Array.isArray(e.output) ? e.output.length : e.output === "ALL" ? 0 : e.output && Object.keys(e.output).length);
      if (e.type === "sync") void e.response.presence?.events.map((p) => p.content.presence.length);
      if (e.type === "log" || e.type === "error") void e.message.length;
    }
    for (const d of r.trace.deliveries) void [d.source.length, d.viewer.length, d.via.length];
    for (const x of r.trace.expectations) void x.name.length;
    for (const [s, users] of Object.entries(r.trace.final)) for (const [u, p] of Object.entries(users)) void [s.length, u.length, p.state.length];
  } else if (r.type === "scenario-invalid") {
    for (const d of r.diagnostics) void [d.line.toFixed(0), d.message.length];
  } else if (r.type === "cross-check") {
    for (const p of r.crossCheck.probes) for (const [k, vs] of Object.entries(p.routes)) void [k.length, vs.map((x) => x.length)];
  } else if (r.type === "progress") {
    void r.done.toFixed(2);
  } else {
    void r.error.message.length;
  }
}

describe("checkReply fuzz (seeded)", () => {
  const anyValue = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.double(), fc.string(), fc.constant({}), fc.constant([]), fc.constant(Number.NaN));
  /** A good reply with one field, at some depth, replaced by an arbitrary value. */
  const mutated = fc.tuple(fc.nat(), anyValue).map(([pick, value]) => {
    const m = result() as unknown as Record<string, unknown>;
    const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (o: unknown) => {
      if (typeof o !== "object" || o === null) return;
      for (const k of Object.keys(o)) {
        slots.push([o as Record<string, unknown>, Array.isArray(o) ? Number(k) : k]);
        walk((o as Record<string, unknown>)[k]);
      }
    };
    walk(m);
    const [o, k] = slots[pick % slots.length];
    (o as Record<string | number, unknown>)[k] = value;
    return m;
  });

  it("never throws, and whatever it accepts the views can read", () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (m) => {
        const r = checkReply(m);
        if (r) useLikeTheViews(r);
      }),
      { seed: 20261205, numRuns: 3000 },
    );
  });

  it("a mutation of a required field is refused (explained run failure), never passed through", () => {
    let refused = 0;
    fc.assert(
      fc.property(mutated, (m) => {
        const r = checkReply(m);
        if (r?.type === "run-failed") refused++;
        if (r?.type === "result") useLikeTheViews(r);
      }),
      { seed: 7, numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(500);
  });
});
