// Resolving imports against the in-memory file set (no file system: the same code
// runs in the browser). File names are POSIX-style relative paths: "router.ts",
// "lib/util.ts", possibly "../shared.ts" for the CLI.

/** Extensions tried, in order, for an import written without one ("./util"). */
const EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs", ".cts", ".cjs", ".json"];

/** Collapses "." and ".." segments; keeps leading ".." that cannot be collapsed. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}

export function isRelative(spec: string): boolean {
  return spec === "." || spec === ".." || spec.startsWith("./") || spec.startsWith("../");
}

/**
 * The file names a relative import may mean, in the order they are tried: the name as
 * written, then with each known extension, then a folder's index file. A ".js" import
 * of a ".ts" file (TypeScript's ESM convention) also resolves.
 */
export function candidatePaths(importer: string, spec: string): string[] {
  const base = normalizePath(`${dirname(importer)}/${spec}`);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  const js = /\.(m|c)?jsx?$/.exec(base);
  if (js) {
    const stem = base.slice(0, -js[0].length);
    candidates.push(stem + ".ts", stem + ".tsx", stem + ".mts", stem + ".cts");
  }
  return candidates;
}

/** Resolves a relative import from `importer` to a key of `files` (null: not there). */
export function resolveLocal(files: Record<string, string>, importer: string, spec: string): string | null {
  for (const c of candidatePaths(importer, spec)) if (Object.prototype.hasOwnProperty.call(files, c)) return c;
  return null;
}

/** The relative import specifiers of a source file (static, dynamic, require, re-export). */
export function relativeImports(source: string): string[] {
  const specs = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])(\.{1,2}(?:\/[^"'\n]*)?)\1/g;
  for (const m of source.matchAll(re)) specs.add(m[2]);
  return [...specs];
}

/** Normalizes an entry/file name as given by the user ("./router.ts" → "router.ts"). */
export function resolveEntry(files: Record<string, string>, entry: string): string | null {
  const n = normalizePath(entry);
  if (Object.prototype.hasOwnProperty.call(files, n)) return n;
  return resolveLocal(files, "", "./" + n);
}

export function loaderFor(file: string): "ts" | "tsx" | "js" | "jsx" | "json" {
  if (/\.(m|c)?ts$/.test(file)) return "ts";
  if (file.endsWith(".tsx")) return "tsx";
  if (file.endsWith(".jsx")) return "jsx";
  if (file.endsWith(".json")) return "json";
  if (/\.(m|c)?js$/.test(file)) return "js";
  return "ts"; // a playground tab without an extension is TypeScript
}
