// Pyodide in the engine worker (browser), started from the files the app fetched from its
// own origin and handed over by message (./assets.ts): the worker cannot fetch. Runs
// before lockdown (src/sandbox/lockdown.ts), while import() of a Blob URL and fetch are
// still there; fetch is replaced for the duration by one that only serves these files.
import { PYODIDE_ENV, type PyodideLike } from "./host.ts";
import { PYODIDE_FILES, type PythonAssets } from "./assets.ts";

/** Any URL works: nothing is fetched from it (the fetch below answers for it). */
const INDEX_URL = "https://pyodide.invalid/";

export async function startPyodideInWorker(assets: PythonAssets): Promise<PyodideLike> {
  const g = globalThis as unknown as { fetch: typeof fetch };
  const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  const loaderUrl = blobUrl(assets.loader);
  const asmUrl = blobUrl(assets.asm);
  const realFetch = g.fetch;
  // A module the frame compiled already: instantiate it rather than compile the bytes.
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const realStreaming = wasm.instantiateStreaming;
  const compiled = assets.module;
  if (compiled) {
    wasm.instantiateStreaming = async (_r: unknown, imports: WebAssembly.Imports) => ({ instance: await WebAssembly.instantiate(compiled, imports), module: compiled });
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
    });
    return py as PyodideLike;
  } finally {
    g.fetch = realFetch;
    wasm.instantiateStreaming = realStreaming;
    URL.revokeObjectURL(loaderUrl);
    URL.revokeObjectURL(asmUrl);
  }
}
