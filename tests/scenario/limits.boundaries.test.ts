// Every size and range limit of the scenario validator, exactly at the limit (accepted)
// and one past it (rejected, with the message and the place it points at).
import { describe, expect, it } from "vitest";
import { MAX_TEXT, parseScenario, type Limits } from "../../src/scenario/parse.ts";
import { MAX_ERRORS } from "../../src/scenario/issues.ts";
import { errorsOf, ok, posOf } from "./helpers.ts";

const HS = "servers: { hs: {} }\n";

function parse(text: string, limits: Partial<Limits>) {
  return parseScenario(text, "s.yaml", { limits });
}

/** The errors as [line, column, path, message]; [] when the scenario is accepted. */
function errs(text: string, limits: Partial<Limits> = {}) {
  const r = parse(text, limits);
  return r.ok ? [] : r.errors.map((e) => [e.line, e.column, e.path, e.message]);
}

const users = (n: number) => "users:\n" + Array.from({ length: n }, (_, i) => `  "@u${i}:hs": {}\n`).join("");

describe("count limits: at the limit accepted, one more rejected at the list", () => {
  it("servers", () => {
    const s = (n: number) => "servers:\n" + Array.from({ length: n }, (_, i) => `  s${i}.org: {}\n`).join("");
    expect(errs(s(3), { servers: 3 })).toEqual([]);
    expect(errs(s(4), { servers: 3 })).toEqual([[2, 3, "servers", "too many servers (4; at most 3)"]]);
  });

  it("users", () => {
    expect(errs(HS + users(3), { users: 3 })).toEqual([]);
    expect(errs(HS + users(4), { users: 3 })).toEqual([[3, 3, "users", "too many users (4; at most 3)"]]);
  });

  it("devices of one user", () => {
    const d = (n: number) => `${HS}users:\n  "@a:hs": { devices: [${Array.from({ length: n }, (_, i) => `d${i}`).join(", ")}] }\n`;
    expect(ok(d(3)).users[0].devices).toEqual(["d0", "d1", "d2"]);
    expect(parse(d(3), { devices: 3 }).ok).toBe(true);
    expect(errs(d(4), { devices: 3 })).toEqual([[3, 23, "users.@a:hs.devices", "too many devices (4; at most 3)"]]);
  });

  it("rooms", () => {
    const r = (n: number) => `${HS}${users(1)}rooms:\n` + Array.from({ length: n }, (_, i) => `  "!r${i}:hs": ["@u0:hs"]\n`).join("");
    expect(errs(r(3), { rooms: 3 })).toEqual([]);
    expect(errs(r(4), { rooms: 3 })).toEqual([[5, 3, "rooms", "too many rooms (4; at most 3)"]]);
  });

  it("clients", () => {
    const c = (n: number) => `${HS}users:\n  "@a:hs": { devices: [${Array.from({ length: n }, (_, i) => `d${i}`).join(", ")}] }\nclients:\n` + Array.from({ length: n }, (_, i) => `  - { user: "@a:hs", device: d${i} }\n`).join("");
    expect(errs(c(3), { clients: 3 })).toEqual([]);
    expect(errs(c(4), { clients: 3 })).toEqual([[5, 3, "clients", "too many clients (4; at most 3)"]]);
  });

  it("steps", () => {
    const s = (n: number) => `${HS}steps:\n` + "  - { at: 0, until: {} }\n".repeat(n);
    expect(errs(s(3), { steps: 3 })).toEqual([]);
    expect(errs(s(4), { steps: 3 })).toEqual([[3, 3, "steps", "too many steps (4; at most 3)"]]);
  });

  it("expectations", () => {
    const e = (n: number) => `${HS}expect:\n` + "  - { no_errors: true }\n".repeat(n);
    expect(errs(e(3), { expect: 3 })).toEqual([]);
    expect(errs(e(4), { expect: 3 })).toEqual([[3, 3, "expect", "too many expectations (4; at most 3)"]]);
  });
});

