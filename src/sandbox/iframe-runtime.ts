// The script that runs inside the sandboxed iframe (opaque origin: sandbox="allow-scripts"
// without allow-same-origin). It receives the engine worker's source text from the
// parent, starts it from a Blob URL, relays run requests/replies, and runs the watchdog:
// when the worker has been silent for longer than the budget while a module callback is
// open, the worker is terminated, a fresh one started, and the parent gets an error
// naming the callback and the simulated time.
//
// `iframeMain` is serialised with Function.prototype.toString into the srcdoc, so it
// must be self-contained: no imports, no references to module-level bindings.

/** The iframe document's CSP: scripts inline/eval/blob only, no network at all. */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

export function iframeMain(): void {
  type Mark = { seq: number; module: string; callback: string; at: number };
  const ENGINE_SILENCE_MS = 15000; // a hang outside any callback (engine or module top level)
  let workerUrl: string | null = null;
  let worker: Worker | null = null;
  let running: { id: number; budget: number } | null = null;
  let pending: any = null;
  let lastHeard = 0;
  const open = new Map<number, Mark>();

  const toParent = (m: unknown) => parent.postMessage(m, "*");

  function start(): void {
    worker?.terminate();
    open.clear();
    worker = new Worker(workerUrl!);
    worker.onmessage = (ev) => {
      const m = ev.data;
      lastHeard = performance.now();
      if (m.type === "callback") {
        if (m.phase === "start") open.set(m.seq, m);
        else open.delete(m.seq);
        return;
      }
      if (m.type === "progress") return;
      if (running && m.id === running.id) toParent(m);
      finish();
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (running) {
        toParent({ type: "run-failed", id: running.id, error: { kind: "module", message: `The engine worker crashed: ${ev.message}` } });
      }
      start();
      finish();
    };
  }

  function finish(): void {
    running = null;
    open.clear();
    if (pending) send(pending);
  }

  function send(req: any): void {
    pending = null;
    running = { id: req.id, budget: req.budgetMs ?? 1000 };
    lastHeard = performance.now();
    worker!.postMessage(req);
  }

  setInterval(() => {
    if (!running) return;
    const silent = performance.now() - lastHeard;
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
    } else if (silent > ENGINE_SILENCE_MS) {
      toParent({
        type: "run-failed",
        id: running.id,
        error: { kind: "module", message: `The run did not finish within ${ENGINE_SILENCE_MS / 1000} s and was stopped.` },
      });
    } else return;
    start();
    finish();
  }, 50);

  addEventListener("message", (ev) => {
    if (ev.source !== parent) return;
    const m = ev.data;
    if (m?.type === "init") {
      workerUrl = URL.createObjectURL(new Blob([m.source], { type: "text/javascript" }));
      start();
      toParent({ type: "sandbox-started" });
    } else if (m?.type === "run" && worker) {
      if (running) pending = m; // newest wins: an older pending request is dropped
      else send(m);
    }
  });
  toParent({ type: "sandbox-ready" });
}

export function sandboxSrcdoc(): string {
  return `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    `</head><body><script>(${iframeMain.toString()})();</script></body></html>`;
}
