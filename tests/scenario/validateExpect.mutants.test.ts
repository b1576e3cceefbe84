// Reading `expect:` (scenario-format §3, src/scenario/validateExpect.ts): the kind of each
// item, every refusal with its message and place, strict bounds on both sides, and what
// a refused expectation leaves (nothing: a half-read expectation would judge wrongly).
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import type { Expectation } from "../../src/scenario/types.ts";
import { posOf, WORLD } from "./helpers.ts";

const STEPS = `steps:
  - { at: 1s, presence: { user: "@alice:example.org", device: phone, state: online, label: put } }
  - { at: 2s, get_presence: { user: "@bob:example.org", target: "@carol:matrix.org", label: peek } }
  - { at: 10s, sync: { user: "@bob:example.org", label: first } }
`;
const doc = (items: string, steps = STEPS) => `${WORLD}${steps}expect:\n${items}`;
function issues(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  const list = r.ok ? r.warnings : r.errors;
  return list.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}
function read(items: string, steps = STEPS): Expectation[] {
  const r = parseScenario(doc(items, steps));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join("\n"));
  return r.scenario.expect;
}
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");

describe("the kind of an expectation", () => {
  it("none: the kinds are listed, with a suggestion for a typo of one", () => {
    const a = doc("  - { snyc: first }\n");
    expect(issues(a)).toEqual([`${at(a, "{ snyc")} expect[0]: an expectation needs one kind: sync, state, edus, request, sees, never_sees, no_errors; did you mean sync?`]);
    const b = doc("  - {}\n");
    expect(issues(b)).toEqual([`15:5 expect[0]: an expectation needs one kind: sync, state, edus, request, sees, never_sees, no_errors`]);
  });

  it("two: both are named; `sees` next to `sync` is sync's field, not a second kind", () => {
    const a = doc('  - { sees: { viewer: "@bob:example.org", source: "@alice:example.org" }, no_errors: true }\n');
    expect(issues(a)).toEqual([`${at(a, "{ sees")} expect[0]: an expectation has exactly one kind, this one has sees and no_errors; split it`]);
    expect(read('  - { sync: first, sees: { "@alice:example.org": online } }\n')[0]).toMatchObject({ kind: "sync" });
  });

  it("an item that is not a map is refused, and the next one still read", () => {
    const a = doc("  - no_errors\n  - { no_errors: yes }\n");
    expect(issues(a)).toEqual([
      `${at(a, "no_errors\n")} expect[0]: an expectation must be a map (key: value), got the text "no_errors"`,
      `${at(a, "yes")} expect[1].no_errors: no_errors must be true or false, got the text "yes"`,
    ]);
  });

  it("name: text or null; anything else is refused", () => {
    expect(read("  - { no_errors: true, name: null }\n  - { no_errors: true, name: clean }\n").map((x) => x.name)).toEqual([null, "clean"]);
    const a = doc("  - { no_errors: true, name: [x] }\n");
    expect(issues(a)).toEqual([`${at(a, "[x]")} expect[0].name: name must be text, got a list`]);
  });

  it("no_errors: false checks nothing and is refused", () => {
    const a = doc("  - { no_errors: false }\n");
    expect(issues(a)).toEqual([`${at(a, "false")} expect[0].no_errors: no_errors: false checks nothing; write no_errors: true or remove it`]);
  });

  it("a kind written as null is read as its value (and refused as such)", () => {
    const a = doc("  - { no_errors: ~ }\n");
    expect(issues(a)).toEqual([`${at(a, "~")} expect[0].no_errors: no_errors must be true or false, got null`]);
  });
});

describe("sync", () => {
  it("each seen user must be declared, and its value text or a map of content fields", () => {
    const a = doc('  - { sync: first, sees: { "@zzzzzzzzzz:example.org": online } }\n');
    expect(issues(a)).toEqual([`${at(a, '"@zzz')} expect[0].sees.@zzzzzzzzzz:example.org: unknown user @zzzzzzzzzz:example.org (declare it under users:)`]);
    const b = doc('  - { sync: first, sees: { "@alice:example.org": [online] } }\n');
    expect(issues(b)).toEqual([`${at(b, "[online]")} expect[0].sees.@alice:example.org: the expected state of @alice:example.org (a state such as online, or a map of content fields) must be text, got a list`]);
    const c = doc("  - { sync: first, sees: [] }\n");
    expect(issues(c)).toEqual([`${at(c, "[] }")} expect[0].sees: sees must be a map (key: value), got a list`]);
  });

  it("only is true or false (false by default); a label that is not text is refused", () => {
    expect(read('  - { sync: first, sees: {} }\n')[0]).toEqual({ kind: "sync", label: "first", sees: {}, only: false, name: null, path: "expect[0]" });
    const a = doc("  - { sync: first, sees: {}, only: 1 }\n");
    expect(issues(a)).toEqual([`${at(a, "1 }")} expect[0].only: only must be true or false, got the number 1`]);
    const b = doc("  - { sync: 5, sees: {} }\n");
    expect(issues(b)).toEqual([`${at(b, "5,")} expect[0].sync: sync (a sync step's label) must be text, got the number 5`]);
  });

  it("the label must be a sync step's: a presence step's label is not one", () => {
    const a = doc("  - { sync: put, sees: {} }\n");
    expect(issues(a)).toEqual([`${at(a, "put,")} expect[0].sync: no sync step is labelled "put"`]);
  });
});

