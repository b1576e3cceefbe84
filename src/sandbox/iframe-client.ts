// Parent side of the engine sandbox: a hidden sandboxed iframe (see iframe-runtime.ts)
// that hosts the engine worker. `run` sends the newest request; replies to older
// requests are dropped here, so the caller only ever sees the newest result.
//
// Trust (docs/security.md): everything that comes out of the iframe is untrusted data.
// The only window message accepted is the iframe's first "sandbox-ready" (checked
// against its contentWindow); the iframe then gets one end of a MessageChannel and every
// later message travels over it, so messages posted to this window by anyone (the
// iframe included) are ignored. Replies are checked for shape before they reach the UI.
import { SANDBOX_FILE } from "./iframe-runtime.ts";
import { checkReply } from "./reply.ts";
import { materialiseInSteps } from "../trace/materialise.ts";
import { columnsOf } from "../trace/columns.ts";
import { inOrder } from "./inOrder.ts";
import { getBudgetMs } from "./budget.ts";
import type { RunReply, RunRequest } from "../worker/protocol.ts";
import { fetchPythonAssets, type PythonAssets } from "../python/assets.ts";
import { TypingGate } from "./typingGate.ts";

/**
 * Pyodide's files for this page, fetched once (Blobs: every sandbox can be handed the same
 * ones). Started by the app as soon as a .py module is open, before any sandbox exists.
 */
let pythonFiles: Promise<PythonAssets> | null = null;
export function prefetchPython(snapshot: string | null): Promise<PythonAssets> {
  pythonFiles ??= fetchPythonAssets(document.baseURI, snapshot).then(
    (a) => {
      if (performance.getEntriesByName("python-assets", "mark").length === 0) performance.mark("python-assets"); // bench stamp
      return a;
    },
    (e: unknown) => {
      pythonFiles = null; // the next preload or run tries again
      throw e;
    },
  );
  return pythonFiles;
}

/** The request runs a .py module (Pyodide's files and a fresh interpreter needed). */
const hasPython = (req: RunRequest) => Object.keys(req.compileResult.python ?? {}).length > 0;

export class EngineSandbox {
  private iframe: HTMLIFrameElement;
  private port: MessagePort | null = null;
  private queued: RunRequest | null = null;
  private latestId = 0;
  private disposed = false;
  private onMessage = (ev: MessageEvent) => this.handshake(ev);

  constructor(
    private workerSource: string,
    private onReply: (r: RunReply) => void,
    /** The build's Pyodide memory snapshot (virtual:python-snapshot), null in dev. */
    private pythonSnapshot: string | null = null,
  ) {
    this.iframe = document.createElement("iframe");
    this.iframe.setAttribute("sandbox", "allow-scripts");
    // Lets the frame (opaque origin) be cross-origin isolated when this page is, so that
    // the watchdog can use shared memory (src/sandbox/sharedSpans.ts, scripts/headers.ts).
    this.iframe.setAttribute("allow", "cross-origin-isolated");
    this.iframe.setAttribute("aria-hidden", "true");
    this.iframe.dataset.testid = "engine-sandbox";
    this.iframe.title = "engine sandbox";
    this.iframe.style.display = "none";
    // A file of the app's own origin (not a srcdoc, which would inherit the app's CSP);
    // the sandbox attribute makes its origin opaque.
    // `?v=`: the document's content hash (vite-plugin.ts), so that it may be cached for good.
    this.iframe.src = new URL(`${SANDBOX_FILE}?v=${typeof __SANDBOX_REV__ === "string" ? __SANDBOX_REV__ : "dev"}`, document.baseURI).href;
    window.addEventListener("message", this.onMessage);
    document.body.appendChild(this.iframe);
  }

  /** Pyodide's files, fetched once, when the first run with a .py module comes. */
  private python: Promise<PythonAssets> | null = null;
  private pythonSent = false;

  /** When the newest request was handed to the frame (epoch ms, bench timing only). */
  private sentAt = 0;

  /**
   * Starts fetching Pyodide's files and hands them to the frame as soon as both are there,
   * so the frame compiles the wasm and starts a worker's interpreter ahead of the first
   * Python run (the app calls it as soon as it sees a .py module). Idempotent.
   */
  preloadPython(): void {
    if (this.pythonSent || this.python) return;
    this.python = this.fetchPython();
    this.python.then(
      (assets) => {
        this.assets = assets;
        this.sendAssets();
      },
      () => (this.python = null), // the run that needs them reports the failure
    );
  }

  private fetchPython(): Promise<PythonAssets> {
    return prefetchPython(this.pythonSnapshot);
  }

  /** Python requests wait while the user types (./typingGate.ts); others pass at once. */
  private gate = new TypingGate<RunRequest>((req) => this.dispatch(req));

  run(req: RunRequest): void {
    this.latestId = req.id;
    this.gate.offer(req, hasPython(req));
  }

