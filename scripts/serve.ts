// A tiny static server for dist/ used by browser tests and benchmarks. It sends the
// same security headers a static host should send (see README, Security).
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { ISOLATION_HEADERS, assetHeaders, pageHeaders } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * The policy of the engine sandbox document (also in its meta tag, see
 * src/sandbox/iframe-runtime.ts). `sandbox allow-scripts` keeps its origin opaque even
 * when it is opened on its own, outside the app's sandboxed iframe.
 */
const SANDBOX_HEADER_CSP =
  "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

/** Headers every response gets (README, Security). */
const COMMON_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
};

const logs = new WeakMap<Server, string[]>();

/** Every request path (with query) the server has received, in order: tests assert canaries were never hit. */
export function requestLog(server: Server): string[] {
  return logs.get(server) ?? [];
}

/**
 * `isolation: false` leaves out the COEP header: a host that does not send it (the app
 * then runs without cross-origin isolation, and the watchdog uses its message feed).
 */
export async function serveDist(dir = "dist", port = 0, opts: { isolation?: boolean } = {}): Promise<{ url: string; server: Server }> {
  const isolation = opts.isolation === false ? {} : ISOLATION_HEADERS;
  const root = resolve(dir);
  const log: string[] = [];
  const server = createServer(async (req, res) => {
    log.push(req.url ?? "/");
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname.startsWith("/__canary")) {
        // A URL hostile test modules try to reach; answering 200 makes a leak visible.
        res.writeHead(200, { ...COMMON_HEADERS, "content-type": "text/plain", "access-control-allow-origin": "*" });
        res.end("canary");
        return;
      }
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) throw new Error("outside root");
      const s = await stat(path).catch(() => null);
      if (!s || s.isDirectory()) path = s ? join(path, "index.html") : join(root, "index.html");
      const body = await readFile(path);
      const headers: Record<string, string> = { ...COMMON_HEADERS, ...isolation, "content-type": TYPES[extname(path)] ?? "application/octet-stream", ...assetHeaders(url.pathname, url.search) };
      if (path.endsWith("/sandbox.html")) headers["content-security-policy"] = SANDBOX_HEADER_CSP;
      else if (path.endsWith(".html")) Object.assign(headers, pageHeaders(url.search));
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  logs.set(server, log);
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const addr = server.address();
  const p = typeof addr === "object" && addr ? addr.port : port;
  return { url: `http://127.0.0.1:${p}/`, server };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serveDist(process.argv[2] ?? "dist", Number(process.argv[3] ?? 4173));
  console.log(`serving ${url}`);
}
