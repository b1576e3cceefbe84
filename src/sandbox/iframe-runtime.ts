// The script that runs inside the sandboxed iframe (opaque origin: sandbox="allow-scripts"
// without allow-same-origin). It receives the engine worker's source text from the
// parent, starts it from a Blob URL, relays run requests/replies, and runs the watchdog:
// when the worker has been silent for longer than the budget while a module callback is
// open, the worker is terminated, a fresh one started, and the parent gets an error
// naming the callback and the simulated time.
//
// Channels (docs/security.md): the parent and this iframe talk over a MessagePort that the
// parent hands over with "init" (the only window message accepted, once, from `parent`);
// the iframe and the engine worker talk over another MessagePort handed to each fresh
// worker. Messages posted on the worker's global scope (what module code could reach)
// are never relayed.
//
// `iframeMain` is serialised with Function.prototype.toString into the srcdoc, so it
// must be self-contained: no imports, no references to module-level bindings.

/** The iframe document's CSP: scripts inline/eval/blob only, no network at all. */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

export function iframeMain(): void {
  type Mark = { seq: number; module: string; callback: string; at: number };
  const ENGINE_SILENCE_MS = 15000; // a hang outside any callback (engine or module top level)
  const REPLIES = ["result", "scenario-invalid", "run-failed"];
  let workerUrl: string | null = null;
  let worker: Worker | null = null;
  let wport: MessagePort | null = null; // to the engine worker
  let port: MessagePort | null = null; // to the parent app
  let running: { id: number; budget: number; req: any } | null = null;
  let pending: any = null;
  let lastHeard = 0;
  /** A worker must answer a ping between runs; one that cannot (a module left a microtask loop spinning) is replaced. */
  let pingSent = 0;
  const open = new Map<number, Mark>();

  const toParent = (m: unknown) => port?.postMessage(m);

  function culpritText(): string {
    const marks = [...open.values()];
    const c = marks[marks.length - 1];
    return c ? ` while ${c.module} ${c.callback} was running (at simulated ${(c.at / 1000).toFixed(3)} s)` : "";
  }

  function start(): void {
    worker?.terminate();
    wport?.close();
    open.clear();
    pingSent = 0;
    worker = new Worker(workerUrl!);
    const ch = new MessageChannel();
    wport = ch.port1;
    worker.postMessage({ type: "connect" }, [ch.port2]);
    const me = worker;
    wport.onmessage = (ev) => {
      if (worker !== me) return;
      const m = ev.data;
      lastHeard = performance.now();
      if (!m || typeof m !== "object") return;
      if (m.type === "callback") {
        if (m.phase === "start") open.set(m.seq, m);
        else open.delete(m.seq);
        return;
      }
      if (m.type === "pong") {
        pingSent = 0;
        return;
      }
      if (!REPLIES.includes(m.type)) return;
      if (running && m.id === running.id) toParent(m);
      finish();
    };
    // Anything posted on the worker's global scope comes from module code, not the engine.
    worker.onmessage = () => {};
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (worker !== me) return;
      if (running) {
        toParent({
          type: "run-failed",
          id: running.id,
          error: { kind: "module", message: `The engine worker stopped with an uncaught error${culpritText()}: ${ev.message || "unknown error (out of memory?)"}. The run was stopped; the next run uses a fresh worker.` },
        });
      }
      start();
      finish();
    };
  }

  function finish(): void {
    running = null;
    // A module may leave work behind (a promise that never settled, an endless microtask
    // chain) that keeps the worker busy: check that it can still take messages.
    pingSent = performance.now();
    wport?.postMessage({ type: "ping" });
    open.clear();
    if (pending) send(pending);
  }

  function send(req: any): void {
    pending = null;
    if (pingSent && performance.now() - pingSent > 250) start(); // it did not answer: replace it
    running = { id: req.id, budget: typeof req.budgetMs === "number" && req.budgetMs > 0 ? req.budgetMs : 1000, req };
    lastHeard = performance.now();
    wport!.postMessage(req);
  }

  setInterval(() => {
    if (!running) {
      if (pingSent && worker && performance.now() - pingSent > 2000) start();
      return;
    }
    const now = performance.now();
    const silent = now - lastHeard;
    const marks = [...open.values()];
    const culprit = marks[marks.length - 1];
    if (culprit && silent > running.budget) {
      const secs = (culprit.at / 1000).toFixed(3);
      toParent({
        type: "run-failed",
        id: running.id,
        error: {
          kind: "module",
          message: `${culprit.module} ${culprit.callback} did not return within ${running.budget} ms (at simulated ${secs} s): the run was stopped. Look for an endless loop.`,
          callback: culprit.callback,
          at: culprit.at,
          file: culprit.module.split("#")[0],
        },
      });
    } else if (pingSent && now - pingSent > 250 && silent > 250) {
      // The previous run left the worker busy (it never answered the ping): run this
      // request again on a fresh worker.
      const req = running.req;
      start();
      send(req);
      return;
    } else if (silent > ENGINE_SILENCE_MS) {
      toParent({
        type: "run-failed",
        id: running.id,
        error: { kind: "module", message: `The run did not finish within ${ENGINE_SILENCE_MS / 1000} s and was stopped.` },
      });
    } else return;
    start();
    running = null;
    open.clear();
    if (pending) send(pending);
  }, 50);

  function onPort(ev: MessageEvent): void {
    const m = ev.data;
    if (m?.type === "run" && typeof m.id === "number" && worker) {
      if (running) pending = m; // newest wins: an older pending request is dropped
      else send(m);
    }
  }

  function onWindow(ev: MessageEvent): void {
    // Only the parent, only once, and only with the port the rest goes through.
    if (ev.source !== parent || port) return;
    const m = ev.data;
    if (m?.type !== "init" || typeof m.source !== "string" || !ev.ports[0]) return;
    removeEventListener("message", onWindow);
    port = ev.ports[0];
    port.onmessage = onPort;
    workerUrl = URL.createObjectURL(new Blob([m.source], { type: "text/javascript" }));
    start();
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
