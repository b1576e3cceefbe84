// Parent side of the engine sandbox: a hidden sandboxed iframe (see iframe-runtime.ts)
// that hosts the engine worker. `run` sends the newest request; replies to older
// requests are dropped here, so the caller only ever sees the newest result.
import { sandboxSrcdoc } from "./iframe-runtime.ts";
import type { RunReply, RunRequest } from "../worker/protocol.ts";

export class EngineSandbox {
  private iframe: HTMLIFrameElement;
  private ready = false;
  private queued: RunRequest | null = null;
  private latestId = 0;
  private onMessage = (ev: MessageEvent) => this.handle(ev);

  constructor(
    private workerSource: string,
    private onReply: (r: RunReply) => void,
  ) {
    this.iframe = document.createElement("iframe");
    this.iframe.setAttribute("sandbox", "allow-scripts");
    this.iframe.setAttribute("aria-hidden", "true");
    this.iframe.dataset.testid = "engine-sandbox";
    this.iframe.title = "engine sandbox";
    this.iframe.style.display = "none";
    this.iframe.srcdoc = sandboxSrcdoc();
    window.addEventListener("message", this.onMessage);
    document.body.appendChild(this.iframe);
  }

  run(req: RunRequest): void {
    this.latestId = req.id;
    if (!this.ready) this.queued = req;
    else this.post(req);
  }

  dispose(): void {
    window.removeEventListener("message", this.onMessage);
    this.iframe.remove();
  }

  private post(m: unknown): void {
    // The iframe's origin is opaque, so "*" is the only target that reaches it; replies
    // are authenticated by checking ev.source below.
    this.iframe.contentWindow?.postMessage(m, "*");
  }

  private handle(ev: MessageEvent): void {
    if (ev.source !== this.iframe.contentWindow) return;
    const m = ev.data;
    if (m?.type === "sandbox-ready") {
      this.post({ type: "init", source: this.workerSource });
      this.ready = true;
      if (this.queued) this.post(this.queued);
      this.queued = null;
      return;
    }
    if (m?.type === "result" || m?.type === "scenario-invalid" || m?.type === "run-failed") {
      if (m.id === this.latestId) this.onReply(m as RunReply);
    }
  }
}
