// Response headers of the app's page, shared by the test server (scripts/serve.ts) and
// `vite preview` (vite.config.ts). A static host must send the same (docs/security.md).

/**
 * Framing and opener policy of the app's page (docs/security.md, "Framing"). A meta CSP
 * cannot carry frame-ancestors, so these are headers; a static host must send them too.
 * The full app may not be framed by another site (clickjacking of Share, drafts, the
 * editor); embed mode (`?embed=graph|editor`) is made for other sites' pages and touches
 * no drafts, so any site may frame it. COOP cuts the link between the app and a page
 * that opened it, so a third-party page cannot keep navigating its popup to links.
 */
export function pageHeaders(search: string): Record<string, string> {
  const embed = /^(graph|editor)$/.test(new URLSearchParams(search).get("embed") ?? "");
  return embed
    ? { "content-security-policy": "frame-ancestors *", "cross-origin-opener-policy": "same-origin" }
    : { "content-security-policy": "frame-ancestors 'none'", "x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin" };
}

/**
 * Cross-origin isolation (docs/security.md, "Static hosting headers"): with COOP
 * same-origin on the page (pageHeaders) and COEP on every response, the page, the engine
 * sandbox's frame (allow="cross-origin-isolated", src/sandbox/iframe-client.ts) and its
 * workers are cross-origin isolated, so the watchdog's feed can be a SharedArrayBuffer
 * (src/sandbox/sharedSpans.ts) instead of two messages per callback. Everything the app
 * loads is its own origin, which require-corp allows as is. Sent on every response (a
 * worker's script carries its own policy). Without it the app works the same, with the
 * message feed.
 */
export const ISOLATION_HEADERS: Record<string, string> = { "cross-origin-embedder-policy": "require-corp" };

/** Pyodide's files, in a folder named after its version (src/python/assets.ts). */
export const VERSIONED_PYODIDE = /^\/pyodide\/[\w.]+\//;

const IMMUTABLE = { "cache-control": "public, max-age=31536000, immutable" };
const REVALIDATE = { "cache-control": "no-cache" };

/**
 * Caching. Pyodide's files (about 13 MB: the wasm and the standard library zip) sit in a
 * folder named after the Pyodide version (src/python/assets.ts), and every file Vite
 * emits under /assets/ carries a content hash in its name (`esbuild-BaXVPFT2.wasm`): a
 * new build gives a new name, so a browser may keep them for good. A second visit then
 * reads them from its HTTP cache, and for esbuild's 14 MB wasm Chrome also reuses the
 * machine code V8 optimised on the earlier visit: its wasm code cache only keeps code
 * for a cacheable response compiled by streaming (src/worker/compile.worker.ts).
 * So is the engine sandbox's document as the app opens it, `sandbox.html?v=<content
 * hash>` (src/sandbox/vite-plugin.ts): no service worker answers for that opaque-origin
 * frame, so the HTTP cache is what loads it offline (src/sw/sw.ts). The pages and the
 * service worker's script keep their names across builds: revalidated on every load
 * (`no-cache`), so a deploy is seen at once.
 */
export function assetHeaders(pathname: string, search = ""): Record<string, string> {
  if (VERSIONED_PYODIDE.test(pathname) || /^\/assets\/[^/]+-[\w-]{8}\.\w+$/.test(pathname)) return IMMUTABLE;
  if (pathname === "/sandbox.html" && /^\?v=[0-9a-f]{16}$/.test(search)) return IMMUTABLE;
  if (pathname === "/" || pathname.endsWith(".html") || pathname === "/sw.js") return REVALIDATE;
  return {};
}

/** Vite plugin: the same page headers on `vite preview` (and the dev server). */
export function pageHeadersPlugin() {
  // Returns nothing: a function returned from these hooks would be run as a post hook.
  const use = (server: { middlewares: { use(fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void }, next: () => void) => void): void } }): void => {
    server.middlewares.use((req, res, next) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (!/\.(js|mjs|css|wasm|svg|png|json|ttf|woff2|txt|map|gz|br)$/.test(url.pathname) && !url.pathname.endsWith("sandbox.html"))
        for (const [k, v] of Object.entries(pageHeaders(url.search))) res.setHeader(k, v);
      for (const [k, v] of Object.entries(assetHeaders(url.pathname, url.search))) res.setHeader(k, v);
      for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
      next();
    });
  };
  // "pre": before the sandbox page's dev middleware (src/sandbox/vite-plugin.ts), which
  // answers sandbox.html itself; under a COEP page a frame without COEP would not load.
  return { name: "page-headers", enforce: "pre" as const, configureServer: use, configurePreviewServer: use };
}