describe("string and offset limits", () => {
  it("a string of exactly `string` characters is accepted; one more is too long (pointed at the string)", () => {
    const t = (n: number) => `${HS}users: { "@a:hs": {} }\nclients:\n  - { user: "@a:hs", set_presence: ${"x".repeat(n)} }\n`;
    expect(errs(t(8), { string: 8 })).toEqual([]);
    expect(errs(t(9), { string: 8 })).toEqual([[4, 36, "clients[0].set_presence", "set_presence is too long (9 characters; at most 8)"]]);
  });

  it("text inside a JSON value (module config) obeys the same limit", () => {
    const t = (n: number) => `servers:\n  hs:\n    modules: [{ module: r.ts, config: { k: ${"y".repeat(n)} } }]\n`;
    expect(errs(t(8), { string: 8 })).toEqual([]);
    const e = errs(t(9), { string: 8 });
    expect(e).toHaveLength(1);
    expect(e[0][3]).toMatch(/text longer than 8 characters$/);
  });

  it("step at: exactly `offset` runs; 1 ms later is too late", () => {
    const t = (at: string) => `${HS}steps:\n  - { at: ${at}, until: {} }\n`;
    expect(ok(t("7d")).steps[0].at).toBe(7 * 86_400_000);
    expect(errs(t(String(7 * 86_400_000 + 1)))).toEqual([[3, 11, "steps[0].at", "at 7d0h0m0.001s is too late (at most 7d)"]]);
    expect(errs(t("1s"), { offset: 1000 })).toEqual([]);
    expect(errs(t("1001"), { offset: 1000 })).toEqual([[3, 11, "steps[0].at", "at 1.001s is too late (at most 1s)"]]);
  });

  it("state expectation at: exactly `offset` is fine; 1 ms later is too late", () => {
    const t = (at: string) => `${HS}users: { "@a:hs": {} }\nexpect:\n  - { state: { "@a:hs": online }, at: ${at} }\n`;
    expect(ok(t("1000")).expect[0]).toMatchObject({ kind: "state", at: 1000 });
    expect(parse(t("1000"), { offset: 1000 }).ok).toBe(true);
    expect(errs(t("1001"), { offset: 1000 })).toEqual([[4, 39, "expect[0].at", "at is too late (at most 1s)"]]);
  });

  it("duration: 1 ms and exactly `offset` are fine; 0 and offset + 1 ms are not", () => {
    const t = (d: string) => `${HS}duration: ${d}\n`;
    expect(ok(t("1")).duration).toBe(1);
    expect(ok(t("7d")).duration).toBe(7 * 86_400_000);
    expect(errs(t("0"))).toEqual([[2, 11, "duration", "duration must be more than 0 and at most 7d, got 0s"]]);
    expect(errs(t("1001"), { offset: 1000 })).toEqual([[2, 11, "duration", "duration must be more than 0 and at most 1s, got 1.001s"]]);
    expect(ok(`${HS}duration: null\n`).duration).toBeNull();
    expect(ok(HS).duration).toBeNull();
  });

  it("a step exactly at the end of the run runs; 1 ms after it gets a warning at the step", () => {
    const t = (at: number) => `${HS}duration: 1000\nsteps:\n  - { at: ${at}, until: {} }\n`;
    const r1 = parseScenario(t(1000));
    expect(r1.ok && r1.warnings).toEqual([]);
    const r2 = parseScenario(t(1001));
    expect(r2.ok && r2.warnings.map((w) => [w.line, w.column, w.path, w.message])).toEqual([
      [4, 5, "steps[0]", "this step (at 1.001s) is after the end of the run (duration 1s); it will not run"],
    ]);
  });

  it(`the whole text: MAX_TEXT (${MAX_TEXT}) characters are read; one more is refused before parsing`, () => {
    const body = `${HS}# `;
    const at = body + "x".repeat(MAX_TEXT - body.length);
    expect(at.length).toBe(MAX_TEXT);
    expect(parseScenario(at).ok).toBe(true);
    const r = parseScenario(at + "x");
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.path, e.message])).toEqual([
      [1, 1, "", `the scenario is too large (${MAX_TEXT + 1} characters; at most ${MAX_TEXT})`],
    ]);
  });
});

