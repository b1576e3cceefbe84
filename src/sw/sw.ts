/// <reference lib="webworker" />
// The service worker: a precache of the whole app (every file of the build but Pyodide's
// and the precompressed copies), so a repeat visit reads everything from Cache Storage and
// the app loads and runs offline after the first visit. Built by vite-plugin-pwa
// (injectManifest, vite.config.ts), which fills self.__WB_MANIFEST with every file and,
// for index.html, whose name carries no content hash, a revision.
//
// Deploys: a new build is a new manifest, so a new service worker. It installs next to
// the old one and waits (no skipWaiting): a page keeps the worker it started with until
// every tab of the app is closed, so it never mixes the old build's chunks with the new
// one's. The next visit then gets the new build, and the old build's entries are deleted.
//
// Not here: the engine sandbox (sandbox.html). Its frame has an opaque origin, so no
// service worker answers for it; its URL carries its content hash and the HTTP cache
// keeps it (scripts/headers.ts), which is what loads it offline. Pyodide's files are
// cached at run time below; the app requests nothing from other origins.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { pageHeaders, VERSIONED_PYODIDE } from "../../scripts/headers.ts";
import { navigationHeaders } from "./headers.ts";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

cleanupOutdatedCaches();

// The page's "new version" banner (src/ui/boot/serviceWorker.ts) asks a waiting worker to
// take over; otherwise it waits until every tab of the older build is closed.
self.addEventListener("message", (e) => {
  if ((e.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
precacheAndRoute(self.__WB_MANIFEST);

// Every navigation to the app (any path or query: ?embed=graph, #share links) gets the
// precached index.html, with the page headers the server would send for that URL: the
// cached copy was fetched with no query, and embed mode's framing policy differs.
registerRoute(
  new NavigationRoute(
    async ({ url }) => {
      const cached = await matchPrecache("index.html");
      if (!cached) return fetch(url.href);
      return new Response(cached.body, { status: 200, headers: navigationHeaders(cached.headers, pageHeaders(url.search)) });
    },
    { denylist: [/\/sandbox\.html(\?|$)/, /^\/__/] },
  ),
);

// Pyodide's files (13 MB, only for Python modules; versioned folder): cached the first
// time a Python example loads them, then served from the cache (offline too).
registerRoute(({ url, request }) => request.method === "GET" && url.origin === self.location.origin && VERSIONED_PYODIDE.test(url.pathname), new CacheFirst({ cacheName: "pyodide" }));
