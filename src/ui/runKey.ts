// What a run depends on, as one string: when it equals the key of the last successful
// run, the run would give the same trace (the engine is deterministic), so the runner
// skips it. Issue 14: a comment edit costs only the compile.
//
// The key holds the compiled code, the sourcemaps' mappings (an edit that moves lines
// changes where an exception is reported, so it must run again), every diagnostic, the
// scenario text and the callback budget. It leaves out the maps' `sourcesContent`: the
// engine never reads it, and it is exactly what a comment-only edit changes.
import type { CompileOutput } from "../worker/protocol.ts";

function withoutSources(map: string): string {
  try {
    const { sourcesContent: _dropped, ...rest } = JSON.parse(map) as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return map; // not JSON: compare as is
  }
}

export function runKey(compiled: CompileOutput, scenario: string, budgetMs: number): string {
  const bundles = Object.keys(compiled.bundles)
    .sort()
    .map((entry) => {
      const b = compiled.bundles[entry]!;
      return [entry, b.code, withoutSources(b.map)];
    });
  return JSON.stringify([bundles, compiled.diagnostics, compiled.entryDiagnostics ?? null, compiled.files ?? null, scenario, budgetMs]);
}
