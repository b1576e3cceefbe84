// scenario.yaml → validated, defaulted Scenario (scenario-format §1–§3, §5), or every
// problem found, each located at file:line:column with its scenario path.
//
// This project's additions to the documented format (all optional):
//   fidelity:          the five simulator toggles of presence-semantics §12 (booleans,
//                      all true by default): periodic_repersist, strict_async,
//                      all_users_requires_mapping, assert_local_federation_records,
//                      status_msg_quirk.
//   federation_delay:  { min, max } durations: the [sim] EDU delivery delay range of R40
//                      (default 0ms..100ms; max at most 30s).
import { LineCounter, parseDocument, type Document, type Node } from "yaml";
import { DEFAULT_START_TIME, type Fidelity, type Scenario } from "./types.ts";
import { Issues, type ScenarioIssue } from "./issues.ts";
import { Reader, type V } from "./reader.ts";
import { World } from "./ids.ts";
import { readServers } from "./validateServers.ts";
import { readClients, readRooms, readUsers } from "./validateWorld.ts";
import { readSteps } from "./validateSteps.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { readExpect } from "./validateExpect.ts";
import { formatDuration } from "./durations.ts";
import { yamlErrorMessage, yamlErrorRange } from "./yamlErrors.ts";

export { formatIssue, type ScenarioIssue } from "./issues.ts";
export { createLocator, scenarioPathToPos, type PathPos } from "./pathpos.ts";

export type { Limits } from "./limits.ts";

export interface ParseOptions {
  /** Override the absurd-size limits (tests use small ones). */
  limits?: Partial<Limits>;
}

export type ParseResult = { ok: true; scenario: Scenario; warnings: ScenarioIssue[] } | { ok: false; errors: ScenarioIssue[] };

export const MAX_TEXT = 16 * 1024 * 1024;

export const TOP_KEYS = [
  "version",
  "duration",
  "seed",
  "start_time",
  "servers",
  "users",
  "rooms",
  "clients",
  "steps",
  "expect",
  "fidelity",
  "federation_delay",
] as const;

export const FIDELITY_KEYS = [
  "periodic_repersist",
  "strict_async",
  "all_users_requires_mapping",
  "assert_local_federation_records",
  "status_msg_quirk",
] as const;

export function defaultFidelity(): Fidelity {
  return {
    periodic_repersist: true,
    strict_async: true,
    all_users_requires_mapping: true,
    assert_local_federation_records: true,
    status_msg_quirk: true,
  };
}

