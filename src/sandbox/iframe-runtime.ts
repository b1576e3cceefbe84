// The script that runs inside the sandboxed iframe (opaque origin: sandbox="allow-scripts"
// without allow-same-origin). It receives the engine worker's source text from the
// parent, starts workers from a Blob URL, relays run requests/replies, and runs the
// watchdog.
//
// Fresh realm per run: every run gets a new engine worker, terminated when the run ends,
// so nothing a module does to globals or built-ins outlives its run. The next worker is
// started (and parses the newest scenario text) while the current run is in flight, so
// an edit does not wait for a worker to start. Newest request wins: a run request that
// arrives while another runs stops that run at once (its result would be dropped anyway);
// one that arrives before the current worker has begun its run (a Python worker still
// restoring its interpreter) replaces the request that worker holds instead.
//
// Watchdog (docs/security.md): the engine reports each of its own entries into module
// code and its exit. When this frame is cross-origin isolated it hands every worker a
// SharedArrayBuffer the engine writes them into (src/sandbox/sharedSpans.ts), and the
// 25 ms tick reads it, timing a span from the first tick at which it had been entered;
// otherwise (an embed in another site's page, a host without the COEP header) the engine
// posts "enter"/"exit" messages (src/sandbox/spans.ts) and a span is timed from the
// moment its "enter" arrived. Nothing else counts: no message a module can cause resets
// a clock. A span open longer than the callback budget, or a
// run longer than RUN_BUDGET_MS, stops the run; the parent gets an error naming the
// module code and the simulated time, and the newest pending request runs next.
//
// Channels: the parent and this iframe talk over a MessagePort that the parent hands over
// with "init" (the only window message accepted, once, from `parent`); the iframe and
// each engine worker talk over another MessagePort handed to the worker first. Messages
// posted on a worker's global scope (what module code could reach) are never relayed.
//
// `iframeMain` is serialised with Function.prototype.toString into sandbox.html, so it
// must be self-contained: no imports, no references to module-level bindings (the
// shared feed's reader and the big-world threshold come in as its arguments, serialised
// the same way).
import { sharedSpanWatch, type SpanWatch } from "./sharedSpans.ts";
import { toSharedBytes } from "./sharedSnapshot.ts";
import { BIG_SCENARIO_CHARS } from "../worker/protocol.ts";

/** The iframe document's CSP: scripts inline/eval/blob only, no network at all. */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

