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
 * Caching of Pyodide's files (about 13 MB: the wasm and the standard library zip): their
 * folder carries the Pyodide version (src/python/assets.ts), so a browser may keep them
 * for good and a second visit to a Python scenario reads them from its cache.
 */
export function assetHeaders(pathname: string): Record<string, string> {
  return /^\/pyodide\/[\w.]+\//.test(pathname) ? { "cache-control": "public, max-age=31536000, immutable" } : {};
}

/** Vite plugin: the same page headers on `vite preview` (and the dev server). */
export function pageHeadersPlugin() {
  // Returns nothing: a function returned from these hooks would be run as a post hook.
  const use = (server: { middlewares: { use(fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void }, next: () => void) => void): void } }): void => {
    server.middlewares.use((req, res, next) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (!/\.(js|mjs|css|wasm|svg|png|json|ttf|woff2|txt|map|gz|br)$/.test(url.pathname) && !url.pathname.endsWith("sandbox.html"))
        for (const [k, v] of Object.entries(pageHeaders(url.search))) res.setHeader(k, v);
      for (const [k, v] of Object.entries(assetHeaders(url.pathname))) res.setHeader(k, v);
      next();
    });
  };
  return { name: "page-headers", configureServer: use, configurePreviewServer: use };
}