export function parseScenario(text: string, file = "scenario.yaml", options: ParseOptions = {}): ParseResult {
  const lc = new LineCounter();
  if (typeof text !== "string") text = String(text);
  if (text.length > MAX_TEXT) {
    lc.addNewLine(0); // the text is not read: without a first line, positions would be 0:0
    const is = new Issues("", lc, file, null);
    is.error(null, "", `the scenario is too large (${text.length} characters; at most ${MAX_TEXT})`);
    return { ok: false, errors: is.finish() };
  }
  // uniqueKeys is checked by the Reader: yaml's own check is quadratic in the map size.
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: false });
  const is = new Issues(text, lc, file, doc);
  // YAML syntax first: if the text is not well-formed, structure checks would mislead.
  for (const e of doc.errors) is.error(yamlErrorRange(e, text), "", yamlErrorMessage(e));
  for (const w of doc.warnings) {
    // An unquoted `!room:server` is read as a YAML tag: always a mistake here.
    if (w.code === "TAG_RESOLVE_FAILED") is.error([w.pos[0], w.pos[1]], "", yamlErrorMessage(w));
    else is.warn([w.pos[0], w.pos[1]], "", yamlErrorMessage(w));
  }
  if (is.errorCount > 0) return { ok: false, errors: is.finish() };

  const r = new Reader(is, doc as Document, { ...DEFAULT_LIMITS, ...options.limits });
  let scenario: Scenario | undefined;
  try {
    scenario = readScenario(r, doc as Document);
  } catch (err) {
    // Safety net: a validator bug must not take the editor down (the fuzz test hunts these).
    is.error(null, "", `internal error while checking the scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
  const issues = is.finish();
  if (is.errorCount > 0 || !scenario) return { ok: false, errors: issues };
  return { ok: true, scenario, warnings: issues };
}

function readScenario(r: Reader, doc: Document): Scenario | undefined {
  const root: V = { node: (doc.contents as Node | null) ?? null, path: "", where: [0, 0] };
  if (r.isNull(root)) {
    r.err(root, "the scenario is empty; it needs at least servers:, e.g. servers: { example.org: {} }");
    return undefined;
  }
  const f = r.fields(root, "the scenario", TOP_KEYS, ["servers"]);
  if (!f) return undefined;
  if (f.version) {
    const n = r.num(f.version, "version");
    if (n !== undefined && n !== 1) r.err(f.version, `unsupported version ${n}; this playground reads version: 1`);
  }
  const duration = f.duration && !r.isNull(f.duration) ? r.duration(f.duration, "duration") : null;
  if (typeof duration === "number" && (duration <= 0 || duration > r.limits.offset))
    r.err(f.duration!, `duration must be more than 0 and at most ${formatDuration(r.limits.offset)}, got ${formatDuration(duration)}`);
  const seed = f.seed ? r.num(f.seed, "seed", { integer: true, min: 0, max: 4294967295 }) : 1;
  const start_time = f.start_time ? readStartTime(r, f.start_time) : DEFAULT_START_TIME;
  const fidelity = defaultFidelity();
  if (f.fidelity) {
    const ff = r.fields(f.fidelity, "fidelity", FIDELITY_KEYS);
    for (const k of FIDELITY_KEYS) if (ff?.[k]) fidelity[k] = r.bool(ff[k], k) ?? true;
  }
  const federation_delay = { min: 0, max: 100 };
  if (f.federation_delay) {
    const fd = r.fields(f.federation_delay, "federation_delay", ["min", "max"]);
    const min = fd?.min ? r.duration(fd.min, "min") : 0;
    const max = fd?.max ? r.duration(fd.max, "max") : Math.max(100, min ?? 0);
    if (min !== undefined && max !== undefined) {
      if (max > 30_000) r.err(fd!.max!, "federation_delay max must be at most 30s (Synapse drains its queue within 30 s, R40)");
      else if (min > max) r.err(fd!.min ?? f.federation_delay, `federation_delay min (${formatDuration(min)}) is above max (${formatDuration(max)})`);
      else Object.assign(federation_delay, { min, max });
    }
  }

  const world = new World(r);
  const servers = f.servers ? readServers(r, f.servers) : [];
  world.servers.push(...servers.map((s) => s.name));
  if (f.users) readUsers(r, f.users, world);
  const rooms = f.rooms ? readRooms(r, f.rooms, world) : [];
  const clients = f.clients ? readClients(r, f.clients, world) : [];
  const steps = f.steps ? readSteps(r, f.steps, world) : [];
  const expect = f.expect ? readExpect(r, f.expect, world, steps) : [];
  if (typeof duration === "number" && f.steps) {
    const items = r.items(f.steps, "steps") ?? [];
    for (const s of steps) {
      if (s.at > duration) {
        const msg = `this step (at ${formatDuration(s.at)}) is after the end of the run (duration ${formatDuration(duration)}); it will not run`;
        r.is.warn(items[s.index]?.node ?? null, s.path, msg);
      }
    }
  }
  if (duration === undefined || seed === undefined || start_time === undefined) return undefined;
  return {
    version: 1,
    duration,
    seed,
    start_time,
    servers,
    users: [...world.users.values()],
    rooms,
    clients,
    steps,
    expect,
    fidelity,
    federation_delay,
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** ISO 8601 date-time with a zone (or a bare date = UTC midnight), or epoch ms. */
function readStartTime(r: Reader, v: V): number | undefined {
  const n = r.resolve(v.node);
  const x = n && "value" in n ? (n as { value: unknown }).value : undefined;
  if (typeof x === "number") return r.num(v, "start_time", { integer: true, min: 0, max: 253402300799999 });
  if (typeof x !== "string") {
    r.err(v, `start_time must be an ISO date-time such as 2026-01-01T00:00:00Z or epoch milliseconds, got ${r.describe(v.node)}`);
    return undefined;
  }
  const m = ISO.exec(x.trim());
  if (!m) {
    r.err(v, `start_time "${x}" is not an ISO date-time such as 2026-01-01T00:00:00Z`);
    return undefined;
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  if (m[4] !== undefined && zone === undefined) {
    r.err(v, `start_time "${x}" has no time zone; add Z for UTC (e.g. ${x.trim()}Z)`);
    return undefined;
  }
  const [Y, Mo, D, H, Mi, S] = [y, mo, d, h, mi, s].map(Number);
  const ms = Number(frac.padEnd(3, "0"));
  // Date.UTC is deterministic (no local time zone involved).
  let t = Date.UTC(Y, Mo - 1, D, H, Mi, S, ms);
  const back = new Date(t);
  if (Mo < 1 || Mo > 12 || back.getUTCDate() !== D || H > 23 || Mi > 59 || S > 59) {
    r.err(v, `start_time "${x}" is not a real date and time`);
    return undefined;
  }
  if (zone && zone.toUpperCase() !== "Z") {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const off = (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * 60_000;
    t -= zm[1] === "+" ? off : -off;
  }
  if (t < 0) {
    r.err(v, "start_time must not be before 1970-01-01T00:00:00Z");
    return undefined;
  }
  return t;
}
