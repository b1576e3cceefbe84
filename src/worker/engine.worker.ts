/// <reference lib="webworker" />
// The engine worker. Bundled into one self-contained script (vite.config.ts,
// `virtual:engine-worker`) and started from a Blob URL inside the sandboxed iframe
// (src/sandbox/iframe-runtime.ts), so user module code runs in an opaque origin with a
// CSP that forbids every network request. It parses the scenario, evaluates the
// compiled modules and runs the engine; marks around module callbacks feed the
// iframe's watchdog.
import { execute, parse, toDiagnostic, type ParsedScenario } from "../pipeline/index.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { markedHost } from "../sandbox/worker-callback-marks.ts";
import type { CallbackMark, RunReply, RunRequest } from "./protocol.ts";
import { lockdown } from "../sandbox/lockdown.ts";

declare const self: DedicatedWorkerGlobalScope;

// The engine talks to the sandbox iframe only over the MessagePort it is handed first
// (src/sandbox/iframe-runtime.ts). Module code shares this realm, so everything the
// channel needs is captured before any module runs: the port itself (never reachable
// from module code), postMessage and the event's data getter (a module may patch
// prototypes later). Then lockdown() removes the worker's ways out.
const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")!.get!;
const portsOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "ports")!.get!;
let port: MessagePort | null = null;

function post(m: RunReply | CallbackMark | { type: "pong" }): void {
  try {
    apply(portPost, port, [m]);
  } catch (e) {
    // A reply that cannot be cloned (a module smuggled a function into the trace).
    if (m.type === "result") {
      apply(portPost, port, [{ type: "run-failed", id: m.id, error: { kind: "module", message: `The run result could not be sent: ${String(e)}` } }]);
    }
  }
}

// Module edits re-run with the same scenario text: reuse its parse (YAML + validation
// of a 1,000-user scenario takes 100-400 ms). Each run gets its own structured clone of
// the pristine parse, so nothing a module does to its config reaches the next run.
let lastParse: { text: string; file: string; parsed: ParsedScenario } | null = null;
function parseCached(text: string, file: string): ParsedScenario {
  if (!lastParse || lastParse.text !== text || lastParse.file !== file) {
    lastParse = { text, file, parsed: parse({ text, path: file }) };
  }
  try {
    return structuredClone(lastParse.parsed);
  } catch {
    lastParse = null; // not cloneable: parse afresh every time
    return parse({ text, path: file });
  }
}

async function run(req: RunRequest): Promise<void> {
  const t0 = performance.now(); // wall time for the status bar only, never in the trace
  const parsed = parseCached(req.scenarioText, req.scenarioFile);
  if (!parsed.ok) {
    post({ type: "scenario-invalid", id: req.id, diagnostics: parsed.errors.map(toDiagnostic) });
    return;
  }
  const host = (compiled: RunRequest["compileResult"]) =>
    markedHost(createModuleHost(compiled), () => parsed.scenario.start_time, (phase, seq, module, callback, at) =>
      post({ type: "callback", phase, seq, module, callback, at }),
    );
  try {
    const { trace, hints } = await execute(parsed, req.compileResult, { host, measure: true });
    post({ type: "result", id: req.id, trace, ms: performance.now() - t0, warnings: parsed.warnings.map(toDiagnostic), hints });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "run-failed", id: req.id, error: { kind: "module", message: `The engine stopped: ${err.message}` } });
  }
}

// One run at a time, in arrival order (the iframe sends only the newest).
let chain: Promise<void> = Promise.resolve();
function onPort(ev: MessageEvent): void {
  const m = apply(dataOf, ev, []) as RunRequest | { type: "ping" };
  if (m?.type === "ping") return post({ type: "pong" });
  if (m?.type !== "run") return;
  chain = chain.then(() => run(m));
}
self.onmessage = (ev: MessageEvent) => {
  if (port) return;
  const p = (apply(portsOf, ev, []) as readonly MessagePort[])[0];
  if (!p) return;
  port = p;
  port.onmessage = onPort;
  self.onmessage = null;
  lockdown(self);
};
