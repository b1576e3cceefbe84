// Registers the service worker (src/sw/sw.ts: the app's precache, so repeat visits load
// from Cache Storage and the app works offline after the first visit). Its install
// downloads the whole build (about 28 MB, most of it already in the HTTP cache), so it
// starts only once the first visit has what it needs: the first live compile done and
// the editor shown (or 5 s after that compile, for the graph-only embed). Production
// builds only: the dev server's modules are not a build to precache.
import { whenMarked } from "./perf.ts";

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  void whenMarked("first-compile")
    .then(() => Promise.race([whenMarked("editor-ready"), new Promise((ok) => setTimeout(ok, 5000))]))
    .then(() => navigator.serviceWorker.register(new URL("sw.js", document.baseURI).href, { scope: "./" }))
    .catch((e: unknown) => console.warn("service worker not registered:", e));
}
