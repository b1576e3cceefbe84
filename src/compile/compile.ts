// compileModules: one pipeline for esbuild-wasm (browser) and native esbuild (Node).
// Each entry is bundled on its own over the in-memory files; `synapse` stays an
// external require that the sandbox host provides. No file system access.
import type { Message, Plugin } from "esbuild";
import type { Bundle, CompileResult, Diagnostic, EsbuildLike } from "./types.ts";
import { isRelative, loaderFor, resolveEntry, resolveLocal } from "./paths.ts";
import { byteToUtf16, lineText } from "./positions.ts";

const NS = "playground";

export const FORBIDDEN_IMPORT = "only 'synapse' and the playground's own files can be imported";

function fileList(files: Record<string, string>): string {
  const names = Object.keys(files);
  return names.length ? names.join(", ") : "(none)";
}

function playgroundFiles(files: Record<string, string>): Plugin {
  return {
    name: "playground-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") {
          const path = resolveEntry(files, args.path);
          if (path === null) return { errors: [{ text: `no file named '${args.path}'; the files are: ${fileList(files)}` }] };
          return { path, namespace: NS };
        }
        if (args.path === "synapse") return { path: "synapse", external: true };
        if (isRelative(args.path) && args.namespace === NS) {
          const path = resolveLocal(files, args.importer, args.path);
          if (path !== null) return { path, namespace: NS };
          return { errors: [{ text: `cannot find '${args.path}' among the playground's files (${fileList(files)})` }] };
        }
        return { errors: [{ text: `cannot import '${args.path}': ${FORBIDDEN_IMPORT}` }] };
      });
      build.onLoad({ filter: /.*/, namespace: NS }, (args) => ({
        contents: files[args.path],
        loader: loaderFor(args.path),
      }));
    },
  };
}

/** Strips esbuild's namespace prefix ("playground:router.ts" → "router.ts"). */
function userFile(file: string): string {
  const i = file.indexOf(`${NS}:`);
  return i >= 0 ? file.slice(i + NS.length + 1) : file;
}

function toDiagnostic(m: Message, severity: Diagnostic["severity"], files: Record<string, string>, entry: string): Diagnostic {
  const loc = m.location;
  const text = m.notes?.length ? `${m.text} (${m.notes.map((n) => n.text).join("; ")})` : m.text;
  if (!loc) return { file: entry, line: 1, column: 1, message: text, severity };
  const file = userFile(loc.file);
  // Use our own copy of the line when we have the file; esbuild's lineText is the same.
  const line = Object.prototype.hasOwnProperty.call(files, file) ? lineText(files[file], loc.line) : loc.lineText;
  const start = byteToUtf16(line, loc.column);
  const end = byteToUtf16(line, loc.column + loc.length);
  const d: Diagnostic = { file, line: loc.line, column: start + 1, message: text, severity };
  if (loc.length > 0) {
    d.endLine = loc.line;
    d.endColumn = end + 1;
  }
  return d;
}

function fixMap(mapJson: string): string {
  const map = JSON.parse(mapJson) as { sources: string[] };
  map.sources = map.sources.map(userFile);
  return JSON.stringify(map);
}

async function compileEntry(
  esbuild: EsbuildLike,
  files: Record<string, string>,
  entry: string,
): Promise<{ bundle: Bundle | null; diagnostics: Diagnostic[] }> {
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "es2022",
      mainFields: [],
      sourcemap: "external",
      sourcesContent: true,
      outfile: "bundle.js",
      charset: "utf8",
      logLevel: "silent",
      plugins: [playgroundFiles(files)],
    });
    const js = result.outputFiles!.find((f) => f.path.endsWith(".js"))!;
    const map = result.outputFiles!.find((f) => f.path.endsWith(".map"))!;
    return {
      bundle: { code: js.text, map: fixMap(map.text) },
      diagnostics: result.warnings.map((w) => toDiagnostic(w, "warning", files, entry)),
    };
  } catch (e) {
    const failure = e as { errors?: Message[]; warnings?: Message[] };
    if (!Array.isArray(failure.errors)) throw e; // not a build failure (esbuild not initialised, ...)
    return {
      bundle: null,
      diagnostics: [
        ...failure.errors.map((m) => toDiagnostic(m, "error", files, entry)),
        ...(failure.warnings ?? []).map((m) => toDiagnostic(m, "warning", files, entry)),
      ],
    };
  }
}

/**
 * Bundles each entry separately (CommonJS, es2022, `synapse` external, external
 * sourcemap over the user's file names). Entries run one after another: esbuild-wasm
 * without a worker is single-threaded anyway, and the order keeps results stable.
 */
/** Characters of module source the playground compiles at most (all files together). */
export const MAX_COMPILE_INPUT_CHARS = 1_000_000;

/** Refuses inputs over MAX_COMPILE_INPUT_CHARS before esbuild sees them (a link is untrusted). */
function oversized(files: Record<string, string>): CompileResult | null {
  const names = Object.keys(files);
  const total = names.reduce((n, f) => n + files[f].length, 0);
  if (total <= MAX_COMPILE_INPUT_CHARS) return null;
  const biggest = names.reduce((a, b) => (files[b].length > files[a].length ? b : a));
  const message = `The module files are ${total} characters in total; the playground compiles at most ${MAX_COMPILE_INPUT_CHARS} (its limit for compile input). Make ${biggest} smaller.`;
  return { bundles: {}, diagnostics: [{ file: biggest, line: 1, column: 1, message, severity: "error" }], files: names };
}

export async function compileModules(
  esbuild: EsbuildLike,
  files: Record<string, string>,
  entries: string[],
): Promise<CompileResult> {
  const tooBig = oversized(files);
  if (tooBig) return tooBig;
  const bundles: Record<string, Bundle> = {};
  const entryDiagnostics: Record<string, Diagnostic[]> = {};
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const entry of [...new Set(entries)]) {
    const r = await compileEntry(esbuild, files, entry);
    if (r.bundle) bundles[entry] = r.bundle;
    entryDiagnostics[entry] = r.diagnostics;
    for (const d of r.diagnostics) {
      const key = JSON.stringify([d.file, d.line, d.column, d.message, d.severity]);
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return { bundles, diagnostics, entryDiagnostics, files: Object.keys(files) };
}
