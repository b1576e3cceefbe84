// The pipeline: the one way a scenario and its module files become a run trace, used by
// the headless runner (src/cli), the browser's workers (src/worker), the build-time
// default run (src/build) and the tests.
//
//   const r = await run({ scenario: { text, path }, files }, { esbuild });
//   if (r.kind === "ran") … r.trace …; else for (const p of r.problems) console.error(formatProblem(p));
//
// Stages, each callable alone (their outputs are plain, structured-cloneable data, so the
// browser can compile in one worker and run in another):
//
//   parse(scenario, limits?)                → ParsedScenario   (stage 1, ./parse.ts)
//   gatherModules(parsed, files)            → GatheredModules  (stage 2, ./modules.ts)
//   compile(esbuild, files, entries)        → CompileResult    (stage 3, ./compile.ts: no engine inside)
//   execute(parsed, compiled, options)      → Executed         (stage 4, ./execute.ts)
//
// Every problem is a Problem located at file:line:col (formatProblem for terminals,
// toDiagnostic for the editor). The result of `run` carries the stage outputs it got to
// (`compiled` holds the sourcemaps that located runtime errors).
import { compile, compileProblems } from "./compile.ts";
import { execute } from "./execute.ts";
import { gatherModules } from "./modules.ts";
import { parse } from "./parse.ts";
import type { PipelineInput, PipelineOptions, PipelineResult } from "./types.ts";

export { parse } from "./parse.ts";
export { collectModuleFiles, gatherModules, moduleEntries, type CollectedFiles } from "./modules.ts";
export { compile, compileProblems, needsPython } from "./compile.ts";
export { crossCheck, execute, locateRunErrors, scenarioHints } from "./execute.ts";
export { formatProblem, toDiagnostic } from "./problems.ts";
export type * from "./types.ts";

/** Parse → gather module files → compile → execute, stopping at the first stage that fails. */
export async function run(input: PipelineInput, options: PipelineOptions): Promise<PipelineResult> {
  const label = options.moduleLabel ?? ((f: string) => f);
  const parsed = parse(input.scenario, options.limits);
  if (!parsed.ok) return { kind: "scenario-invalid", problems: parsed.errors, warnings: [], parsed };
  const warnings = [...parsed.warnings];

  const gathered = gatherModules(parsed, input.files, label);
  if (gathered.problems.length) return { kind: "scenario-invalid", problems: gathered.problems, warnings, parsed };

  const entries = options.entries === "all" ? Object.keys(gathered.files) : gathered.entries;
  const compiled = await compile(options.esbuild, gathered.files, entries);
  const found = compileProblems(compiled, label);
  warnings.push(...found.filter((p) => p.severity === "warning"));
  const errors = found.filter((p) => p.severity === "error");
  if (errors.length) return { kind: "compile-failed", problems: errors, warnings, parsed, compiled };

  return { kind: "ran", warnings, parsed, compiled, ...(await execute(parsed, compiled, options)) };
}
