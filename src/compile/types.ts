// Types of the compile pipeline. Everything here is plain data (structured-cloneable),
// because a CompileResult travels from the compile worker to the engine worker.

/** A compile problem at a 1-based line and 1-based UTF-16 column (what Monaco wants). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: "error" | "warning";
}

/** One entry file bundled with its imports: CommonJS code plus a v3 sourcemap (JSON). */
export interface Bundle {
  code: string;
  /** Sourcemap JSON; `sources` are the user's file names, with sourcesContent. */
  map: string;
}

export interface CompileResult {
  /** Only entries that compiled without errors have a bundle. */
  bundles: Record<string, Bundle>;
  /** All problems of all entries, deduplicated (a shared file is reported once). */
  diagnostics: Diagnostic[];
  /** Problems per entry (including those in files it imports), for ModuleHost.load. */
  entryDiagnostics?: Record<string, Diagnostic[]>;
  /** The file names that were given to the compiler (for "the files are: ..." hints). */
  files?: string[];
  /** Python module files (.py) by name: not compiled, evaluated by Pyodide (src/python). */
  python?: Record<string, string>;
}

/**
 * The part of esbuild's API the pipeline uses. Both `esbuild` (Node) and
 * `esbuild-wasm/esm/browser.js` satisfy it.
 */
export interface EsbuildLike {
  build: typeof import("esbuild").build;
}
