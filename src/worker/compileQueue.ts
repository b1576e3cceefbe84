// The compile worker's loop, free of esbuild-wasm and of the worker global so that Node
// tests can drive it (src/worker/compile.worker.ts wires it to the real ones). One
// compile runs at a time; while it runs only the newest pending request is kept, so
// typing never queues up stale work.
//
// esbuild is loaded by the first compile that calls it, not by the first request: a
// scenario whose modules are all Python compiles without it (its .py files go to Pyodide
// as source), so opening a Python example never waits for esbuild's 14 MB of wasm, nor
// shares the CPU with its compile.
import { compile } from "../pipeline/compile.ts";
import type { EsbuildLike } from "../compile/types.ts";
import type { CompileReply, CompileRequest } from "./protocol.ts";

export interface CompileQueueDeps {
  /** Loads and initialises esbuild once; a rejection fails every compile that needs it. */
  loadEsbuild(): Promise<EsbuildLike>;
  post(m: CompileReply): void;
  /** Bench stamps to send with the next reply (then cleared), e.g. when esbuild finished loading. */
  stamps?(): Record<string, number> | undefined;
  /** Wall-clock ms for the status bar only (performance.now in the worker). */
  now(): number;
}

export function createCompileQueue(deps: CompileQueueDeps): (req: CompileRequest) => void {
  let ready: Promise<EsbuildLike> | null = null;
  let busy = false;
  let pending: CompileRequest | null = null;
  /** Time the current compile spent waiting for esbuild's load (not compile time). */
  let waited = 0;
  const lazy: EsbuildLike = {
    build: (async (options: Parameters<EsbuildLike["build"]>[0]) => {
      const t = deps.now();
      const es = await (ready ??= deps.loadEsbuild());
      waited += deps.now() - t;
      return es.build(options);
    }) as EsbuildLike["build"],
  };

  async function pump(): Promise<void> {
    if (busy) return;
    while (pending) {
      const req = pending;
      pending = null;
      busy = true;
      try {
        const t0 = deps.now();
        waited = 0;
        const result = await compile(lazy, req.files, req.entries);
        const timing = deps.stamps?.();
        deps.post({ type: "compiled", id: req.id, result, ms: deps.now() - t0 - waited, ...(timing && { timing }) });
      } catch (e) {
        deps.post({ type: "compile-failed", id: req.id, message: e instanceof Error ? e.message : String(e) });
      } finally {
        busy = false;
      }
    }
  }

  return (req) => {
    pending = req; // newest wins: an older pending request is dropped here
    void pump();
  };
}