describe("numeric ranges", () => {
  it("seed: 0 and 4294967295 accepted; -1, 4294967296 and 1.5 rejected at the value", () => {
    const t = (s: string) => `${HS}seed: ${s}\n`;
    expect(ok(t("0")).seed).toBe(0);
    expect(ok(t("4294967295")).seed).toBe(4294967295);
    expect(ok(HS).seed).toBe(1);
    expect(errs(t("-1"))).toEqual([[2, 7, "seed", "seed must be at least 0, got -1"]]);
    expect(errs(t("4294967296"))).toEqual([[2, 7, "seed", "seed must be at most 4294967295, got 4294967296"]]);
    expect(errs(t("1.5"))).toEqual([[2, 7, "seed", "seed must be a whole number, got 1.5"]]);
    expect(errs(t("abc"))).toEqual([[2, 7, "seed", 'seed must be a number, got the text "abc"']]);
  });

  it("federation_delay: max exactly 30s accepted, 30001 ms rejected; min equal to max accepted, 1 ms above rejected", () => {
    const t = (fd: string) => `${HS}federation_delay: ${fd}\n`;
    expect(ok(t("{ max: 30s }")).federation_delay).toEqual({ min: 0, max: 30_000 });
    expect(errs(t("{ max: 30001 }"))).toEqual([[2, 26, "federation_delay.max", "federation_delay max must be at most 30s (Synapse drains its queue within 30 s, R40)"]]);
    expect(ok(t("{ min: 2s, max: 2s }")).federation_delay).toEqual({ min: 2000, max: 2000 });
    expect(errs(t("{ min: 2001, max: 2s }"))).toEqual([[2, 26, "federation_delay.min", "federation_delay min (2.001s) is above max (2s)"]]);
    // Without max, max defaults to 100 ms or min, whichever is larger.
    expect(ok(t("{ min: 50 }")).federation_delay).toEqual({ min: 50, max: 100 });
    expect(ok(t("{ min: 5s }")).federation_delay).toEqual({ min: 5000, max: 5000 });
    expect(ok(HS).federation_delay).toEqual({ min: 0, max: 100 });
  });

  it("start_time: epoch ms 0 and 253402300799999 accepted; -1 and one more rejected", () => {
    const t = (s: string) => `${HS}start_time: ${s}\n`;
    expect(ok(t("0")).start_time).toBe(0);
    expect(ok(t("253402300799999")).start_time).toBe(253402300799999);
    expect(errs(t("-1"))).toEqual([[2, 13, "start_time", "start_time must be at least 0, got -1"]]);
    expect(errs(t("253402300800000"))).toEqual([[2, 13, "start_time", "start_time must be at most 253402300799999, got 253402300800000"]]);
  });

  it("start_time as ISO: zones, limits of each field, and 1970 as the earliest", () => {
    const t = (s: string) => `${HS}start_time: "${s}"\n`;
    expect(ok(t("1970-01-01T00:00:00Z")).start_time).toBe(0);
    expect(ok(t("2026-01-01")).start_time).toBe(Date.UTC(2026, 0, 1));
    expect(ok(t("2026-01-01T10:20:30.456Z")).start_time).toBe(Date.UTC(2026, 0, 1, 10, 20, 30, 456));
    expect(ok(t("2026-01-01T10:20:30.4567z")).start_time).toBe(Date.UTC(2026, 0, 1, 10, 20, 30, 456));
    expect(ok(t("2026-01-01 10:20Z")).start_time).toBe(Date.UTC(2026, 0, 1, 10, 20));
    expect(ok(t("2026-01-01T10:00:00+02:00")).start_time).toBe(Date.UTC(2026, 0, 1, 8));
    expect(ok(t("2026-01-01T10:00:00-0130")).start_time).toBe(Date.UTC(2026, 0, 1, 11, 30));
    expect(ok(t("2026-01-01T10:00:00+05")).start_time).toBe(Date.UTC(2026, 0, 1, 5));
    expect(ok(t("2026-12-31T23:59:59Z")).start_time).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    const notReal = (s: string) => [[2, 13, "start_time", `start_time "${s}" is not a real date and time`]];
    for (const s of ["2026-13-01", "2026-00-01", "2026-02-29", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z"]) expect(errs(t(s))).toEqual(notReal(s));
    expect(ok(t("2024-02-29")).start_time).toBe(Date.UTC(2024, 1, 29));
    expect(errs(t("2026-01-01T10:00:00"))).toEqual([[2, 13, "start_time", 'start_time "2026-01-01T10:00:00" has no time zone; add Z for UTC (e.g. 2026-01-01T10:00:00Z)']]);
    expect(errs(t("1969-12-31T23:59:59Z"))).toEqual([[2, 13, "start_time", "start_time must not be before 1970-01-01T00:00:00Z"]]);
    expect(errs(t("1970-01-01T00:30:00+01:00"))).toEqual([[2, 13, "start_time", "start_time must not be before 1970-01-01T00:00:00Z"]]);
    expect(errs(t("Jan 1 2026"))).toEqual([[2, 13, "start_time", 'start_time "Jan 1 2026" is not an ISO date-time such as 2026-01-01T00:00:00Z']]);
    expect(errs(`${HS}start_time: [1]\n`)).toEqual([[2, 13, "start_time", "start_time must be an ISO date-time such as 2026-01-01T00:00:00Z or epoch milliseconds, got a list"]]);
  });
});

describe("error cap", () => {
  const bad = (n: number) => `${HS}steps:\n` + '  - { at: 0, sync: { user: "@x:hs" } }\n'.repeat(n);

  it(`${MAX_ERRORS - 1} errors: all shown, no note`, () => {
    const e = errorsOf(bad(MAX_ERRORS - 1));
    expect(e).toHaveLength(MAX_ERRORS - 1);
    expect(e.some((x) => /stopped after/.test(x.message))).toBe(false);
  });

  it(`exactly ${MAX_ERRORS} errors: all shown, then a note at the last one, nothing dropped`, () => {
    const e = errorsOf(bad(MAX_ERRORS));
    expect(e).toHaveLength(MAX_ERRORS + 1);
    expect(e.at(-1)).toMatchObject({ line: e.at(-2)!.line, column: e.at(-2)!.column, message: `stopped after ${MAX_ERRORS} errors; fix the ones above first` });
  });

  it(`more than ${MAX_ERRORS}: reading stops, and the note says more were found`, () => {
    // Three unknown keys per step: the 17th step brings the count from 48 to 51, and its
    // third error is dropped. Reading stops between steps once the cap is reached.
    const t = `${HS}users: { "@a:hs": {} }\nsteps:\n` + '  - { at: 0, sync: { user: "@a:hs", foo: 1, bar: 2, baz: 3 } }\n'.repeat(20);
    const e = errorsOf(t);
    expect(e).toHaveLength(MAX_ERRORS + 1);
    expect(e.at(-1)!.message).toBe(`stopped after ${MAX_ERRORS} errors (1+ more not shown); fix the ones above first`);
    expect(Math.max(...e.map((x) => x.line))).toBe(4 + 16);
  });

  it("positions: the error of the n-th step is on its line", () => {
    const t = bad(3);
    const e = errorsOf(t);
    expect(e.map((x) => [x.line, x.column])).toEqual([posOf(t, '"@x:hs"', 0), posOf(t, '"@x:hs"', 1), posOf(t, '"@x:hs"', 2)]);
  });
});
