// Registers the service worker (src/sw/sw.ts: the app's precache, so repeat visits load
// from Cache Storage and the app works offline after the first visit). Its install
// downloads the whole build (about 28 MB, most of it already in the HTTP cache), so it
// starts only once the first visit has what it needs: the first live run in and the
// editor shown (or 5 s after that run, for the graph-only embed). Production
// builds only: the dev server's modules are not a build to precache.
//
// A deploy makes a new worker, which installs beside the one controlling this page and
// waits (sw.ts). `onUpdate` is then given a function that lets it take over and reloads
// the page (the header's banner offers it; the draft is saved on pagehide).
import { afterEditorReady, firstTraceIn } from "./perf.ts";

export function registerServiceWorker(onUpdate: (apply: () => void) => void): void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  void firstTraceIn()
    .then(() => afterEditorReady(5000))
    .then(() => container.register(new URL("sw.js", document.baseURI).href, { scope: "./" }))
    .then((reg) => watchUpdates(reg, container, onUpdate, () => location.reload()))
    .catch((e: unknown) => console.warn("service worker not registered:", e));
}

/** The parts of a registration and of `navigator.serviceWorker` watchUpdates uses (tests pass fakes). */
export interface WorkerLike extends EventTarget {
  readonly state: string;
  postMessage(m: unknown): void;
}
export interface RegistrationLike extends EventTarget {
  readonly waiting: WorkerLike | null;
  readonly installing: WorkerLike | null;
}
export interface ContainerLike extends EventTarget {
  readonly controller: unknown;
}

/** The message sw.ts answers with skipWaiting(). */
export const SKIP_WAITING = { type: "SKIP_WAITING" } as const;

/**
 * Calls `onUpdate` (once per new worker) when a new worker has installed behind the one
 * controlling this page. Not on a first visit: the first worker to install controls no
 * page yet and is no update. The function it passes asks that worker to take over; once
 * it controls the page, `reload` runs. When another tab made a new worker take over,
 * this page runs an older build than its worker (whose cache no longer has this build's
 * lazily loaded files): `onUpdate` is called with `reload` itself.
 */
export function watchUpdates(reg: RegistrationLike, container: ContainerLike, onUpdate: (apply: () => void) => void, reload: () => void): void {
  const offered = new Set<WorkerLike>();
  let asked = false;
  const offer = (w: WorkerLike) => {
    if (!container.controller || offered.has(w)) return;
    offered.add(w);
    onUpdate(() => {
      asked = true;
      container.addEventListener("controllerchange", () => reload(), { once: true });
      w.postMessage(SKIP_WAITING);
    });
  };
  let controlled = container.controller !== null;
  container.addEventListener("controllerchange", () => {
    // The first worker claiming a first visit is no update (sw.ts does not claim pages).
    if (controlled && !asked) onUpdate(reload);
    controlled = true;
  });
  if (reg.waiting) offer(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const w = reg.installing;
    if (!w) return;
    w.addEventListener("statechange", () => {
      if (w.state === "installed") offer(w);
    });
  });
}
