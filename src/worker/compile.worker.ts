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

function init(): Promise<void> {
  ready ??= esbuild.initialize({ wasmURL, worker: false });
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
