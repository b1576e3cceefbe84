/// <reference lib="webworker" />
// The engine worker. Bundled into one self-contained script (vite.config.ts,
// `virtual:engine-worker`) and started from a Blob URL inside the sandboxed iframe
// (src/sandbox/iframe-runtime.ts), so user module code runs in an opaque origin with a
// CSP that forbids every network request. It parses the scenario, evaluates the
// compiled modules and runs the engine; spans of module code (src/sandbox/spans.ts) feed
// the iframe's watchdog. Each worker serves exactly one run: the frame starts a fresh one
// for every run (a fresh realm), so nothing a module does to globals or built-ins
// outlives its run. While idle it may be asked to parse the next run's scenario ahead.
import { crossCheck, execute, parse, toDiagnostic, type ParsedScenario } from "../pipeline/index.ts";
import { warmUp } from "../pipeline/warm.ts";
import { splitForPost } from "../trace/columns.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { hostWithSpans, watchedHost, type EnterSpan } from "../sandbox/spans.ts";
import { sharedSpans } from "../sandbox/sharedSpans.ts";
import { PROGRESS_EVERY_MS, type PrimeRequest, type PythonReady, type RunReply, type RunRequest, type RunTaken, type ScenarioParsed, type SpanMark, type WarmRequest, type WireMessage } from "./protocol.ts";
import { lockdown } from "../sandbox/lockdown.ts";
import { isPythonAssets } from "../python/assets.ts";
import { startPyodideInWorker, takeSnapshot } from "../python/browser.ts";
import { prepareBridge, type PyodideLike } from "../python/host.ts";

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
const stringify = JSON.stringify;
const encode = TextEncoder.prototype.encode;
const encoder = new TextEncoder();
let port: MessagePort | null = null;
const isolated = self.crossOriginIsolated === true; // bench/tests: whether shared memory was possible here
// The watchdog's shared-memory feed (src/sandbox/sharedSpans.ts) when the frame handed
// over a SharedArrayBuffer (it is cross-origin isolated); else spans go as messages.
let sharedFeed: EnterSpan | null = null;

/**
 * The trace travels as UTF-8 JSON in an ArrayBuffer that is transferred, not cloned, on
 * both hops (worker → frame → app): a structured clone of 5,000+ event objects, twice,
 * cost more than the run itself for 1,000 users. The app decodes and checks it
 * (src/sandbox/reply.ts).
 */
function wire(m: RunReply | SpanMark): [WireMessage, Transferable[]] {
  if (m.type !== "result") return [m, []];
  const { trace, ...rest } = m;
  const t = performance.now();
  // Events and deliveries go as columns, their buffers transferred too (src/trace/columns.ts).
  const split = splitForPost(trace);
  const bytes = (apply(encode, encoder, [stringify(split?.trace ?? trace)]) as Uint8Array).buffer as ArrayBuffer;
  // Bench stages: the encoding's own time, and the post stamped after it.
  if (rest.timing) Object.assign(rest.timing, { encode: performance.now() - t, worker_posted_at: performance.timeOrigin + performance.now() });
  return [{ ...rest, traceJson: bytes, ...(split && { columns: split.columns }) }, [bytes, ...(split?.transfer ?? [])]];
}

function post(m: RunReply | SpanMark): void {
  try {
    apply(portPost, port, wire(m));
  } catch (e) {
    // A reply that cannot be cloned (a module smuggled a function into the trace).
    if (m.type === "result") {
      apply(portPost, port, [{ type: "run-failed", id: m.id, error: { kind: "module", message: `The run result could not be sent: ${String(e)}` } }]);
    } else if (m.type === "cross-check") {
      apply(portPost, port, [{ type: "cross-check", id: m.id, crossCheck: { instants: [], probes: [], skipped: `its result could not be sent: ${String(e)}` }, ms: 0 }]);
    }
  }
}

// The frame primes an idle worker with the scenario text of the newest run, so that the
// parse (YAML + validation of a 1,000-user scenario takes 100-400 ms) is done before the
// next edit's run arrives; the run reuses it when the text is the same. The first worker
// primed with a text parses it and posts the parse back; the frame hands that to every
// later worker primed with the same text, so an unchanged scenario is parsed once per page.
let lastParse: { text: string; file: string; parsed: ParsedScenario; handed?: boolean } | null = null;
function parseCached(text: string, file: string): ParsedScenario {
  if (!lastParse || lastParse.text !== text || lastParse.file !== file) {
    lastParse = { text, file, parsed: parse({ text, path: file }) };
  }
  return lastParse.parsed; // used by one run only: the worker ends with it
}

