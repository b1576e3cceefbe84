// PLACEHOLDER until the scenario layer lands: evaluates scenario-format §3 expectations.
import type { Scenario } from "./types.ts";
import type { ExpectationResult, Trace } from "../trace/types.ts";

export function evaluateExpectations(_scenario: Scenario, _trace: Omit<Trace, "expectations">): ExpectationResult[] {
  return [];
}
