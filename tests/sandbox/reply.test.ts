// Shape checks on what the engine sandbox sends back (src/sandbox/reply.ts): a forged or
// tampered reply becomes an explained failure instead of reaching the views.
import { describe, expect, it } from "vitest";
import { checkReply, traceProblem } from "../../src/sandbox/reply.ts";

const trace = {
  version: 1,
  scenario: { servers: ["example.org"], users: ["@a:example.org"], start_time: 0, end: 0 },
  events: [{ type: "log", at: 0, server: "example.org", level: "info", message: "<b>hi</b>", module: "router.ts" }],
  deliveries: [{ at: 0, server: "example.org", source: "@a:example.org", viewer: "@a:example.org", transport: "sync", state: "online", via: ["self"] }],
  final: { "example.org": {} },
  expectations: [],
  errors: [],
};

describe("checkReply", () => {
  it("passes a well-formed result unchanged", () => {
    const m = { type: "result", id: 3, trace, ms: 1, warnings: [], hints: { rooms: [] } };
    expect(checkReply(m)).toBe(m);
  });
  it("turns a malformed trace into an explained run failure", () => {
    const r = checkReply({ type: "result", id: 3, trace: { ...trace, deliveries: [{ source: 1 }] }, ms: 1, warnings: [], hints: {} });
    expect(r).toMatchObject({ type: "run-failed", id: 3, error: { message: expect.stringMatching(/malformed reply \(bad deliveries\)/) } });
  });
  it("rejects events without the fields the views read", () => {
    expect(traceProblem({ ...trace, events: [{ type: "log", at: "soon", server: "x" }] })).toBe("bad events");
    expect(traceProblem({ ...trace, events: [{ type: "error", at: 0, server: "x", message: {} }] })).toBe("bad events");
  });
  it("ignores unknown message types and messages without an id", () => {
    expect(checkReply({ type: "sandbox-ready" })).toBeNull();
    expect(checkReply({ type: "pwn", id: 1 })).toBeNull();
    expect(checkReply(null)).toBeNull();
  });
  it("checks run-failed and scenario-invalid payloads", () => {
    expect(checkReply({ type: "run-failed", id: 1, error: { kind: "module", message: "x", at: 5, callback: "cb" } })?.type).toBe("run-failed");
    expect(checkReply({ type: "run-failed", id: 1, error: { message: 5 } })).toMatchObject({ error: { message: expect.stringMatching(/bad error/) } });
    expect(checkReply({ type: "scenario-invalid", id: 1, diagnostics: [{ file: "s", line: 1, column: 1, message: "m", severity: "error" }] })?.type).toBe("scenario-invalid");
    expect(checkReply({ type: "scenario-invalid", id: 1, diagnostics: [{ line: "1" }] })?.type).toBe("run-failed");
  });
});
