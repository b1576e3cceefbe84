// Vitest setup file: for every test whose title cites a rule id (R1–R75), records in
// task.meta.ruleEvidence how many `expect` assertions it ran and how many functions of
// the rule-implementing code (src/engine/**, src/analysis/**) it called. The reporter
// tests/support/ruleEvidence.reporter.ts then fails the run for a rule whose every test
// is hollow. Calls are counted with V8's own coverage counters (node:inspector), so no
// engine code has to cooperate and a rewrite of the engine keeps working.
import { Session } from "node:inspector/promises";
import { afterEach, beforeEach, expect } from "vitest";

export interface RuleEvidence {
  assertions: number;
  /** Functions of src/engine/** or src/analysis/** that ran during the test. */
  implCalls: number;
}

declare module "vitest" {
  interface TaskMeta {
    ruleEvidence?: RuleEvidence;
  }
}

const CITES_RULE = /\bR\d{1,2}\b/;
const IMPL = /\/src\/(engine|analysis)\//;

// Off under Stryker (it runs tests hundreds of times; the evidence is not used there).
const enabled = !process.env.STRYKER_MUTATOR_WORKER;
const session = enabled ? new Session() : null;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
}

/** Functions of IMPL that ran since coverage started. */
async function implCalls(): Promise<number> {
  const { result } = await session!.post("Profiler.takePreciseCoverage");
  let n = 0;
  for (const script of result) {
    if (!IMPL.test(script.url)) continue;
    // The first entry is the module's top level, which ran at import, not in the test.
    for (const fn of script.functions.slice(1)) if (fn.ranges[0]?.count) n++;
  }
  return n;
}

// Coverage is on only during tests that cite a rule: while it is on, V8 runs no optimized
// code, which would slow the whole suite several times. Call counts (callCount: true),
// not binary coverage: binary mode reports a function only the first time it ever runs.
beforeEach(async ({ task }) => {
  if (session && CITES_RULE.test(task.name)) await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
});

afterEach(async ({ task }) => {
  if (!session || !CITES_RULE.test(task.name)) return;
  const calls = await implCalls();
  await session.post("Profiler.stopPreciseCoverage");
  task.meta.ruleEvidence = { assertions: expect.getState().assertionCalls, implCalls: calls };
});
