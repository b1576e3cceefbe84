// Pyodide in the engine worker (browser), started from the files the app fetched from its
// own origin and handed over by message (./assets.ts): the worker cannot fetch. Runs
// before lockdown (src/sandbox/lockdown.ts), while import() of a Blob URL and fetch are
// still there; fetch is replaced for the duration by one that only serves these files.
//
// Memory snapshot: the first Python worker (the frame's snapshot maker,
// src/sandbox/iframe-runtime.ts) loads Pyodide, imports the synapse package and the
// bridge (importBridge: no JavaScript object held) and takes a memory snapshot before it
// serves its run; every later engine worker restores it into a fresh interpreter instead
// of starting Python from scratch. Each run still gets its own interpreter in its own worker: the snapshot
// is the state before any module ran, so nothing a run does reaches the next.
import { PYODIDE_ENV, importBridge, type PyodideLike } from "./host.ts";
import { PYODIDE_FILES, type PythonAssets } from "./assets.ts";

/** Any URL works: nothing is fetched from it (the fetch below answers for it). */
const INDEX_URL = "https://pyodide.invalid/";

export interface PyodideStart {
  py: PyodideLike;
  /**
   * Wall ms of the stages (bench only): `instantiate` (the wasm instance), `pyodide`
   * (loadPyodide in all), `snapshot_read` (a Blob snapshot read into this worker),
   * `loader_import`/`asm_import` (Pyodide's two scripts evaluated), `stdlib_asked` (since
   * the start, when Pyodide asked for the standard library), `asm_from_memory` (1: the
   * asm script compiled from memory, 0: imported from its Blob URL);
   * `snapshot`: 1 restored from a copy of its own, 2 from the frame's shared one.
   */
  timing: Record<string, number>;
}

const ASM_TAIL = "export default _createPyodideModule;";

/**
 * pyodide.asm.mjs (1.25 MB) as the body of a function that returns its module factory,
 * or null when the file does not have the shape this expects (another Pyodide version:
 * the caller then imports it as a module). Evaluated with `new Function` (before
 * lockdown), the text is compiled from this worker's memory; an import() of a Blob URL
 * read it back through the browser process in every worker. The factory's own code is
 * inside one async function; only its `export default` and three `import.meta.url`
 * (used to locate files, which Pyodide is told elsewhere) are module syntax.
 */
export function asmFactoryBody(asm: string): string | null {
  const at = asm.lastIndexOf(ASM_TAIL);
  if (at < 0 || asm.slice(at + ASM_TAIL.length).trim() !== "") return null;
  return asm.slice(0, at).split("import.meta.url").join(JSON.stringify(INDEX_URL + PYODIDE_FILES.asm)) + "\nreturn _createPyodideModule;";
}

/** The factory compiled from memory, or null (not that shape, or module syntax left in it: a SyntaxError). */
export function asmFactory(asm: string): unknown {
  const body = asmFactoryBody(asm);
  if (body === null) return null;
  try {
    return (new Function(body) as () => unknown)();
  } catch {
    return null;
  }
}

export async function startPyodideInWorker(assets: PythonAssets, mode: { snapshot?: Uint8Array | Blob; makeSnapshot?: boolean } = {}): Promise<PyodideStart> {
  const timing: Record<string, number> = {};
  // The build's snapshot comes as a Blob (./assets.ts): its read starts now and overlaps the
  // loader's import; loadPyodide awaits it.
  const tRead = performance.now();
  const snapshot = mode.snapshot instanceof Blob ? mode.snapshot.arrayBuffer().then((b) => ((timing.snapshot_read = performance.now() - tRead), b)) : mode.snapshot;
  const g = globalThis as unknown as { fetch: typeof fetch };
  const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  const loaderUrl = blobUrl(assets.loader);
  let asmUrl = "";
  const realFetch = g.fetch;
  const t0 = performance.now();
  // A module the frame compiled already: instantiate it rather than compile the bytes.
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const realStreaming = wasm.instantiateStreaming;
  const compiled = assets.module;
  if (compiled) {
    wasm.instantiateStreaming = async (_r: unknown, imports: WebAssembly.Imports) => {
      const t = performance.now();
      const instance = await WebAssembly.instantiate(compiled, imports);
      timing.instantiate = performance.now() - t;
      return { instance, module: compiled };
    };
  }
  // A snapshot in shared memory (src/sandbox/sharedSnapshot.ts) is restored in place, but
  // Pyodide decodes its JSON header with TextDecoder, which refuses shared views: that
  // header (a few KB) is copied first. Only for the restore, like fetch below.
  const isShared = (b: ArrayBufferLike) => typeof SharedArrayBuffer === "function" && b instanceof SharedArrayBuffer;
  const realDecode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (this: TextDecoder, input?: AllowSharedBufferSource, options?: TextDecodeOptions) {
    const own = ArrayBuffer.isView(input) && isShared(input.buffer) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice() : input;
    return realDecode.call(this, own, options);
  };
  g.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith(PYODIDE_FILES.wasm)) return new Response(assets.wasm, { headers: { "content-type": "application/wasm" } });
    if (url.endsWith(PYODIDE_FILES.stdlib)) {
      timing.stdlib_asked = performance.now() - t0;
      return new Response(assets.stdlib);
    }
    throw new Error(`Python modules cannot fetch ${url}`);
  }) as typeof fetch;
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ loaderUrl)) as { loadPyodide(o: object): Promise<unknown> };
    timing.loader_import = performance.now() - t0;
    const fromMemory = asmFactory(assets.asm);
    timing.asm_from_memory = fromMemory ? 1 : 0;
    const createPyodideModule = fromMemory ?? ((await import(/* @vite-ignore */ (asmUrl = blobUrl(assets.asm)))) as { default: unknown }).default;
    timing.asm_import = performance.now() - t0 - timing.loader_import;
    const py = await loadPyodide({
      indexURL: INDEX_URL,
      createPyodideModule,
      lockFileContents: assets.lock,
      env: PYODIDE_ENV,
      stdout: () => {},
      stderr: () => {},
      ...(snapshot ? { _loadSnapshot: snapshot } : {}),
      ...(mode.makeSnapshot ? { _makeSnapshot: true } : {}),
    });
    timing.pyodide = performance.now() - t0;
    if (snapshot) timing.snapshot = mode.snapshot instanceof Uint8Array && isShared(mode.snapshot.buffer) ? 2 : 1;
    return { py: py as PyodideLike, timing };
  } finally {
    g.fetch = realFetch;
    TextDecoder.prototype.decode = realDecode;
    wasm.instantiateStreaming = realStreaming;
    URL.revokeObjectURL(loaderUrl);
    if (asmUrl) URL.revokeObjectURL(asmUrl);
  }
}

/**
 * Imports the synapse package and the bridge into an interpreter started with
 * `makeSnapshot` and returns the memory snapshot every later engine worker starts from.
 * Only before any module code has run in it.
 */
export function takeSnapshot(py: PyodideLike): Uint8Array {
  importBridge(py);
  return (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
}
