// The browser's PlaygroundDeps: the page's storage, location, history, window and
// document, real timers and clock, the compile worker and the sandboxed engine iframe,
// the build-time default run. Only main.tsx calls this; tests build their own deps.
import type { PlaygroundDeps } from "./playground.ts";
import type { EmbedMode } from "./share/session.ts";
import type { WorkerLike } from "./runner.ts";
import CompileWorker from "../worker/compile.worker.ts?worker";
import { EngineSandbox, prefetchPython } from "../sandbox/iframe-client.ts";
import shipped from "virtual:default-run";
import pythonSnapshot from "virtual:python-snapshot"; // a file name (a few bytes): known at once
import { getBudgetMs } from "../sandbox/budget.ts";
import { afterEditorReady, afterFirstGraph, currentEdit, graphCommitted, noteCompiled, noteCompileStamps, noteTiming, tagTrace } from "./boot/perf.ts";

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

export function browserDeps(embed: EmbedMode): PlaygroundDeps {
  return {
    localStorage: () => window.localStorage,
    sessionStorage: () => window.sessionStorage,
    location: window.location,
    history: window.history,
    window,
    document,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (t) => window.clearTimeout(t as number),
    now: () => Date.now(),
    newId,
    embed,
    workers: {
      compiler: () => new CompileWorker() as unknown as WorkerLike,
      sandbox: async (onReply) => {
        const { default: source } = await import("virtual:engine-worker");
        return new EngineSandbox(source, onReply, pythonSnapshot);
      },
      prefetchPython: () => void prefetchPython(pythonSnapshot).catch(() => {}), // a run reports a failure
    },
    shipped,
    budgetMs: getBudgetMs,
    perf: { currentEdit, noteCompiled, tagTrace, graphCommitted, noteTiming, noteCompileStamps, afterFirstGraph: () => afterFirstGraph(), afterEditorReady: () => afterEditorReady() },
  };
}
