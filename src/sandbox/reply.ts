// Shape checks for what the sandbox sends back (untrusted: the engine worker shares its
// realm with the user's module, so a hostile module can forge or tamper with replies).
// Structured cloning already guarantees plain data (no functions, getters or proxies);
// this checks the shape the UI relies on, so a forged reply cannot crash the views.
// Strings are never interpreted: React renders them as text.
import type { RunReply } from "../worker/protocol.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const optStr = (v: unknown) => v === undefined || v === null || isStr(v);
const optNum = (v: unknown) => v === undefined || v === null || isNum(v);
const arrOf = (v: unknown, f: (x: unknown) => boolean) => Array.isArray(v) && v.every(f);

function isDiagnostic(d: unknown): boolean {
  return isObj(d) && isStr(d.file) && isNum(d.line) && isNum(d.column) && isStr(d.message) &&
    (d.severity === "error" || d.severity === "warning") && optNum(d.endLine) && optNum(d.endColumn) && optStr(d.path);
}

function isRunError(e: unknown): boolean {
  return isObj(e) && isStr(e.kind) && isStr(e.message) && optStr(e.file) && optNum(e.line) && optNum(e.column) &&
    optStr(e.path) && optStr(e.callback) && optNum(e.at);
}

function isEvent(e: unknown): boolean {
  if (!isObj(e) || !isStr(e.type) || !isNum(e.at) || !isStr(e.server)) return false;
  switch (e.type) {
    case "log":
      return isStr(e.level) && isStr(e.message) && optStr(e.module);
    case "error":
      return isStr(e.message) && optStr(e.module) && (e.error === undefined || e.error === null || (isObj(e.error) && isStr(e.error.message)));
    case "router_call":
      return isStr(e.module) && isStr(e.callback);
    default:
      return true;
  }
}

function isDelivery(d: unknown): boolean {
  return isObj(d) && isNum(d.at) && isStr(d.server) && isStr(d.source) && isStr(d.viewer) && isStr(d.transport) &&
    isStr(d.state) && arrOf(d.via, isStr);
}

/** Why a trace is malformed, or null. */
export function traceProblem(t: unknown): string | null {
  if (!isObj(t) || t.version !== 1) return "not a version 1 trace";
  const sc = t.scenario;
  if (!isObj(sc) || !arrOf(sc.servers, isStr) || !arrOf(sc.users, isStr) || !isNum(sc.start_time) || !isNum(sc.end)) return "bad scenario summary";
  if (!arrOf(t.events, isEvent)) return "bad events";
  if (!arrOf(t.deliveries, isDelivery)) return "bad deliveries";
  if (!isObj(t.final) || !Object.values(t.final).every(isObj)) return "bad final states";
  if (!arrOf(t.expectations, (x) => isObj(x) && isStr(x.name) && typeof x.ok === "boolean" && isStr(x.detail) && optNum(x.event) && optStr(x.path))) return "bad expectations";
  if (!arrOf(t.errors, isRunError)) return "bad errors";
  return null;
}

/** The reply if it is well-formed; otherwise a run-failed reply explaining why (null when it has no id). */
export function checkReply(m: unknown): RunReply | null {
  if (!isObj(m) || !isNum(m.id)) return null;
  const bad = (why: string): RunReply => ({
    type: "run-failed",
    id: m.id as number,
    error: { kind: "module", message: `The engine sandbox sent a malformed reply (${why}); it was ignored.` },
  });
  switch (m.type) {
    case "result": {
      const p = traceProblem(m.trace);
      if (p) return bad(p);
      if (!isNum(m.ms) || !arrOf(m.warnings, isDiagnostic) || !isObj(m.hints)) return bad("bad result fields");
      const h = m.hints;
      if (h.rooms !== undefined && !arrOf(h.rooms, (r) => isObj(r) && isStr(r.id) && arrOf(r.members, isStr))) return bad("bad room hints");
      if (h.excludedRooms !== undefined && !(isObj(h.excludedRooms) && Object.values(h.excludedRooms).every((v) => arrOf(v, isStr)))) return bad("bad room hints");
      return m as unknown as RunReply;
    }
    case "scenario-invalid":
      return arrOf(m.diagnostics, isDiagnostic) ? (m as unknown as RunReply) : bad("bad diagnostics");
    case "run-failed":
      return isRunError(m.error) ? (m as unknown as RunReply) : bad("bad error");
    default:
      return null;
  }
}
