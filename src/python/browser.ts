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
  /** Wall ms of the stages (bench only): `instantiate` (the wasm instance), `pyodide` (loadPyodide in all). */
  timing: Record<string, number>;
}

export async function startPyodideInWorker(assets: PythonAssets, mode: { snapshot?: Uint8Array | Blob; makeSnapshot?: boolean } = {}): Promise<PyodideStart> {
  // The build's snapshot comes as a Blob (./assets.ts): its read starts now and overlaps the
  // loader's import; loadPyodide awaits it.
  const snapshot = mode.snapshot instanceof Blob ? mode.snapshot.arrayBuffer() : mode.snapshot;
  const g = globalThis as unknown as { fetch: typeof fetch };
  const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  const loaderUrl = blobUrl(assets.loader);
  const asmUrl = blobUrl(assets.asm);
  const realFetch = g.fetch;
  const timing: Record<string, number> = {};
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
  g.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith(PYODIDE_FILES.wasm)) return new Response(assets.wasm, { headers: { "content-type": "application/wasm" } });
    if (url.endsWith(PYODIDE_FILES.stdlib)) return new Response(assets.stdlib);
    throw new Error(`Python modules cannot fetch ${url}`);
  }) as typeof fetch;
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ loaderUrl)) as { loadPyodide(o: object): Promise<unknown> };
    const createPyodideModule = ((await import(/* @vite-ignore */ asmUrl)) as { default: unknown }).default;
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
    if (snapshot) timing.snapshot = 1;
    return { py: py as PyodideLike, timing };
  } finally {
    g.fetch = realFetch;
    wasm.instantiateStreaming = realStreaming;
    URL.revokeObjectURL(loaderUrl);
    URL.revokeObjectURL(asmUrl);
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
