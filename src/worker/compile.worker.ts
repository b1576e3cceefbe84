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

let busy = false;
let pending: CompileRequest | null = null;

/**
 * The 14 MB wasm is fetched and compiled from the moment this worker starts, before the
 * first request arrives: streaming compilation overlaps the download, and the served
 * file is cacheable for good (hashed name, scripts/headers.ts), so Chrome keeps the
 * compiled code for the next visit. A server that does not say application/wasm makes
 * compileStreaming fail: then the bytes are compiled the slow way.
 */
async function compileWasm(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmURL));
  } catch {
    return WebAssembly.compile(await (await fetch(wasmURL)).arrayBuffer());
  }
}

const ready: Promise<void> = compileWasm().then((wasmModule) => esbuild.initialize({ wasmModule, worker: false }));
// A failure is reported with the first compile (pump); this keeps it from being unhandled.
ready.catch(() => {});

function init(): Promise<void> {
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
