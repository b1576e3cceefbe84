// Build-time precomputed run of the default example (Node only): its compiled module
// and its run trace, computed with native esbuild through the same pipeline
// (src/pipeline) the CLI and the engine worker use. The Vite plugin (vite.config.ts,
// `virtual:default-run`) embeds the result in the main bundle so the delivery graph
// draws before Monaco, esbuild-wasm or the engine sandbox have loaded; the live run
// replaces it when it arrives. tests/build/defaultRun.test.ts checks it against a
// fresh run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { run, toDiagnostic, type CompileResult, type Diagnostic, type EsbuildLike, type RoomHints, type Trace } from "../pipeline/index.ts";

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
  const r = await run({ scenario: { text: scenario, path: SCENARIO_FILE }, files }, { esbuild, entries: "all", measure: false });
  if (r.kind !== "ran") return null;
  return {
    example,
    files,
    scenario,
    compileResult: r.compiled,
    trace: r.trace,
    // The scenario's warnings only, as the engine worker reports them (compile warnings
    // reach the editor from the compile step).
    warnings: r.parsed.warnings.map(toDiagnostic),
    hints: r.hints,
  };
}
