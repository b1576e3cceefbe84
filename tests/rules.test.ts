// Rules check, first half: every rule has a test citing its id. The second half (each
// rule has a test that asserts on engine code) runs after a whole-suite run:
// tests/support/ruleEvidence.reporter.ts.
import { expect, it } from "vitest";
import { buildRuleIndex } from "../scripts/rule-index.ts";

it("every rule R1–R75 has at least one named test", () => {
  const { rules } = buildRuleIndex("tests");
  const missing = [...rules].filter(([id, tests]) => id.startsWith("R") && tests.length === 0).map(([id]) => id);
  expect(missing).toEqual([]);
});
