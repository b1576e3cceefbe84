// The script that runs inside the sandboxed iframe (opaque origin: sandbox="allow-scripts"
// without allow-same-origin). It receives the engine worker's source text from the
// parent, starts workers from a Blob URL, relays run requests/replies, and runs the
// watchdog.
//
// Fresh realm per run: every run gets a new engine worker, terminated when the run ends,
// so nothing a module does to globals or built-ins outlives its run. The next worker is
// started (and parses the newest scenario text) while the current run is in flight, so
// an edit does not wait for a worker to start. Newest request wins: a run request that
// arrives while another runs stops that run at once (its result would be dropped anyway).
//
// Watchdog (docs/security.md): the engine posts "enter"/"exit" around each of its own
// entries into module code (src/sandbox/spans.ts); this frame times every open span on
// its own clock from the moment it heard "enter". Nothing else counts: no message a
// module can cause resets a clock. A span open longer than the callback budget, or a
// run longer than RUN_BUDGET_MS, stops the run; the parent gets an error naming the
// module code and the simulated time, and the newest pending request runs next.
//
// Channels: the parent and this iframe talk over a MessagePort that the parent hands over
// with "init" (the only window message accepted, once, from `parent`); the iframe and
// each engine worker talk over another MessagePort handed to the worker first. Messages
// posted on a worker's global scope (what module code could reach) are never relayed.
//
// `iframeMain` is serialised with Function.prototype.toString into sandbox.html, so it
// must be self-contained: no imports, no references to module-level bindings.

/** The iframe document's CSP: scripts inline/eval/blob only, no network at all. */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