describe("state", () => {
  it("users map to a state or a record map; server is optional (null: the user's own)", () => {
    expect(read('  - { state: { "@alice:example.org": online }, at: 1s, server: null }\n')[0]).toEqual({ kind: "state", users: { "@alice:example.org": "online" }, at: 1000, server: null, name: null, path: "expect[0]" });
    const a = doc('  - { state: { "@alice:example.org": online }, at: 1s, server: elsewhere.org }\n');
    expect(issues(a)).toEqual([`${at(a, "elsewhere")} expect[0].server: unknown server elsewhere.org (servers: example.org, matrix.org)`]);
    const b = doc('  - { state: { "@alice:example.org": 5 }, at: 1s }\n');
    expect(issues(b)).toEqual([`${at(b, "5 }")} expect[0].state.@alice:example.org: the expected state of @alice:example.org (a state such as online, or a map of record fields) must be text, got the number 5`]);
    const c = doc('  - { state: { "@zzzzzzzzzz:example.org": online }, at: 1s }\n');
    expect(issues(c)).toEqual([`${at(c, '"@zzz')} expect[0].state.@zzzzzzzzzz:example.org: unknown user @zzzzzzzzzz:example.org (declare it under users:)`]);
    const d = doc("  - { state: {}, at: soon }\n");
    expect(issues(d)).toEqual([`${at(d, "soon")} expect[0].at: at: "soon" is not a duration; use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s`]);
  });
});

describe("edus", () => {
  it("from defaults to 0 and to to the end; to equal to from is a one-instant window, 1 ms before it is refused", () => {
    expect(read("  - { edus: { destination: matrix.org, to: null } }\n")[0]).toEqual({ kind: "edus", destination: "matrix.org", from: 0, to: null, users: [], only: false, name: null, path: "expect[0]" });
    expect(read("  - { edus: { destination: matrix.org, from: 5s, to: 5s } }\n")[0]).toMatchObject({ from: 5000, to: 5000 });
    const a = doc("  - { edus: { destination: matrix.org, from: 5s, to: 4999 } }\n");
    expect(issues(a)).toEqual([`${at(a, "4999")} expect[0].edus.to: to must not be before from`]);
  });

  it("destination is required and must be declared; from and to are durations", () => {
    const a = doc("  - { edus: { from: 1s } }\n");
    expect(issues(a)).toEqual([`${at(a, "{ from")} expect[0].edus: edus needs "destination"`]);
    const b = doc("  - { edus: { destination: matrx.org } }\n");
    expect(issues(b)).toEqual([`${at(b, "matrx")} expect[0].edus.destination: unknown server matrx.org; did you mean matrix.org?`]);
    const c = doc("  - { edus: { destination: matrix.org, from: x } }\n");
    expect(issues(c)).toHaveLength(1);
    const d = doc("  - { edus: { destination: matrix.org, to: x } }\n");
    expect(issues(d)).toHaveLength(1);
    const e = doc("  - { edus: [matrix.org] }\n");
    expect(issues(e)).toEqual([`${at(e, "[matrix")} expect[0].edus: edus must be a map (key: value), got a list`]);
  });

  it("users and entries name declared users; entries: {} checks nothing and is refused, null is no entries", () => {
    const a = doc('  - { edus: { destination: matrix.org }, users: ["@alice:example.org", "@zzzzzzzzzz:example.org"] }\n');
    expect(issues(a)).toEqual([`${at(a, '"@zzz')} expect[0].users[1]: unknown user @zzzzzzzzzz:example.org (declare it under users:)`]);
    const b = doc('  - { edus: { destination: matrix.org }, entries: { "@zzzzzzzzzz:example.org": { presence: online } } }\n');
    expect(issues(b)).toEqual([`${at(b, '"@zzz')} expect[0].entries.@zzzzzzzzzz:example.org: unknown user @zzzzzzzzzz:example.org (declare it under users:)`]);
    const c = doc("  - { edus: { destination: matrix.org }, entries: {} }\n");
    expect(issues(c)).toEqual([`${at(c, "{} }")} expect[0].entries: entries checks nothing; map each user to the fields of its entry, or remove it`]);
    const d = read("  - { edus: { destination: matrix.org }, entries: null }\n")[0];
    expect(d).toEqual({ kind: "edus", destination: "matrix.org", from: 0, to: null, users: [], only: false, entries: {}, name: null, path: "expect[0]" });
    const e = doc('  - { edus: { destination: matrix.org }, entries: { "@alice:example.org": { presence: 1 } } }\n');
    expect(issues(e)).toEqual([`${at(e, "1 }")} expect[0].entries.@alice:example.org.presence: presence must be text, got the number 1`]);
  });

  it("count ≥ 0 and max_entries_per_edu ≥ 1: one below each is refused; only is a boolean", () => {
    const a = doc("  - { edus: { destination: matrix.org }, count: -1 }\n");
    expect(issues(a)).toEqual([`${at(a, "-1")} expect[0].count: count (how many m.presence EDUs) must be at least 0, got -1`]);
    const b = doc("  - { edus: { destination: matrix.org }, max_entries_per_edu: 0 }\n");
    expect(issues(b)).toEqual([`${at(b, "0 }")} expect[0].max_entries_per_edu: max_entries_per_edu must be at least 1, got 0`]);
    const c = doc("  - { edus: { destination: matrix.org }, only: no }\n");
    expect(issues(c)).toEqual([`${at(c, "no }")} expect[0].only: only must be true or false, got the text "no"`]);
    expect(read("  - { edus: { destination: matrix.org }, only: true }\n")[0]).toMatchObject({ only: true });
  });
});

