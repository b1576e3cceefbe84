// scenario.yaml quick fixes, from the parser's own messages and positions: the fixed text
// parses, and bad layouts get no action rather than a broken edit.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/parse.ts";
import type { ScenarioIssue } from "../../../src/scenario/issues.ts";
import { addUserFix, didYouMeanFix, yamlFixes } from "../../../src/ui/editor/codeActions/yamlFix.ts";
import { applyEdits } from "./helpers.ts";

const BASE = `version: 1
servers:
  example.org: {}
users:
  "@alice:example.org": {}
  "@bob:example.org":
    devices: [phone]
steps:
  - at: 1s
    presence: { user: "@alice:example.org", state: online }
`;

/** The parser's errors with their spans as offsets. */
function errors(text: string): Array<ScenarioIssue & { start: number; end: number }> {
  const r = parseScenario(text);
  if (r.ok) return [];
  const lines = text.split("\n");
  const offset = (line: number, col: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return r.errors.map((e) => ({ ...e, start: offset(e.line, e.column), end: offset(e.endLine ?? e.line, e.endColumn ?? e.column + 1) }));
}

function fixOnce(text: string): { text: string; titles: string[] } {
  const e = errors(text).find((x) => yamlFixes(text, x.message, x).length)!;
  const fixes = yamlFixes(text, e.message, e);
  return { text: applyEdits(text, fixes[0]!.edits), titles: fixes.map((f) => f.title) };
}

describe("code actions: scenario.yaml", () => {
  it("a misspelt user id: 'Change to' the suggestion, keeping the quotes; the scenario then parses", () => {
    const text = BASE.replace('user: "@alice:example.org"', 'user: "@alcie:example.org"');
    expect(errors(text)[0]!.message).toMatch(/did you mean @alice:example.org\?/);
    const r = fixOnce(text);
    expect(r.titles).toEqual(["Change to @alice:example.org", "Add @alcie:example.org to users"]);
    expect(r.text).toBe(BASE);
    expect(parseScenario(r.text).ok).toBe(true);
  });

  it("a misspelt key: 'Change to' the key the parser suggests", () => {
    for (const text of [BASE.replace("state: online", "stat: online"), BASE.replace("presence: {", "presense: {")]) {
      const r = fixOnce(text);
      expect(r.titles).toEqual([text.includes("stat:") ? "Change to state" : "Change to presence"]);
      expect(r.text).toBe(BASE);
    }
  });

  it("a misspelt user id that may be another person: 'Change to' (preferred) or 'Add to users'", () => {
    const text = BASE.replace('user: "@alice:example.org"', 'user: "@carol:example.org"');
    const e = errors(text)[0]!;
    expect(e.message).toBe("unknown user @carol:example.org; did you mean @bob:example.org?");
    expect(yamlFixes(text, e.message, e).map((f) => [f.title, f.preferred])).toEqual([
      ["Change to @bob:example.org", true],
      ["Add @carol:example.org to users", false],
    ]);
  });

  it("a step naming an undeclared user: 'Add @x to users' under the existing entries, at their indentation", () => {
    const text = BASE.replace('user: "@alice:example.org"', 'user: "@zachary-the-third:example.org"');
    const e = errors(text)[0]!;
    expect(e.message).toMatch(/unknown user @zachary-the-third:example.org \(declare it under users:\)/);
    const fixes = yamlFixes(text, e.message, e);
    expect(fixes.map((f) => [f.title, f.preferred])).toEqual([["Add @zachary-the-third:example.org to users", true]]);
    const fixed = applyEdits(text, fixes[0]!.edits);
    expect(fixed).toContain('    devices: [phone]\n  "@zachary-the-third:example.org": {}\nsteps:');
    expect(parseScenario(fixed).ok).toBe(true);
  });

  it("'Add to users' with `users:` empty, and with no users key at all", () => {
    const msg = "unknown user @carol:example.org (declare users under users:)";
    const empty = "version: 1\nservers:\n  example.org: {}\nusers:\nsteps: []\n";
    expect(applyEdits(empty, addUserFix(empty, msg)!.edits)).toBe('version: 1\nservers:\n  example.org: {}\nusers:\n  "@carol:example.org": {}\nsteps: []\n');
    const none = "version: 1\nservers:\n  example.org: {}";
    expect(applyEdits(none, addUserFix(none, msg)!.edits)).toBe('version: 1\nservers:\n  example.org: {}\nusers:\n  "@carol:example.org": {}\n');
  });

  it("no action where an edit could break the layout or is not what the message says", () => {
    const msg = "unknown user @carol:example.org (declare it under users:)";
    expect(addUserFix('users: { "@a:x": {} }\n', msg)).toBeNull(); // a flow map
    expect(addUserFix("users: {}\n", "unknown user @c:x; did you mean @a:x?")).toBeNull();
    // "did you mean" over a whole map (not one word) is not replaced.
    const t = "expect:\n  - { sess: 1 }\n";
    expect(didYouMeanFix(t, "an expectation needs one kind: sees; did you mean sees?", { start: 11, end: 23 })).toBeNull();
    // the marked word already is the suggestion
    expect(didYouMeanFix("state: x", "did you mean state?", { start: 0, end: 5 })).toBeNull();
  });
});
