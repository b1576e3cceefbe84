// Runs a scenario through the real pipeline (src/pipeline), as the CLI and the
// playground do: parse → compile (native esbuild) → run.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { judgeLessonRun, type LessonVerdict } from "../../src/lessons/judge.ts";
import { formatProblem, run } from "../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import type { Scenario } from "../../src/scenario/types.ts";
import type { Trace } from "../../src/trace/types.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface RunOutcome {
  scenario: Scenario;
  trace: Trace;
  verdict: LessonVerdict;
  /** Scenario and compiler warnings. */
  warnings: string[];
}

/** Throws with the located problems when the scenario is bad or a module does not compile. */
export async function runWithFiles(scenarioText: string, files: Record<string, string>, name = "scenario.yaml"): Promise<RunOutcome> {
  // Pyodide only for a Python lesson (it takes seconds to start).
  const python = Object.keys(files).some((f) => f.endsWith(".py")) ? sharedPythonNode : undefined;
  const r = await run({ scenario: { text: scenarioText, path: name }, files }, { esbuild, python });
  if (r.kind !== "ran") throw new Error(`${name}: nothing ran (${r.kind}):\n${r.problems.map(formatProblem).join("\n")}`);
  const scenario = r.parsed.scenario;
  return { scenario, trace: r.trace, verdict: judgeLessonRun(r.trace, scenario.expect.length), warnings: r.warnings.map((w) => w.message) };
}

/** Every file of a folder (one level), by name. */
export function readFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isFile()) out[f.name] = readFileSync(join(dir, f.name), "utf8");
  }
  return out;
}

/** lessons/<id>/<file> for every lesson folder, keyed like Vite's glob ("../../lessons/…"). */
export function readLessonFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const dir = join(ROOT, "lessons");
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const [file, text] of Object.entries(readFolder(join(dir, d.name)))) out[`../../lessons/${d.name}/${file}`] = text;
  }
  return out;
}

/** Readable failure details for assertion messages. */
export function explain(o: RunOutcome): string {
  const lines = [o.verdict.summary];
  for (const e of o.trace.errors) lines.push(`error: ${e.message}`);
  for (const x of o.trace.expectations) lines.push(`${x.ok ? "ok  " : "FAIL"} ${x.name} — ${x.detail}`);
  return lines.join("\n");
}