describe("request", () => {
  it("with no labelled request step at all, the message says how to label one", () => {
    const steps = 'steps:\n  - { at: 0, presence: { user: "@alice:example.org", state: online } }\n';
    const a = doc("  - { request: put, status: 200 }\n", steps);
    expect(issues(a)).toEqual([`${at(a, "put,")} expect[0].request: no presence, get_presence or sync step is labelled "put" (label the step: label: <name>)`]);
  });

  it("every labelled presence, get_presence and sync step can be named", () => {
    expect(read("  - { request: put, status: 200 }\n  - { request: peek, status: 200 }\n  - { request: first, status: 200 }\n")).toHaveLength(3);
  });

  it("errcode: 399 has none, 400 can have one; null is no errcode; a non-text errcode is refused", () => {
    const a = doc("  - { request: put, status: 399, errcode: M_FORBIDDEN }\n");
    expect(issues(a)).toEqual([`${at(a, "M_FORBIDDEN")} expect[0].errcode: a 399 response has no errcode; remove errcode or expect an error status (4xx/5xx)`]);
    expect(read("  - { request: put, status: 400, errcode: M_FORBIDDEN }\n")[0]).toEqual({ kind: "request", label: "put", status: 400, errcode: "M_FORBIDDEN", name: null, path: "expect[0]" });
    expect(read("  - { request: put, status: 403, errcode: null }\n")[0]).toEqual({ kind: "request", label: "put", status: 403, name: null, path: "expect[0]" });
    const b = doc("  - { request: put, status: 403, errcode: 5 }\n");
    expect(issues(b)).toEqual([`${at(b, "5 }")} expect[0].errcode: errcode must be text, got the number 5`]);
    const c = doc("  - { request: put, status: x, errcode: M_FORBIDDEN }\n");
    expect(issues(c)).toEqual([`${at(c, "x,")} expect[0].status: status (an HTTP status such as 200 or 403) must be a number, got the text "x"`]);
  });
});

describe("sees and never_sees", () => {
  it("viewer and source are both required and must be declared users", () => {
    const a = doc('  - { sees: { viewer: "@bob:example.org" } }\n');
    expect(issues(a)).toEqual([`${at(a, "{ viewer")} expect[0].sees: sees needs "source"`]);
    const b = doc('  - { never_sees: { viewer: "@zzzzzzzzzz:example.org", source: "@alice:example.org" } }\n');
    expect(issues(b)).toEqual([`${at(b, '"@zzz')} expect[0].never_sees.viewer: unknown user @zzzzzzzzzz:example.org (declare it under users:)`]);
    const c = doc('  - { never_sees: { viewer: "@bob:example.org", source: "@zzzzzzzzzz:example.org", x: 1 } }\n');
    expect(issues(c)).toEqual([
      `${at(c, '"@zzz')} expect[0].never_sees.source: unknown user @zzzzzzzzzz:example.org (declare it under users:)`,
      `${at(c, "x: 1")} expect[0].never_sees.x: unknown key "x" in never_sees (allowed: viewer, source)`,
    ]);
  });
});

describe("the error cap", () => {
  it("reading stops once 50 errors are recorded", () => {
    const items = "  - { sees: { viewer: x, source: y } }\n".repeat(40);
    const r = parseScenario(doc(items));
    expect(r.ok).toBe(false);
    // 50 errors, then the note; the remaining items are not read.
    expect(!r.ok && r.errors).toHaveLength(51);
  });
});
