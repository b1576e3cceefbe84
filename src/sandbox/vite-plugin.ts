// Emits the sandbox iframe's document as `sandbox.html` (build) and serves it (dev).
// It is a real same-origin file rather than a srcdoc: a srcdoc document inherits the
// app's CSP, which (rightly) forbids inline scripts and eval; a document loaded from a
// URL has only its own policy (SANDBOX_CSP), and the iframe's sandbox attribute still
// gives it an opaque origin.
import type { Plugin } from "vite";
import { createHash } from "node:crypto";
import { SANDBOX_FILE, sandboxDocument } from "./iframe-runtime.ts";

export function sandboxPage(): Plugin {
  let dev = false;
  return {
    name: "engine-sandbox-page",
    // The app opens sandbox.html?v=<hash of its content> (iframe-client.ts): a URL that
    // changes with the document, so a host may cache it for good (scripts/headers.ts).
    // That is what loads the engine offline: no service worker answers for a sandboxed
    // frame with an opaque origin; the HTTP cache does.
    config() {
      return { define: { __SANDBOX_REV__: JSON.stringify(createHash("sha256").update(sandboxDocument()).digest("hex").slice(0, 16)) } };
    },
    configResolved(c) {
      dev = c.command === "serve";
    },
    // The dev server injects an inline script (React Refresh's preamble): allow inline
    // scripts in dev only. The build keeps index.html's CSP as written.
    transformIndexHtml(html) {
      return dev ? html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") : html;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split("?")[0]?.endsWith("/" + SANDBOX_FILE)) {
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(sandboxDocument());
          return;
        }
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: SANDBOX_FILE, source: sandboxDocument() });
    },
  };
}
