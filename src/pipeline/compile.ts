// Stage 3: module files → one CommonJS bundle + sourcemap per entry (src/compile; the
// same code under native esbuild and esbuild-wasm). Kept free of the engine so the
// browser's compile worker can import it alone.
import { compileModules } from "../compile/compile.ts";
import type { CompileResult, EsbuildLike } from "../compile/types.ts";
import type { Problem } from "./types.ts";
import { filesNeedPython } from "../python/assets.ts";

/** .py files are not compiled: they travel as source to Pyodide (src/python/host.ts). */
export async function compile(esbuild: EsbuildLike, files: Record<string, string>, entries: string[]): Promise<CompileResult> {
  const isPy = (f: string) => f.endsWith(".py");
  const result = await compileModules(esbuild, files, entries.filter((e) => !isPy(e)));
  const py = Object.keys(files).filter(isPy);
  if (py.length === 0) return result;
  const python: Record<string, string> = {};
  for (const f of py) python[f] = files[f];
  return { ...result, files: [...(result.files ?? []), ...py.filter((f) => !(result.files ?? []).includes(f))], python };
}

/** True when a compiled scenario has Python module files (Pyodide must be loaded). */
export function needsPython(compiled: CompileResult): boolean {
  return !!compiled.python && filesNeedPython(compiled.python);
}

/** The compiler's problems (errors and warnings), module files named by `moduleLabel`. */
export function compileProblems(compiled: CompileResult, moduleLabel: (file: string) => string = (f) => f): Problem[] {
  return compiled.diagnostics.map((d) => ({ ...d, file: moduleLabel(d.file) }));
}