async function run(): Promise<void> {
  const received = performance.timeOrigin + performance.now();
  // Python: the interpreter first; a warm-up in progress ends first too. A newer request
  // that comes meanwhile replaces `held`.
  await warming;
  const py = await python;
  const req = held!;
  begun = true;
  apply(portPost, port, [{ type: "begun", id: req.id } satisfies RunTaken]);
  const t0 = performance.now(); // wall time for the status bar only, never in the trace
  const parsed = parseCached(req.scenarioText, req.scenarioFile);
  const handed = lastParse?.handed === true; // the frame's copy of an earlier worker's parse
  const tParse = performance.now();
  if (!parsed.ok) {
    post({ type: "scenario-invalid", id: req.id, diagnostics: parsed.errors.map(toDiagnostic) });
    return;
  }
  const feed = sharedFeed;
  const host = (compiled: RunRequest["compileResult"]) => (feed ? hostWithSpans(createModuleHost(compiled), feed) : watchedHost(createModuleHost(compiled), post));
  const t1 = performance.now();
  const loadPython = () => (py.ok ? Promise.resolve(py.py) : Promise.reject(new Error(py.why)));
  // The progress bar: the first report after PROGRESS_EVERY_MS, then at most that often.
  let progressAt = t1 + PROGRESS_EVERY_MS;
  const onProgress = (done: number) => {
    const now = performance.now();
    if (now < progressAt) return;
    progressAt = now + PROGRESS_EVERY_MS;
    post({ type: "progress", id: req.id, done });
  };
  const options = { host, measure: true, python: loadPython };
  let ran = false;
  try {
    const { trace, hints } = await execute(parsed, req.compileResult, { ...options, onProgress });
    const t2 = performance.now();
    // Wall-clock stages for the bench (RunTiming): never part of the trace.
    const timing = { ...(py.ok ? py.timing : {}), worker_isolated: isolated ? 1 : 0, parse: tParse - t0, parse_handed: handed ? 1 : 0, python_wait: performance.timeOrigin + t0 - received, run: t2 - t1, warmed: warmMs, worker_received_at: received, worker_posted_at: performance.timeOrigin + performance.now(), ...(replaced && { replaced }) };
    // The graph first; the active cross-check (the scenario again, with probes:
    // src/engine/crosscheck.ts) follows in this worker, which the frame keeps until then.
    const follows = trace.errors.length === 0;
    post({ type: "result", id: req.id, trace, ms: t2 - t0, warnings: parsed.warnings.map(toDiagnostic), hints, timing, ...(follows && { crossCheckFollows: true }) });
    ran = true;
    if (!follows) return;
    const check = await crossCheck(parsed, req.compileResult, options);
    post({ type: "cross-check", id: req.id, crossCheck: check, ms: performance.now() - t2 });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const message = `The engine stopped: ${err.message}`;
    if (ran) post({ type: "cross-check", id: req.id, crossCheck: { instants: [], probes: [], skipped: `the check stopped: ${err.message}` }, ms: 0 });
    else post({ type: "run-failed", id: req.id, error: { kind: "module", message } });
  }
}

// Warm-up (src/pipeline/warm.ts): when the frame sees the page idle it asks its spare to
// run the primed scenario through the engine with stand-in routers of ours (never the
// user's modules). A run request that comes meanwhile waits for it (`warming`, awaited by
// run()), so the two never interleave: with the frame's interrupt flag (shared memory,
// set before it sends the run) the warm-up stops at its next progress report, so it may
// go on for up to three passes or WARM_MS; without the flag, one pass of at most
// WARM_BLIND_MS.
const WARM_MS = 600;
const WARM_BLIND_MS = 120;
let interrupt: Int32Array | null = null;
let warmMs = 0;
let warming: Promise<void> | null = null;
async function warm(): Promise<void> {
  const p = lastParse?.parsed;
  if (held || begun || warmMs || !p?.ok) return;
  const flag = interrupt;
  const opts = flag ? { budgetMs: WARM_MS, passes: 3, interrupted: () => Atomics.load(flag, 0) !== 0 } : { budgetMs: WARM_BLIND_MS };
  try {
    warmMs = (await warmUp(p, opts)).ms;
  } catch {
    warmMs = -1; // an engine error: the real run will report it if it has one
  }
}

