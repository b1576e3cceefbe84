// Where a problem is marked (src/scenario/issues.ts): the span of a value, collections
// clipped to their first line, the sort order, the cap on warnings, and the one-line form.
import { describe, expect, it } from "vitest";
import { formatIssue, parseScenario } from "../../src/scenario/parse.ts";
import { MAX_ERRORS } from "../../src/scenario/issues.ts";

const HS = "servers: { hs: {} }\n";
/** [line, column, endLine, endColumn, path] of each error. */
function spans(text: string): Array<[number, number, number | undefined, number | undefined, string]> {
  const r = parseScenario(text);
  return r.ok ? [] : r.errors.map((e) => [e.line, e.column, e.endLine, e.endColumn, e.path]);
}

describe("the marked span", () => {
  it("a scalar is marked whole, without trailing spaces", () => {
    expect(spans(`${HS}seed: abc   \n`)).toEqual([[2, 7, 2, 10, "seed"]]);
    expect(spans(`${HS}seed: "a b"\n`)).toEqual([[2, 7, 2, 12, "seed"]]);
  });

  it("a collection is marked on its first line only", () => {
    expect(spans(`${HS}seed: [1,\n  2]\n`)).toEqual([[2, 7, 2, 10, "seed"]]);
    expect(spans(`${HS}seed:\n  a: 1\n  b: 2\n`)).toEqual([[3, 3, 3, 7, "seed"]]);
  });

  it("an alias is marked where it is written", () => {
    expect(spans(`${HS}seed: &a [1]\nversion: *a\n`)).toEqual([
      [2, 10, 2, 13, "seed"],
      [3, 10, 3, 12, "version"],
    ]);
  });

  it("an empty value is marked just after its key", () => {
    expect(spans(`${HS}steps:\n  - at:\n    until: {}\n`)).toEqual([[3, 8, 3, 8, "steps[0].at"]]);
  });

  it("a missing key of a block map is marked on the map's first line", () => {
    const text = `${HS}users: { "@a:hs": {} }\nsteps:\n  - at: 0\n    sync:\n      device: x\n      label: y\n`;
    expect(spans(text)).toEqual([[6, 7, 6, 16, "steps[0].sync"]]);
  });
});

describe("order and caps", () => {
  it("problems are listed by position, whatever order they were found in", () => {
    // Steps are read before expectations, but a later line is listed later.
    const text = `${HS}expect:\n  - { no_errors: false }\nsteps:\n  - { at: x, until: {} }\n`;
    expect(spans(text).map(([line, , , , path]) => [line, path])).toEqual([
      [3, "expect[0].no_errors"],
      [5, "steps[0].at"],
    ]);
  });

  it(`warnings: ${MAX_ERRORS * 2} are kept, further ones dropped`, () => {
    const late = (n: number) => `${HS}duration: 1\nsteps:\n${"  - { at: 2, until: {} }\n".repeat(n)}`;
    const count = (n: number) => {
      const r = parseScenario(late(n));
      return r.ok ? r.warnings.length : -1;
    };
    expect(count(MAX_ERRORS * 2)).toBe(MAX_ERRORS * 2);
    expect(count(MAX_ERRORS * 2 + 1)).toBe(MAX_ERRORS * 2);
  });

  it("the one-line form leaves out an empty path", () => {
    const r = parseScenario("", "s.yaml");
    expect(!r.ok && formatIssue(r.errors[0])).toBe("s.yaml:1:1: error: the scenario is empty; it needs at least servers:, e.g. servers: { example.org: {} }");
    const w = parseScenario(`${HS}duration: 1\nsteps:\n  - { at: 2, until: {} }\n`, "s.yaml");
    expect(w.ok && formatIssue(w.warnings[0])).toBe("s.yaml:4:5: warning: this step (at 2ms) is after the end of the run (duration 1ms); it will not run (at steps[0])");
  });
});
