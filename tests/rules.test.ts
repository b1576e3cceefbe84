// Rules check, first half: every rule has a test citing its id. The second half (each
// rule has a test that asserts on engine code) runs after a whole-suite run:
// tests/support/ruleEvidence.reporter.ts.
import { expect, it } from "vitest";
import { buildRuleIndex } from "../scripts/rule-index.ts";

it("every rule of the spec has at least one test naming it", () => {
  const { rules } = buildRuleIndex("tests");
  const missing = [...rules].filter(([id, tests]) => id.startsWith("R") && tests.length === 0).map(([id]) => id);
  expect(missing).toEqual([]);
});