  private dispatched = 0;

  private dispatch(req: RunRequest): void {
    this.sentAt = performance.timeOrigin + performance.now();
    // Run requests this page handed to the sandbox, for tests and DevTools.
    this.iframe.dataset.runsSent = String(++this.dispatched);
    const r = req.budgetMs === undefined ? { ...req, budgetMs: getBudgetMs() } : req;
    if (hasPython(req) && !this.pythonSent) {
      this.python ??= this.fetchPython();
      this.python.then(
        (assets) => {
          this.assets = assets;
          this.sendAssets();
          if (this.latestId === req.id) this.send(r);
        },
        (e: unknown) => {
          this.python = null;
          if (this.latestId === req.id) this.onReply({ type: "run-failed", id: req.id, error: { kind: "module", message: `Python (Pyodide) could not be loaded: ${e instanceof Error ? e.message : String(e)}` } });
        },
      );
      return;
    }
    this.send(r);
  }

  private assets: PythonAssets | null = null;

  /** The iframe's workers start Pyodide from these from now on (pre-warmed spares). */
  private sendAssets(): void {
    if (this.pythonSent || !this.port || !this.assets) return;
    // Blobs (about 45 MB with the snapshot) cross as handles: nothing is copied here.
    this.port.postMessage(this.assets);
    if (performance.getEntriesByName("python-sent", "mark").length === 0) performance.mark("python-sent"); // bench stamp
    this.assets = null;
    this.pythonSent = true;
  }

  private editorReadySent = false;
  private editorReadyWanted = false;

  /**
   * The page's editor is usable: from now on the frame starts Python spares as soon as a
   * run has answered (before, they wait: no edit can come yet, and their restores would
   * share the cores with Monaco's evaluation). Idempotent.
   */
  editorReady(): void {
    this.editorReadyWanted = true;
    if (this.editorReadySent || !this.port) return;
    this.editorReadySent = true;
    this.port.postMessage({ type: "editor-ready" });
  }

  private send(r: RunRequest): void {
    if (!this.port) this.queued = r;
    else this.port.postMessage(r);
  }

  dispose(): void {
    this.disposed = true;
    this.gate.cancel();
    window.removeEventListener("message", this.onMessage);
    this.port?.close();
    this.iframe.remove();
  }

  private handshake(ev: MessageEvent): void {
    if (this.port || ev.source !== this.iframe.contentWindow || ev.data?.type !== "sandbox-ready") return;
    window.removeEventListener("message", this.onMessage);
    const ch = new MessageChannel();
    this.port = ch.port1;
    this.port.onmessage = (e) => this.handle(e.data);
    // The iframe's origin is opaque, so "*" is the only target that reaches it.
    this.iframe.contentWindow!.postMessage({ type: "init", source: this.workerSource }, "*", [ch.port2]);
    this.sendAssets();
    if (this.editorReadyWanted) this.editorReady();
    if (this.queued) this.port.postMessage(this.queued);
    this.queued = null;
  }

  private handle(m: unknown): void {
    if (!m || typeof m !== "object") return;
    // Which feed the frame's watchdog uses (sharedSpans.ts or spans.ts), for tests and DevTools.
    const feed = (m as { type?: unknown; spanFeed?: unknown }).type === "sandbox-started" ? (m as { spanFeed?: unknown }).spanFeed : undefined;
    if (feed === "shared" || feed === "messages") this.iframe.dataset.spanFeed = feed;
    if ((m as { id?: unknown }).id !== this.latestId) return;
    const received = performance.timeOrigin + performance.now();
    const r = checkReply(m);
    // Bench stages (never in the trace): the request's way in, the reply's way out, its check.
    const t = r?.type === "result" ? r.timing : undefined;
    if (t && t.worker_received_at !== undefined && t.worker_posted_at !== undefined) {
      Object.assign(t, { to_worker: t.worker_received_at - this.sentAt, from_worker: received - t.worker_posted_at, ...(t.frame_received_at !== undefined && { worker_to_frame: t.frame_received_at - t.worker_posted_at, frame_to_app: received - t.frame_received_at }), reply_check: performance.timeOrigin + performance.now() - received });
    }
    if (r) this.deliver(r);
  }

  /**
   * A result's events are built from its columns in slices (src/trace/materialise.ts) so
   * the page keeps answering; replies stay in arrival order; a newer request sent
   * meanwhile wins (its reply is the one wanted).
   */
  private deliver = inOrder<RunReply>(
    (r) => {
      if (r.id === this.latestId && !this.disposed) this.onReply(r);
    },
    (r) => {
      if (r.type !== "result" || !columnsOf(r.trace)) return null;
      const started = performance.now();
      return materialiseInSteps(r.trace).then(() => {
        if (r.timing) r.timing.materialise = performance.now() - started;
      });
    },
  );
}
