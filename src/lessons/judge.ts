// Whether a lesson run passed: it ran (no run-stopping errors) and every expectation of
// the scenario was evaluated and held. Pure over the trace.
import type { ExpectationResult, RunError, Trace } from "../trace/types.ts";

export interface LessonVerdict {
  passed: boolean;
  /** Expectations that failed, in scenario order. */
  failed: ExpectationResult[];
  /** Errors that stopped the run (a startup error means no check could pass). */
  errors: RunError[];
  /** e.g. "3 of 4 checks pass" or "the run stopped: ...". */
  summary: string;
}

/**
 * @param expected how many `expect:` items the scenario has; a run that stopped early
 * may carry fewer results, and a missing result is not a pass.
 */
export function judgeLessonRun(trace: Pick<Trace, "expectations" | "errors">, expected: number): LessonVerdict {
  const results = trace.expectations ?? [];
  const errors = trace.errors ?? [];
  const failed = results.filter((r) => !r.ok);
  const okCount = results.length - failed.length;
  const passed = errors.length === 0 && expected > 0 && results.length === expected && failed.length === 0;
  let summary: string;
  if (errors.length) summary = `the run stopped: ${errors[0]!.message}`;
  else if (passed) summary = `all ${expected} checks pass`;
  else summary = `${okCount} of ${expected} checks pass`;
  return { passed, failed, errors, summary };
}
