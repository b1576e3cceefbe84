// What a run depends on: when it equals the key of the last successful run (sameRun),
// the run would give the same trace (the engine is deterministic), so the runner skips
// it. Issue 14: a comment edit costs only the compile.
//
// The key holds the compiled code, the sourcemaps' mappings (an edit that moves lines
// changes where an exception is reported, so it must run again), every diagnostic, the
// scenario text and the callback budget. It leaves out the maps' `sourcesContent`: the
// engine never reads it, and it is exactly what a comment-only edit changes. The scenario
// text stays a field of its own, compared as it is: serialising it into the key would
// copy and escape every character of a 1 MB world (the 10,000-user example) at each run.
import type { CompileOutput } from "../worker/protocol.ts";

function withoutSources(map: string): string {
  try {
    const { sourcesContent: _dropped, ...rest } = JSON.parse(map) as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return map; // not JSON: compare as is
  }
}

export interface RunKey {
  /** The compiled module, its maps without sources, diagnostics and Python sources, as JSON. */
  code: string;
  scenario: string;
  budgetMs: number;
}

export function runKey(compiled: CompileOutput, scenario: string, budgetMs: number): RunKey {
  const bundles = Object.keys(compiled.bundles)
    .sort()
    .map((entry) => {
      const b = compiled.bundles[entry]!;
      return [entry, b.code, withoutSources(b.map)];
    });
  // Python modules run from their source (src/python): every change to one is a new run.
  const python = Object.entries(compiled.python ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { code: JSON.stringify([bundles, compiled.diagnostics, compiled.entryDiagnostics ?? null, compiled.files ?? null, python]), scenario, budgetMs };
}

/** The two keys stand for the same run (null: no run yet). */
export function sameRun(a: RunKey | null, b: RunKey): boolean {
  return a !== null && a.budgetMs === b.budgetMs && a.code === b.code && a.scenario === b.scenario;
}
