// Stage 3: module files → one CommonJS bundle + sourcemap per entry (src/compile; the
// same code under native esbuild and esbuild-wasm). Kept free of the engine so the
// browser's compile worker can import it alone.
import { compileModules } from "../compile/compile.ts";
import type { CompileResult, EsbuildLike } from "../compile/types.ts";
import type { Problem } from "./types.ts";

export function compile(esbuild: EsbuildLike, files: Record<string, string>, entries: string[]): Promise<CompileResult> {
  return compileModules(esbuild, files, entries);
}

/** The compiler's problems (errors and warnings), module files named by `moduleLabel`. */
export function compileProblems(compiled: CompileResult, moduleLabel: (file: string) => string = (f) => f): Problem[] {
  return compiled.diagnostics.map((d) => ({ ...d, file: moduleLabel(d.file) }));
}
