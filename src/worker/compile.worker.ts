/// <reference lib="webworker" />
// The compile worker: esbuild-wasm, initialised once (when a compile first needs it),
// compiling the user's module files with the pipeline's compile stage
// (src/pipeline/compile.ts, free of the engine) through the queue of compileQueue.ts.
import * as esbuild from "esbuild-wasm/esm/browser.js";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { createCompileQueue } from "./compileQueue.ts";
import type { EsbuildLike } from "../compile/types.ts";
import type { CompileReply, CompileRequest } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

/**
 * esbuild's 14 MB wasm, compiled by streaming from its URL. The server sends it as
 * `application/wasm` and cacheable for good (hashed name, scripts/headers.ts): only such
 * a response lets Chrome keep the code V8 optimised in the background on this visit
 * (its wasm code cache) and start from it on the next, instead of tiering the hot
 * functions up again while the user types. A server without the wasm content type makes
 * compileStreaming fail: the bytes are then compiled the slow way.
 */
async function compileWasm(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmURL));
  } catch {
    return WebAssembly.compile(await (await fetch(wasmURL)).arrayBuffer());
  }
}

// A failure rejects that compile and every later one that needs esbuild, and the runner
// replaces the worker.
async function loadEsbuild(): Promise<EsbuildLike> {
  stamp("esbuild_load_at");
  const wasmModule = await compileWasm();
  stamp("esbuild_compiled_at");
  await esbuild.initialize({ wasmModule, worker: false });
  stamp("esbuild_ready_at");
  return esbuild;
}

// Bench stamps (boot/perf.ts marks them on the page's clock): sent with the next reply.
let stamps: Record<string, number> | undefined;
function stamp(name: string): void {
  (stamps ??= {})[name] = performance.timeOrigin + performance.now();
}
stamp("worker_start_at");

const enqueue = createCompileQueue({
  loadEsbuild,
  post: (m: CompileReply) => self.postMessage(m),
  now: () => performance.now(),
  stamps: () => {
    const s = stamps;
    stamps = undefined;
    return s;
  },
});

self.onmessage = (ev: MessageEvent<CompileRequest>) => {
  if (ev.data?.type !== "compile") return;
  enqueue(ev.data);
};
