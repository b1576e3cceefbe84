// Vitest reporter: the second half of the rules check (the first is tests/rules.test.ts,
// "every rule has a test with its id in the title"). After a run of the whole suite it
// fails the run for any rule R1–R75 whose every test is hollow: ran no `expect`
// assertion, or never called rule-implementing code (src/engine/**, src/analysis/**).
// The evidence comes from tests/support/ruleEvidence.setup.ts (task.meta.ruleEvidence).
// Partial runs (some files, or -t) are not judged: a rule's good test may not have run.
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestCase, TestModule, Vitest } from "vitest/node";
import type { RuleEvidence } from "./ruleEvidence.setup.ts";

export interface HollowRule {
  rule: string;
  tests: Array<{ test: string; why: string }>;
}

/** A test that cites rules in its own title (`name`); `test` is how to find it. */
export interface CitingTest {
  name: string;
  test: string;
  evidence: RuleEvidence;
}

/** Rules (R ids only) whose every recorded test is hollow. Exported for the unit test. */
export function hollowRules(tests: CitingTest[]): HollowRule[] {
  const byRule = new Map<string, Array<{ test: string; why: string | null }>>();
  for (const { name, test, evidence } of tests) {
    const why =
      evidence.assertions === 0 && evidence.implCalls === 0
        ? "ran no assertion and called no engine code"
        : evidence.assertions === 0
          ? "ran no assertion"
          : evidence.implCalls === 0
            ? "called no engine code (src/engine, src/analysis)"
            : null;
    for (const rule of new Set(name.match(/\bR\d{1,2}\b/g) ?? [])) {
      const list = byRule.get(rule) ?? [];
      list.push({ test, why });
      byRule.set(rule, list);
    }
  }
  const out: HollowRule[] = [];
  for (const [rule, list] of byRule) {
    if (list.every((t) => t.why !== null)) out.push({ rule, tests: list.map((t) => ({ test: t.test, why: t.why! })) });
  }
  return out.sort((a, b) => Number(a.rule.slice(1)) - Number(b.rule.slice(1)));
}

export default class RuleEvidenceReporter implements Reporter {
  private vitest!: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    if (process.env.STRYKER_MUTATOR_WORKER) return;
    if (this.vitest.config.testNamePattern) return;
    const all = await this.vitest.globTestSpecifications();
    const ran = new Set(testModules.map((m) => m.moduleId));
    if (all.some((s) => !ran.has(s.moduleId)) && !process.env.RULE_EVIDENCE_OUT) return;

    const tests: CitingTest[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const evidence = (t as TestCase).meta().ruleEvidence;
        if (evidence && t.result().state !== "skipped") tests.push({ name: t.name, test: `${relative(this.vitest.config.root, m.moduleId)} > ${t.fullName}`, evidence });
      }
    }
    // RULE_EVIDENCE_OUT=file.json: every rule-citing test with its evidence, for review.
    if (process.env.RULE_EVIDENCE_OUT) writeFileSync(process.env.RULE_EVIDENCE_OUT, JSON.stringify(tests, null, 1));
    const hollow = hollowRules(tests);
    if (!hollow.length) return;
    const lines = [
      "",
      `Rules check failed: ${hollow.length} rule(s) have only hollow tests (no expect() ran, or no engine code was called):`,
      ...hollow.flatMap((h) => [`  ${h.rule}:`, ...h.tests.map((t) => `    ${t.test}\n      ${t.why}`)]),
      "Give each rule at least one test that runs the engine (or calls the function implementing the rule) and asserts on the result.",
      "",
    ];
    process.stderr.write(lines.join("\n") + "\n");
    process.exitCode = 1;
  }
}
