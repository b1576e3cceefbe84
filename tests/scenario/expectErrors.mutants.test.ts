// `no_errors` (scenario-format §3, src/scenario/expectErrors.ts): every kind of problem in
// a trace, the ones a `request` expectation takes over, the 400 boundary, and the event
// the result points at.
import { describe, expect, it } from "vitest";
import { noErrors } from "../../src/scenario/expectErrors.ts";
import type { Trace, TraceEvent } from "../../src/trace/types.ts";

const trace = (events: TraceEvent[], errors: Trace["errors"] = []): Omit<Trace, "expectations"> => ({
  version: 1,
  scenario: { servers: [], users: [], start_time: 0, end: 1 },
  events,
  deliveries: [],
  final: {},
  errors,
});
const req = (status: number, body: unknown, label: string | null = null): TraceEvent => ({
  at: 2000,
  server: "hs",
  type: "request",
  label,
  request: { user: "@a:hs", device: null, method: "PUT", path: "/p", target: "@a:hs" },
  response: { status, body },
});
const sync = (error: { status: number; errcode: string; message: string } | null, label: string | null = null): TraceEvent => ({
  at: 3000,
  server: "hs",
  type: "sync",
  started_at: 3000,
  label,
  user: "@a:hs",
  device: "D",
  mode: "initial",
  since: null,
  next_batch: "s1",
  response: {},
  error,
});
const OK = { ok: true, detail: "no module errors, wrong-typed results or failed requests" };

describe("no_errors", () => {
  it("a clean trace passes", () => {
    expect(noErrors(trace([req(200, {}), sync(null)]))).toEqual(OK);
  });

  it("engine errors count, pointing at the event", () => {
    const e = { at: 1000, server: "hs", type: "error", message: "boom" } as unknown as TraceEvent;
    expect(noErrors(trace([req(200, {}), e]))).toEqual({ ok: false, detail: "error on hs at 1s: boom", event: 1 });
  });

  it("a router call without warnings or an error is fine", () => {
    const call = { at: 0, server: "hs", type: "router_call", module: "r.ts", callback: "get_users_for_states", input: [], output: null, ms: 0, warnings: [], error: null } as unknown as TraceEvent;
    expect(noErrors(trace([call]))).toEqual(OK);
  });

  it("requests: 399 is fine, 400 fails; the body's errcode and error are shown when they are text", () => {
    expect(noErrors(trace([req(399, {})]))).toEqual(OK);
    expect(noErrors(trace([req(400, { errcode: "M_BAD_JSON", error: 5 })]))).toEqual({ ok: false, detail: "PUT /p by @a:hs at 2s failed: 400 M_BAD_JSON", event: 0 });
    expect(noErrors(trace([req(500, "oops")]))).toEqual({ ok: false, detail: "PUT /p by @a:hs at 2s failed: 500", event: 0 });
    expect(noErrors(trace([req(500, null)]))).toEqual({ ok: false, detail: "PUT /p by @a:hs at 2s failed: 500", event: 0 });
  });

  it("a failed request or sync whose label a request expectation names is not a problem here; an unlabelled one is", () => {
    const expected = new Set(["r"]);
    expect(noErrors(trace([req(403, {}, "r"), sync({ status: 429, errcode: "M_LIMIT_EXCEEDED", message: "slow" }, "r")]), expected)).toEqual(OK);
    expect(noErrors(trace([req(403, {}, "other")]), expected).ok).toBe(false);
    expect(noErrors(trace([sync({ status: 429, errcode: "M_LIMIT_EXCEEDED", message: "slow" })]), expected)).toEqual({
      ok: false,
      detail: "/sync by @a:hs at 3s failed: 429 M_LIMIT_EXCEEDED slow",
      event: 0,
    });
    expect(noErrors(trace([sync({ status: 429, errcode: "M_LIMIT_EXCEEDED", message: "slow" }, "other")]), expected).ok).toBe(false);
  });

  it("module_api calls: a failed call is a problem, named by its module or as the module_api step", () => {
    const call = (module: string | null, error: string | null): TraceEvent => ({ at: 4000, server: "hs", type: "module_call", module, call: "set_presence_for_users", error }) as unknown as TraceEvent;
    expect(noErrors(trace([call("m.ts", null)]))).toEqual(OK);
    expect(noErrors(trace([call("m.ts", "bad args")]))).toEqual({ ok: false, detail: "set_presence_for_users (m.ts) on hs at 4s failed: bad args", event: 0 });
    expect(noErrors(trace([call(null, "bad args")]))).toEqual({ ok: false, detail: "set_presence_for_users (module_api step) on hs at 4s failed: bad args", event: 0 });
  });

  it("a stopped run comes first and points at no event; several problems are counted", () => {
    expect(noErrors(trace([req(500, {})], [{ kind: "module", message: "r.ts: no default export" }]))).toEqual({ ok: false, detail: "2 problems; first: the run stopped: r.ts: no default export" });
  });
});
