// Runs a scenario through the real pipeline, as the CLI and the playground do:
// parseScenario → compileModules (native esbuild) → createModuleHost → runScenario.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileModules } from "../../src/compile/index.ts";
import { runScenario } from "../../src/engine/index.ts";
import { judgeLessonRun, type LessonVerdict } from "../../src/lessons/judge.ts";
import { createModuleHost } from "../../src/sandbox/host.ts";
import { parseScenario } from "../../src/scenario/parse.ts";
import type { Scenario } from "../../src/scenario/types.ts";
import type { Trace } from "../../src/trace/types.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface RunOutcome {
  scenario: Scenario;
  trace: Trace;
  verdict: LessonVerdict;
  /** Compile errors of the module files (the run still happens; loading reports them). */
  compileErrors: string[];
  /** Scenario warnings from the parser. */
  warnings: string[];
}

/** Module file names the scenario's servers load (modules: and presence_router). */
function moduleFiles(s: Scenario): string[] {
  const out = new Set<string>();
  for (const srv of s.servers) {
    for (const m of srv.modules) out.add(m.file);
    if (srv.presence.presence_router) out.add(srv.presence.presence_router.file);
  }
  return [...out];
}

export async function runWithFiles(scenarioText: string, files: Record<string, string>, name = "scenario.yaml"): Promise<RunOutcome> {
  const parsed = parseScenario(scenarioText, name);
  if (!parsed.ok) {
    throw new Error(`${name} does not parse:\n${parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n")}`);
  }
  const scenario = parsed.scenario;
  const compiled = await compileModules(esbuild, files, moduleFiles(scenario));
  const compileErrors = compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  const trace = await runScenario(scenario, { host: createModuleHost(compiled) });
  const warnings = parsed.warnings.map((w) => w.message);
  return { scenario, trace, verdict: judgeLessonRun(trace, scenario.expect.length), compileErrors, warnings };
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
  for (const c of o.compileErrors) lines.push(`compile: ${c}`);
  return lines.join("\n");
}
