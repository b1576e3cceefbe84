// Build-time precomputed run of the default example (Node only): its compiled module
// and its run trace, computed with native esbuild and the same compileModules /
// createModuleHost / runScenario the CLI and the engine worker use. The Vite plugin
// (vite.config.ts, `virtual:default-run`) embeds the result in the main bundle so the
// delivery graph draws before Monaco, esbuild-wasm or the engine sandbox have loaded;
// the live run replaces it when it arrives. tests/build/defaultRun.test.ts checks it
// against a fresh run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileModules, type CompileResult, type EsbuildLike } from "../compile/index.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { parseScenario } from "../scenario/parse.ts";
import { runScenario } from "../engine/index.ts";
import { scenarioHints, scenarioWarnings } from "../worker/runResult.ts";
import type { Trace } from "../trace/types.ts";
import type { Diagnostic } from "../worker/protocol.ts";
import type { RoomHints } from "../analysis/rooms.ts";

export const SCENARIO_FILE = "scenario.yaml";

export interface PrecomputedRun {
  example: string;
  /** The inputs it was computed from: used only if the editor holds exactly these. */
  files: Record<string, string>;
  scenario: string;
  compileResult: CompileResult;
  trace: Trace;
  warnings: Diagnostic[];
  hints: RoomHints;
}

/** The example's inputs exactly as src/ui/examples.ts collects them (every .ts file). */
export function readExample(dir: string): { files: Record<string, string>; scenario: string } {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".ts")) files[f] = readFileSync(join(dir, f), "utf8");
  return { files, scenario: readFileSync(join(dir, SCENARIO_FILE), "utf8") };
}

/**
 * Compiles and runs like the browser does (entries: every module file, the scenario
 * named scenario.yaml). `measure: false`: router call `ms` are 0 (the live run, which
 * measures, fills in wall-clock times; everything else is identical).
 * Returns null when the example does not compile or its scenario does not validate.
 */
export async function precomputeRun(esbuild: EsbuildLike, example: string, files: Record<string, string>, scenario: string): Promise<PrecomputedRun | null> {
  const compileResult = await compileModules(esbuild, files, Object.keys(files));
  if (compileResult.diagnostics.some((d) => d.severity === "error")) return null;
  const parsed = parseScenario(scenario, SCENARIO_FILE) as any;
  if (!parsed.ok) return null;
  const trace = await runScenario(parsed.scenario, { host: createModuleHost(compileResult), measure: false });
  return {
    example,
    files,
    scenario,
    compileResult,
    trace,
    warnings: scenarioWarnings(parsed, SCENARIO_FILE),
    hints: scenarioHints(parsed.scenario),
  };
}