export function iframeMain(): void {
  type Span = { module: string; what: string; at: number; since: number };
  type Engine = { worker: Worker; port: MessagePort; spans: Map<number, Span>; last: Span | null };
  type Run = { engine: Engine; id: number; budget: number; started: number };
  type Req = { type: "run"; id: number; budgetMs?: unknown; scenarioText: unknown; scenarioFile: unknown };
  /** The whole run's wall-clock limit (what no single span catches: a module's async loop between callbacks). */
  const RUN_BUDGET_MS = 120000; // generous: a cold worker runs a 2,000-user hour in tens of seconds on a slow machine
  const DEFAULT_BUDGET_MS = 1000;
  const REPLIES = ["result", "scenario-invalid", "run-failed"];
  let workerUrl = "";
  let port: MessagePort | null = null; // to the parent app
  let spare: Engine | null = null; // started, idle, primed with `prime`
  let current: Run | null = null;
  let prime: { type: "prime"; scenarioText: unknown; scenarioFile: unknown } | null = null;
  // Pyodide's files (src/python/assets.ts), once the app has a .py module: every worker
  // started from then on loads Python before its run, so the spare is warm.
  let python: Record<string, unknown> | null = null;

  const toParent = (m: unknown) => port?.postMessage(m);
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  const secs = (at: number) => (at / 1000).toFixed(3);

  function spawn(): Engine {
    const worker = new Worker(workerUrl);
    const ch = new MessageChannel();
    const e: Engine = { worker, port: ch.port1, spans: new Map(), last: null };
    worker.postMessage({ type: "connect", python }, [ch.port2]);
    // Anything posted on the worker's global scope comes from module code, not the engine.
    worker.onmessage = () => {};
    worker.onerror = (ev) => {
      ev.preventDefault();
      onCrash(e, ev.message);
    };
    e.port.onmessage = (ev) => onEngine(e, ev.data);
    if (prime) e.port.postMessage(prime);
    return e;
  }

  function stop(e: Engine): void {
    e.worker.terminate();
    e.port.close();
  }

  function onEngine(e: Engine, m: unknown): void {
    if (!current || current.engine !== e || !obj(m)) return; // a stopped or idle engine: ignored
    if (m.type === "enter" && typeof m.seq === "number") {
      const span = { module: String(m.module), what: String(m.what), at: Number(m.at) || 0, since: performance.now() };
      e.spans.set(m.seq, span);
      e.last = span;
    } else if (m.type === "exit") {
      e.spans.delete(m.seq as number);
    } else if (typeof m.type === "string" && REPLIES.includes(m.type) && m.id === current.id) {
      toParent(m);
      end();
    }
  }

  function onCrash(e: Engine, why: string): void {
    if (spare === e) {
      stop(e);
      spare = null;
      return;
    }
    if (!current || current.engine !== e) return;
    const c = e.last && e.spans.size ? ` while ${e.last.module} ${e.last.what} was running (at simulated ${secs(e.last.at)} s)` : "";
    fail(`The engine worker stopped with an uncaught error${c}: ${why || "unknown error (out of memory?)"}. The run was stopped; the next run uses a fresh worker.`);
  }

  function fail(message: string, culprit?: Span): void {
    if (!current) return;
    const where = culprit ? { callback: culprit.what.split(" ")[0], at: culprit.at, file: culprit.module.split("#")[0] } : {};
    toParent({ type: "run-failed", id: current.id, error: { kind: "module", message, ...where } });
    end();
  }

  /** The current run is over: its worker goes (fresh realm per run). */
  function end(): void {
    if (current) stop(current.engine);
    current = null;
  }

  function send(req: Req): void {
    if (current) stop(current.engine); // newest wins: the older run's result would be dropped
    prime = { type: "prime", scenarioText: req.scenarioText, scenarioFile: req.scenarioFile };
    const e = spare ?? spawn();
    spare = null;
    const budget = typeof req.budgetMs === "number" && req.budgetMs > 0 ? req.budgetMs : DEFAULT_BUDGET_MS;
    current = { engine: e, id: req.id, budget, started: performance.now() };
    e.port.postMessage(req);
    spare = spawn(); // the next run's worker starts (and parses) while this one runs
  }

  setInterval(() => {
    if (!current) return;
    const now = performance.now();
    let oldest: Span | null = null;
    for (const sp of current.engine.spans.values()) if (!oldest || sp.since < oldest.since) oldest = sp;
    if (oldest && now - oldest.since > current.budget) {
      fail(`${oldest.module} ${oldest.what} did not return within ${current.budget} ms (at simulated ${secs(oldest.at)} s): the run was stopped. Look for an endless loop.`, oldest);
    } else if (now - current.started > RUN_BUDGET_MS) {
      const last = current.engine.last;
      const c = last ? `; module code entered last: ${last.module} ${last.what} (at simulated ${secs(last.at)} s)` : "";
      fail(`The run did not finish within ${RUN_BUDGET_MS / 1000} s (the playground's limit for one run) and was stopped${c}.`);
    }
  }, 50);

  function onPort(ev: MessageEvent): void {
    const m: unknown = ev.data;
    if (obj(m) && m.type === "python-assets" && !python) {
      python = m;
      // Compiled once here, then shared with every worker (same agent cluster): a worker
      // instantiates it instead of compiling 10 MB of WebAssembly again.
      if (m.wasm instanceof ArrayBuffer) {
        WebAssembly.compile(m.wasm).then(
          (mod) => {
            python = { ...m, module: mod };
          },
          () => {},
        );
      }
      // The idle spare has no Python: replace it with one that has.
      if (spare) stop(spare);
      spare = workerUrl ? spawn() : null;
      return;
    }
    if (!obj(m) || m.type !== "run" || typeof m.id !== "number" || !workerUrl) return;
    send(m as Req);
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
    spare = spawn();
    toParent({ type: "sandbox-started" });
  }
  addEventListener("message", onWindow);
  parent.postMessage({ type: "sandbox-ready" }, "*");
}

/** The iframe's document, served as its own file (see vite-plugin.ts). */
export const SANDBOX_FILE = "sandbox.html";

export function sandboxDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    `<title>engine sandbox</title></head><body><script>(${iframeMain.toString()})();</script></body></html>\n`;
}
