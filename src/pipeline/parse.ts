// Stage 1: scenario text → validated Scenario, or every issue located at file:line:col.
import { parseScenario } from "../scenario/parse.ts";
import type { Limits } from "../scenario/limits.ts";
import type { ParsedScenario, ScenarioInput } from "./types.ts";

/** `limits` overrides the size limits a scenario must stay within (src/scenario/limits.ts). */
export function parse(input: ScenarioInput, limits?: Partial<Limits>): ParsedScenario {
  const r = parseScenario(input.text, input.path, { limits });
  return r.ok ? { ok: true, input, scenario: r.scenario, warnings: r.warnings } : { ok: false, input, errors: r.errors };
}
