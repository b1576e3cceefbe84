// Stage 1: scenario text → validated Scenario, or every issue located at file:line:col.
import { parseScenario, type ParseOptions } from "../scenario/parse.ts";
import type { ParsedScenario, ScenarioInput } from "./types.ts";

export function parse(input: ScenarioInput, options?: ParseOptions): ParsedScenario {
  const r = parseScenario(input.text, input.path, options);
  return r.ok ? { ok: true, input, scenario: r.scenario, warnings: r.warnings } : { ok: false, input, errors: r.errors };
}
