// Pyodide's files, self-hosted: the build copies them to `pyodide/<version>/` next to the app
// (src/python/vite-plugin.ts) and the app fetches them from its own origin only when a
// scenario has a .py module. They then travel by message into the sandbox iframe and
// each engine worker, which cannot fetch anything (src/sandbox/iframe-runtime.ts CSP).

/** The pinned `pyodide` package's version (package.json; a test keeps them equal). */
export const PYODIDE_VERSION = "314.0.7";

/**
 * Versioned, so a host may cache the files for good (scripts/headers.ts: immutable):
 * another Pyodide version gets another folder.
 */
export const PYODIDE_FOLDER = `pyodide/${PYODIDE_VERSION}/`;

/** The files an engine worker needs to start Pyodide (the names in node_modules/pyodide). */
export const PYODIDE_FILES = {
  loader: "pyodide.mjs",
  asm: "pyodide.asm.mjs",
  wasm: "pyodide.asm.wasm",
  stdlib: "python_stdlib.zip",
  lock: "pyodide-lock.json",
} as const;

/**
 * True when a scenario's files include a Python module: the compile passes every .py file
 * on to Pyodide (src/pipeline/compile.ts needsPython), so the app can start loading
 * Pyodide from the file names alone, before the compile answers.
 */
export function filesNeedPython(files: Readonly<Record<string, string>>): boolean {
  return Object.keys(files).some((f) => f.endsWith(".py"));
}

/**
 * The binary files travel as Blobs: a Blob crosses from the app to the sandbox frame (another
 * process) and on to each engine worker as a handle, not as bytes, so no thread on the way
 * copies 45 MB; each worker reads what it needs itself (a 31 MB ArrayBuffer cloned to every
 * worker cost ~150 ms on the frame's thread and as much again in the worker).
 */
export interface PythonAssets {
  type: "python-assets";
  loader: string;
  asm: string;
  lock: string;
  wasm: Blob;
  stdlib: Blob;
  /** pyodide.asm.wasm compiled once by the sandbox frame (src/sandbox/iframe-runtime.ts). */
  module?: WebAssembly.Module;
  /** The build's memory snapshot (src/python/vite-plugin.ts): workers restore it; absent in dev. */
  snapshot?: Blob;
}

export function isPythonAssets(m: unknown): m is PythonAssets {
  const o = m as Record<string, unknown> | null;
  return (
    typeof o === "object" && o !== null && o.type === "python-assets" &&
    typeof o.loader === "string" && typeof o.asm === "string" && typeof o.lock === "string" &&
    o.wasm instanceof Blob && o.stdlib instanceof Blob
  );
}

/**
 * Fetches the files from the app's origin (`base`: the app's base URL), and the build's
 * memory snapshot when there is one (`snapshot`: its path under the base).
 */
export async function fetchPythonAssets(base: string, snapshot: string | null = null): Promise<PythonAssets> {
  const url = (f: string) => new URL(PYODIDE_FOLDER + f, base).href;
  const get = async (f: string) => {
    const r = await fetch(url(f));
    if (!r.ok) throw new Error(`${url(f)}: HTTP ${r.status}`);
    return r;
  };
  const [loader, asm, lock, wasm, stdlib, snap] = await Promise.all([
    get(PYODIDE_FILES.loader).then((r) => r.text()),
    get(PYODIDE_FILES.asm).then((r) => r.text()),
    get(PYODIDE_FILES.lock).then((r) => r.text()),
    get(PYODIDE_FILES.wasm).then((r) => r.blob()),
    get(PYODIDE_FILES.stdlib).then((r) => r.blob()),
    // A snapshot that cannot be fetched is not fatal: the frame makes one, as in dev.
    snapshot ? fetch(new URL(snapshot, base).href).then((r) => (r.ok ? r.blob() : undefined), () => undefined) : undefined,
  ]);
  return { type: "python-assets", loader, asm, lock, wasm, stdlib, ...(snap && { snapshot: snap }) };
}