// One run per worker; a prime only before it. `held`: the run request this worker will
// serve, replaced by a newer one until the run begins (`begun`, after Python's start);
// `replaced`: how many it replaced (bench timing).
let held: RunRequest | null = null;
let begun = false;
let replaced = 0;
function onPort(ev: MessageEvent): void {
  const m = apply(dataOf, ev, []) as RunRequest | PrimeRequest | WarmRequest;
  if (m?.type === "run" && begun) {
    // Module code may have run here: this request needs a fresh worker (the frame's job).
    apply(portPost, port, [{ type: "refused", id: m.id } satisfies RunTaken]);
    return;
  }
  if (held) {
    if (m?.type === "run") {
      held = m;
      replaced++;
    }
    return;
  }
  if (m?.type === "warm") {
    warming = warm();
    return;
  }
  if (m?.type === "prime") {
    if (m.parsed) {
      // Parsed by an earlier worker before it ran any module code (the frame's cache).
      lastParse = { text: m.scenarioText, file: m.scenarioFile, parsed: m.parsed, handed: true };
      return;
    }
    const parsed = parseCached(m.scenarioText, m.scenarioFile);
    // No module code has run in this worker (a prime only comes before its run): the
    // frame may hand this parse to the next workers (ScenarioParsed).
    const note: ScenarioParsed = { type: "parsed", scenarioText: m.scenarioText, scenarioFile: m.scenarioFile, parsed };
    try {
      apply(portPost, port, [note]);
    } catch {
      // Not cloneable (it always is: plain data); the next workers parse for themselves.
    }
    return;
  }
  if (m?.type !== "run") return;
  held = m;
  void run();
}
// Pyodide, when the frame handed over its files: loaded (from the frame's memory snapshot
// once there is one) and its bridge prepared before lockdown, while the worker waits as
// the spare; awaited by the run (a run without .py modules never asks for it).
type PythonState = { ok: true; py: PyodideLike; timing: Record<string, number> } | { ok: false; why: string };
let python: Promise<PythonState> = Promise.resolve({ ok: false, why: "Python is not loaded in this worker" });

/**
 * `makeSnapshot`: this worker is the frame's snapshot maker. It takes Pyodide's memory
 * snapshot right after the start and the synapse package's import, posts it, and only
 * then resolves `python`: the run request waits for that, so no module code has run in
 * this interpreter when the snapshot is taken.
 */
async function startPython(assets: Parameters<typeof startPyodideInWorker>[0], snapshot: Uint8Array | Blob | undefined, makeSnapshot: boolean, connect: number): Promise<PythonState> {
  try {
    const { py, timing } = await startPyodideInWorker(assets, snapshot ? { snapshot } : { makeSnapshot });
    timing.connect = connect;
    if (makeSnapshot) {
      const t = performance.now();
      try {
        const bytes = takeSnapshot(py);
        apply(portPost, port, [{ type: "python-snapshot", bytes }, [bytes.buffer]]);
      } catch (e) {
        apply(portPost, port, [{ type: "python-snapshot-failed", why: String(e) }]);
      }
      timing.make_snapshot = performance.now() - t;
    }
    const t = performance.now();
    prepareBridge(py);
    return { ok: true, py, timing: { ...timing, bridge: performance.now() - t } };
  } catch (e) {
    return { ok: false, why: `Python (Pyodide) could not start: ${e instanceof Error ? e.message : String(e)}` };
  }
}

self.onmessage = (ev: MessageEvent) => {
  if (port) return;
  const p = (apply(portsOf, ev, []) as readonly MessagePort[])[0];
  if (!p) return;
  port = p;
  port.onmessage = onPort;
  self.onmessage = null;
  const t = performance.now();
  const m = apply(dataOf, ev, []) as { python?: unknown; snapshot?: unknown; role?: unknown; spans?: unknown; interrupt?: unknown } | null;
  // Bench stage (RunTiming `connect`): reading the message (Pyodide's files are Blobs: handles, not bytes).
  const connect = performance.now() - t;
  // Made here, before any module code can run in this realm (see sharedSpans.ts).
  if (typeof SharedArrayBuffer === "function" && m?.spans instanceof SharedArrayBuffer) {
    sharedFeed = sharedSpans(m.spans, (label) => apply(portPost, port, [label]));
  }
  if (typeof SharedArrayBuffer === "function" && m?.interrupt instanceof SharedArrayBuffer && m.interrupt.byteLength >= 4) interrupt = new Int32Array(m.interrupt, 0, 1);
  const assets = m?.python;
  if (isPythonAssets(assets)) {
    python = startPython(assets, m?.snapshot instanceof Uint8Array || m?.snapshot instanceof Blob ? m.snapshot : undefined, m?.role === "snapshot", connect);
    void python.then(() => {
      lockdown(self);
      // The frame starts the next spare's restore only now: one restore at a time is ready
      // sooner than two sharing the cores (src/sandbox/iframe-runtime.ts refill).
      apply(portPost, port, [{ type: "python-ready" } satisfies PythonReady]);
    });
    // No module code runs before this: run() awaits `python` first.
  } else {
    lockdown(self);
  }
};