/** `bigScenarioChars`: BIG_SCENARIO_CHARS (src/worker/protocol.ts). */
export function iframeMain(makeWatch: () => SpanWatch, shareBytes: typeof toSharedBytes, bigScenarioChars: number): void {
  type Span = { module: string; what: string; at: number; since: number };
  /**
   * `watch`: the shared feed (null: spans come as messages into `spans`/`last`);
   * `labels`: its label table, from the engine's "span-label" messages.
   */
  type Engine = {
    worker: Worker;
    port: MessagePort;
    spans: Map<number, Span>;
    last: Span | null;
    born: number;
    watch: SpanWatch | null;
    labels: Map<number, { module: string; what: string }>;
    spanMessages: number;
    /** Its Python interpreter is ready (it said "python-ready"); always true without Python. */
    ready: boolean;
    /** It was asked to warm its engine up (engine.worker.ts `warm`), once. */
    warmed: boolean;
    /** Shared with the worker (cross-origin isolated only): set to 1 to stop its warm-up. */
    interrupt: Int32Array | null;
  };
  /**
   * `checking`: its result went to the parent; the worker now runs the active cross-check.
   * `begun`: the worker said this run began (engine.worker.ts RunTaken); until then a newer
   * request goes to the same worker instead of a fresh one.
   */
  /** `spawnedAt`: the frame's worker count once this run's worker was taken (spares_during_run). */
  type Run = { engine: Engine; id: number; budget: number; started: number; checking: boolean; begun: boolean; req: Req; spawnedAt: number };
  type Req = { type: "run"; id: number; budgetMs?: unknown; scenarioText: unknown; scenarioFile: unknown };
  /** The whole run's wall-clock limit (what no single span catches: a module's async loop between callbacks). */
  const RUN_BUDGET_MS = 120000; // generous: a cold worker runs a 2,000-user hour in tens of seconds on a slow machine
  const DEFAULT_BUDGET_MS = 1000;
  const REPLIES = ["result", "scenario-invalid", "run-failed", "cross-check"];
  const MAX_LABELS = 1000; // sharedSpans.ts MAX_SPAN_LABELS
  // Shared memory needs cross-origin isolation (COOP + COEP on the app page and on this
  // document, allow="cross-origin-isolated" on the iframe: scripts/headers.ts).
  const shared = typeof SharedArrayBuffer === "function" && globalThis.crossOriginIsolated === true;
  let workerUrl = "";
  let port: MessagePort | null = null; // to the parent app
  // Started, idle, primed with `prime`; oldest (warmest) first. One for TypeScript; for
  // Python, PYTHON_SPARES: a restore from the snapshot takes longer than an edit's run, so
  // each spare gets that many runs' time to warm up.
  let spares: Engine[] = [];
  const PYTHON_SPARES = 2;
  let current: Run | null = null;
  let prime: { type: "prime"; scenarioText: unknown; scenarioFile: unknown } | null = null;
  // The newest primed text's parse, from an idle worker that had run no module code
  // (engine.worker.ts posts it in answer to a prime): later workers primed with the same
  // text take it instead of parsing the YAML again.
  let parsed: { scenarioText: unknown; scenarioFile: unknown; parsed: unknown } | null = null;
  const primeMessage = () =>
    prime && parsed && parsed.scenarioText === prime.scenarioText && parsed.scenarioFile === prime.scenarioFile ? { ...prime, parsed: parsed.parsed } : prime;
  // Pyodide's files (src/python/assets.ts), once the app has a .py module: every worker
  // started from then on loads Python before its run, so the spare is warm.
  let python: Record<string, unknown> | null = null;
  // Pyodide's memory snapshot with the synapse package imported (src/python/browser.ts),
  // made once by `maker`: the first Python worker takes it after its start and before it
  // looks at any run request (so before any module code), posts it here, then serves its
  // run as any worker. Each later worker restores it into its own fresh interpreter.
  // While it is being made no other Python worker starts (a second full start would
  // compete with it for the CPU).
  let snapshot: Uint8Array | Blob | null = null; // the maker's bytes, or the build's file (a Blob)
  /**
   * Cross-origin isolated: the snapshot moves into shared memory once, and every later
   * worker restores from it in place instead of reading 31 MB of its own
   * (src/sandbox/sharedSnapshot.ts). Until then workers get the Blob or bytes as before.
   * Called once a run has answered: reading and copying 31 MB while the page's first
   * Python run restores its interpreter would share the cores with it.
   */
  let sharing = false;
  function shareSnapshot(): void {
    const src = snapshot;
    if (!shared || sharing || !src) return;
    sharing = true;
    shareBytes(src).then((s) => {
      if (snapshot === src) snapshot = s;
    }, () => {}); // not shareable after all: the workers keep reading their own copy
  }
  let maker: Engine | null = null;
  let wasmCompileMs = 0;
  let compiling = false;
  let waiting: Req | null = null; // a run that came while the wasm compiled (it needs Python)
  // A Python run sent to a worker started for it (no spare was there: the first run, a burst)
  // waits for that worker's restore; spares started now would share the 2 cores with it, so
  // they start when it answers.
  let refillLater = false;
  // Until the app's editor is usable (its `editor-ready` message), a Python run's spares
  // wait even after it has answered: no edit can come before, and their restores would
  // share the 2 cores with Monaco's evaluation (docs/performance.md, Python modules).
  let editorReady = false;
  let pythonRunsSent = 0;
  let sparesBeforeEditor = 0; // Python spares started after a Python run began, before editor-ready (bench, tests)
  let restoresAtOnce = 0; // the most Python spares seen restoring together (bench, tests)
  let retargets = 0; // requests handed to a worker that had not begun its run (bench, tests)
  // An idle spare warms its engine up (engine.worker.ts `warm`: the primed scenario with
  // stand-in routers, interrupted by the next run) once no run has been in flight for
  // WARM_AFTER_MS: on 2 cores, warming while a run or the next edit's compile goes on
  // only slows them down (docs/fresh-realm-cost.md, session 13).
  // TypeScript only (a Python spare spends that time restoring its interpreter).
  const WARM_AFTER_MS = 200;
  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  function warmWhenIdle(): void {
    clearTimeout(warmTimer);
    if (python) return;
    warmTimer = setTimeout(() => {
      const sp = spares[0];
      if (current || python || !sp || sp.warmed) return;
      sp.warmed = true;
      sp.port.postMessage({ type: "warm" });
    }, WARM_AFTER_MS);
  }

  // A result's trace bytes and trace columns (src/worker/engine.worker.ts) are passed on, not copied.
  const toParent = (m: unknown) => {
    const transfer = new Set<ArrayBuffer>();
    if (obj(m) && m.traceJson instanceof ArrayBuffer) transfer.add(m.traceJson);
    if (obj(m) && obj(m.columns)) for (const c of Object.values(m.columns)) if (ArrayBuffer.isView(c) && c.buffer instanceof ArrayBuffer) transfer.add(c.buffer);
    port?.postMessage(m, [...transfer]);
  };
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  const secs = (at: number) => (at / 1000).toFixed(3);

  function spawn(role?: "snapshot"): Engine {
    const worker = new Worker(workerUrl);
    const ch = new MessageChannel();
    const connect = { type: "connect", python, ...(snapshot && { snapshot }), ...(role && { role }) };
    let watch = shared ? makeWatch() : null;
    let interrupt = shared ? new Int32Array(new SharedArrayBuffer(4)) : null;
    try {
      worker.postMessage(watch && interrupt ? { ...connect, spans: watch.buffer, interrupt: interrupt.buffer } : connect, [ch.port2]);
    } catch {
      watch = null; // the buffer could not be shared after all: the message feed
      interrupt = null;
      worker.postMessage(connect, [ch.port2]);
    }
    const e: Engine = { worker, port: ch.port1, spans: new Map(), last: null, born: performance.now(), watch, labels: new Map(), spanMessages: 0, ready: !python, warmed: false, interrupt };
    // Anything posted on the worker's global scope comes from module code, not the engine.
    worker.onmessage = () => {};
    worker.onerror = (ev) => {
      ev.preventDefault();
      onCrash(e, ev.message);
    };
    e.port.onmessage = (ev) => onEngine(e, ev.data);
    if (prime && !role) e.port.postMessage(primeMessage());
    return e;
  }

  let spawned = 0; // workers started on this page (bench, tests: spares_during_run)
  /** A new worker; with Python and no snapshot yet, the first one makes it. */
  function spawnWorker(): Engine {
    spawned++;
    if (python && !snapshot && !maker) return (maker = spawn("snapshot"));
    return spawn();
  }

  function refill(): void {
    refillLater = false;
    if (python && !snapshot && maker) return; // the snapshot comes first (see `maker`)
    // More than one only once the snapshot is there: a start without it is slow and heavy.
    // Python spares restore one at a time: the next starts when the last says it is ready
    // (two restores at once each take about twice as long, so the first is ready later).
    while (spares.length < (python && snapshot ? PYTHON_SPARES : 1)) {
      if (python && spares.some((sp) => !sp.ready)) return;
      spares.push(spawnWorker());
      if (python && pythonRunsSent > 0 && !editorReady) sparesBeforeEditor++;
      restoresAtOnce = Math.max(restoresAtOnce, spares.filter((sp) => !sp.ready).length);
    }
  }

  function stop(e: Engine): void {
    if (e === maker) maker = null; // stopped before it made the snapshot: the next worker makes it
    e.worker.terminate();
    e.port.close();
  }

  function onEngine(e: Engine, m: unknown): void {
    if (e === maker && obj(m) && (m.type === "python-snapshot" || m.type === "python-snapshot-failed")) {
      // Once per maker (made, or failed: the next worker tries again).
      if (m.type === "python-snapshot" && m.bytes instanceof Uint8Array) snapshot = m.bytes;
      maker = null;
      if (workerUrl) refill();
      return;
    }
    if (obj(m) && m.type === "python-ready") {
      e.ready = true;
      if (spares.includes(e) && !refillLater) refill();
      return;
    }
    if (obj(m) && m.type === "parsed") {
      // Only from a worker still idle (never sent a run, so no module code ran in it), and
      // only for the text it was primed with.
      if (spares.includes(e) && prime && m.scenarioText === prime.scenarioText && m.scenarioFile === prime.scenarioFile) {
        parsed = { scenarioText: m.scenarioText, scenarioFile: m.scenarioFile, parsed: m.parsed };
      }
      return;
    }
    if (!current || current.engine !== e || !obj(m)) return; // a stopped or idle engine: ignored
    if (m.type === "begun" || m.type === "refused") {
      // The worker began an older request than the newest it was handed (they crossed), or
      // refused the newest: the newest goes to a fresh worker.
      if (m.type === "begun" && m.id === current.id) current.begun = true;
      else if (!current.begun) {
        const req = current.req;
        stop(e);
        current = null;
        send(req);
      }
      return;
    }
    if (m.type === "span-label" && e.watch) {
      const i = m.index;
      if (typeof i === "number" && Number.isInteger(i) && i > 0 && i <= MAX_LABELS && !e.labels.has(i)) e.labels.set(i, { module: String(m.module), what: String(m.what) });
    } else if (m.type === "enter" && typeof m.seq === "number" && !e.watch) {
      e.spanMessages++;
      const span = { module: String(m.module), what: String(m.what), at: Number(m.at) || 0, since: performance.now() };
      e.spans.set(m.seq, span);
      e.last = span;
    } else if (m.type === "exit" && !e.watch) {
      e.spanMessages++;
      e.spans.delete(m.seq as number);
    } else if (m.type === "progress" && m.id === current.id && !current.checking) {
      // Shown as a progress bar; never counted as a sign of life (the watchdog reads spans).
      toParent({ type: "progress", id: m.id, done: m.done });
    } else if (typeof m.type === "string" && REPLIES.includes(m.type) && m.id === current.id) {
      // A cross-check only after its run's result, and a result only once.
      if ((m.type === "cross-check") !== current.checking) return;
      // Wall-clock stages for the bench (never in the trace): how long this worker had
      // been warming up as the spare, and the frame's one wasm compile.
      // span_feed: 1 = shared memory, 0 = messages (span_messages of them so far).
      if (obj(m.timing)) Object.assign(m.timing, { frame_received_at: performance.timeOrigin + performance.now(), spare_age: current.started - e.born, wasm_compile: wasmCompileMs, span_feed: e.watch ? 1 : 0, span_messages: e.spanMessages, retargets, restores_at_once: restoresAtOnce, spares_before_editor: sparesBeforeEditor, spares_during_run: spawned - current.spawnedAt });
      toParent(m);
      shareSnapshot();
      if (refillLater && editorReady) refill();
      // The graph's result first; the worker goes on with the cross-check, under the same watchdog.
      if (m.type === "result" && m.crossCheckFollows === true) current.checking = true;
      else end();
    }
  }

  function onCrash(e: Engine, why: string): void {
    if (spares.includes(e)) {
      stop(e);
      spares = spares.filter((x) => x !== e);
      return;
    }
    if (!current || current.engine !== e) return;
    const open = e.watch ? (e.watch.open() ? lastEntered(e) : null) : e.spans.size ? e.last : null;
    const c = open ? ` while ${open.module} ${open.what} was running (at simulated ${secs(open.at)} s)` : "";
    fail(`The engine worker stopped with an uncaught error${c}: ${why || "unknown error (out of memory?)"}. The run was stopped; the next run uses a fresh worker.`);
  }

  function fail(message: string, culprit?: Span): void {
    if (!current) return;
    if (current.checking) {
      // The run's result is on screen: only its cross-check stopped.
      const skipped = message.replace("the run was stopped", "the cross-check was stopped (the run's graph stands)").replace(/\.+$/, "");
      toParent({ type: "cross-check", id: current.id, crossCheck: { instants: [], probes: [], skipped }, ms: performance.now() - current.started });
      end();
      return;
    }
    const where = culprit ? { callback: culprit.what.split(" ")[0], at: culprit.at, file: culprit.module.split("#")[0] } : {};
    toParent({ type: "run-failed", id: current.id, error: { kind: "module", message, ...where } });
    end();
  }

  /** The current run is over: its worker goes (fresh realm per run). */
  function end(): void {
    if (current) stop(current.engine);
    current = null;
    if (refillLater && editorReady) refill();
    warmWhenIdle();
  }

  function send(req: Req): void {
    clearTimeout(warmTimer);
    const budget = typeof req.budgetMs === "number" && req.budgetMs > 0 ? req.budgetMs : DEFAULT_BUDGET_MS;
    const primed = prime;
    prime = { type: "prime", scenarioText: req.scenarioText, scenarioFile: req.scenarioFile };
    const reprime = primed?.scenarioText !== prime.scenarioText || primed?.scenarioFile !== prime.scenarioFile;
    if (current && !current.begun && !current.checking) {
      // Its worker has not begun (a Python worker still restoring): it takes the newer
      // request instead, so a burst of edits costs one fresh worker, not one per edit.
      current = { ...current, id: req.id, budget, started: performance.now(), req };
      current.engine.port.postMessage(req);
      retargets++;
      if (reprime) for (const sp of spares) sp.port.postMessage(primeMessage());
      return;
    }
    if (current) stop(current.engine); // newest wins: the older run's result would be dropped
    const cold = !spares.length;
    const e = spares.shift() ?? spawnWorker();
    // Idle spares parse the newest scenario text ahead too.
    if (reprime) for (const sp of spares) sp.port.postMessage(primeMessage());
    current = { engine: e, id: req.id, budget, started: performance.now(), checking: false, begun: false, req, spawnedAt: spawned };
    if (e.interrupt) Atomics.store(e.interrupt, 0, 1); // a warm-up in progress stops at once
    e.port.postMessage(req);
    if (python) pythonRunsSent++;
    // A cold Python run's spares start when it answers; before the editor is ready, any
    // Python run's spares wait for the editor too (see editorReady).
    if (python && (cold || !editorReady)) refillLater = true;
    // A big world's spare would parse its text while this run goes on (the 10,000-user
    // world: 1.1 MB of YAML, seconds of CPU and garbage on the second core, which the run's
    // own garbage collection needs): it starts once the run has answered.
    else if (typeof req.scenarioText === "string" && req.scenarioText.length > bigScenarioChars) refillLater = true;
    else refill(); // the next runs' workers start (and parse) while this one runs
  }

  /** A span of the shared feed with its label's names ("module code" for a label not (yet) known). */
  function named(e: Engine, s: { label: number; at: number }, since: number): Span {
    const l = e.labels.get(s.label);
    return { module: l?.module ?? "module code", what: l?.what ?? "(unnamed)", at: s.at, since };
  }

  function lastEntered(e: Engine): Span | null {
    if (!e.watch) return e.last;
    const l = e.watch.last();
    return l ? named(e, l, 0) : null;
  }

  /** The oldest open span if it has been open longer than the budget (on this frame's clock). */
  function stuckSpan(e: Engine, now: number, budget: number): Span | null {
    if (e.watch) {
      const o = e.watch.stuck(now, budget);
      return o ? named(e, o, o.since) : null;
    }
    let oldest: Span | null = null;
    for (const sp of e.spans.values()) if (!oldest || sp.since < oldest.since) oldest = sp;
    return oldest && now - oldest.since > budget ? oldest : null;
  }

  setInterval(() => {
    if (!current) return;
    const now = performance.now();
    const oldest = stuckSpan(current.engine, now, current.budget);
    if (oldest) {
      fail(`${oldest.module} ${oldest.what} did not return within ${current.budget} ms (at simulated ${secs(oldest.at)} s): the run was stopped. Look for an endless loop.`, oldest);
    } else if (now - current.started > RUN_BUDGET_MS) {
      const last = lastEntered(current.engine);
      const c = last ? `; module code entered last: ${last.module} ${last.what} (at simulated ${secs(last.at)} s)` : "";
      fail(`The run did not finish within ${RUN_BUDGET_MS / 1000} s (the playground's limit for one run) and was stopped${c}.`);
    }
  }, 25); // the shared feed sees a span at the first tick after its entry: at most one tick late

  function onPort(ev: MessageEvent): void {
    const m: unknown = ev.data;
    if (obj(m) && m.type === "python-assets" && !python && m.wasm instanceof Blob) {
      // The build's snapshot (src/python/vite-plugin.ts): no worker needs to make one.
      if (m.snapshot instanceof Blob && m.snapshot.size > 0 && !snapshot) snapshot = m.snapshot;
      python = { ...m, snapshot: undefined };
      // Compiled once here, then shared with every worker (same agent cluster): a worker
      // instantiates it instead of compiling 10 MB of WebAssembly again. Workers with
      // Python start once it is compiled, so no worker compiles it a second time.
      const t = performance.now();
      compiling = true;
      const ready = (mod: WebAssembly.Module | null) => {
        wasmCompileMs = performance.now() - t;
        compiling = false;
        // With the module, a worker never reads the wasm bytes: 10 MB less to copy per worker.
        if (mod) python = { ...m, snapshot: undefined, module: mod, wasm: new Blob([]) };
        if (!workerUrl) return;
        // The idle spare has no Python: replace it with the maker (the first Python run's).
        for (const sp of spares) stop(sp);
        spares = [];
        if (waiting) send(waiting); // its worker first (see refillLater)
        else refill();
        waiting = null;
      };
      m.wasm.arrayBuffer().then((b) => WebAssembly.compile(b)).then(ready, () => ready(null));
      return;
    }
    if (obj(m) && m.type === "editor-ready") {
      editorReady = true;
      // A cold run that has answered (or none running): its spares start now.
      if (refillLater && (!current || current.checking)) refill();
      return;
    }
    if (!obj(m) || m.type !== "run" || typeof m.id !== "number" || !workerUrl) return;
    if (compiling) waiting = m as Req;
    else send(m as Req);
  }

  function onWindow(ev: MessageEvent): void {
    // Only the parent, only once, and only with the port the rest goes through.
    if (ev.source !== parent || port) return;
    const m: unknown = ev.data;
    if (!obj(m) || m.type !== "init" || typeof m.source !== "string" || !ev.ports[0]) return;
    removeEventListener("message", onWindow);
    port = ev.ports[0];
    port.onmessage = onPort;
    workerUrl = URL.createObjectURL(new Blob([m.source], { type: "text/javascript" }));
    refill();
    toParent({ type: "sandbox-started", spanFeed: shared ? "shared" : "messages" });
  }
  addEventListener("message", onWindow);
  parent.postMessage({ type: "sandbox-ready" }, "*");
}

/** The iframe's document, served as its own file (see vite-plugin.ts). */
export const SANDBOX_FILE = "sandbox.html";

export function sandboxDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    `<title>engine sandbox</title></head><body><script>(${iframeMain.toString()})(${sharedSpanWatch.toString()}, ${toSharedBytes.toString()}, ${BIG_SCENARIO_CHARS});</script></body></html>\n`;
}
