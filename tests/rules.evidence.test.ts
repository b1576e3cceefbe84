// The rules check's second half (tests/support/ruleEvidence.*): which rules count as
// having only hollow tests.
import { describe, expect, it } from "vitest";
import { hollowRules } from "./support/ruleEvidence.reporter.ts";

const ev = (assertions: number, implCalls: number) => ({ assertions, implCalls });

describe("rule evidence", () => {
  it("a rule fails only when every test citing it is hollow, and the message names each test and why", () => {
    const out = hollowRules([
      { name: "R1 good", test: "a > R1 good", evidence: ev(2, 5) },
      { name: "R1 R2 no engine", test: "a > R1 R2 no engine", evidence: ev(1, 0) },
      { name: "R2 no assertion", test: "b > R2 no assertion", evidence: ev(0, 3) },
      { name: "R10 nothing", test: "c > R10 nothing", evidence: ev(0, 0) },
      { name: "R3 fine", test: "c > R3 fine", evidence: ev(1, 1) },
      { name: "S4 not a rule", test: "d > S4", evidence: ev(0, 0) },
    ]);
    expect(out).toEqual([
      {
        rule: "R2",
        tests: [
          { test: "a > R1 R2 no engine", why: "called no engine code (src/engine, src/analysis)" },
          { test: "b > R2 no assertion", why: "ran no assertion" },
        ],
      },
      { rule: "R10", tests: [{ test: "c > R10 nothing", why: "ran no assertion and called no engine code" }] },
    ]);
  });
});
