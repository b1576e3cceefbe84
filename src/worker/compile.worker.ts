/// <reference lib="webworker" />
// The compile worker: esbuild-wasm, initialised once, compiling the user's module files
// with the pipeline's compile stage (src/pipeline/compile.ts, free of the engine). One
// compile runs at a time; while it runs only the newest pending request is kept, so
// typing never queues up stale work.
import * as esbuild from "esbuild-wasm/esm/browser.js";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { compile } from "../pipeline/compile.ts";
import type { CompileReply, CompileRequest, CompileOutput } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

let ready: Promise<void> | null = null;
let busy = false;
let pending: CompileRequest | null = null;

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

// Started by the first request (the runner sends one as soon as it creates this worker);
// a failure rejects that compile and every later one, and the runner replaces the worker.
function init(): Promise<void> {
  ready ??= compileWasm().then((wasmModule) => esbuild.initialize({ wasmModule, worker: false }));
  return ready;
}

async function pump(): Promise<void> {
  if (busy) return;
  while (pending) {
    const req = pending;
    pending = null;
    busy = true;
    try {
      await init();
      const t0 = performance.now(); // wall time for the status bar only
      const result: CompileOutput = await compile(esbuild, req.files, req.entries);
      post({ type: "compiled", id: req.id, result, ms: performance.now() - t0 });
    } catch (e) {
      post({ type: "compile-failed", id: req.id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      busy = false;
    }
  }
}

function post(m: CompileReply): void {
  self.postMessage(m);
}

self.onmessage = (ev: MessageEvent<CompileRequest>) => {
  if (ev.data?.type !== "compile") return;
  pending = ev.data; // newest wins: an older pending request is dropped here
  void pump();
};
