// Runs in the engine worker before any module code: removes the worker's ways out
// (network, storage, nested workers, the worker's own message channel) so that a module
// that tries one gets a clear error naming the API. This is the first layer; the
// sandbox iframe's CSP (no network at all) and its opaque origin (no app storage) hold
// even for code that gets past it. See docs/security.md.

/** What a module is told when it reaches for a removed API. */
export function unavailable(name: string): string {
  return `${name} is not available in a module: modules run sandboxed, without network, storage or a page (see Security in the README)`;
}

/** Globals removed from the worker (own properties and the prototype chain). */
export const REMOVED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "indexedDB",
  "caches",
  "cookieStore",
  "postMessage",
  "close",
  "onmessage",
  "onmessageerror",
  "RTCPeerConnection",
  "RTCDataChannel",
] as const;

/** Names that do not exist in a worker at all but that a module may try (window APIs). */
export const WINDOW_ONLY = ["localStorage", "sessionStorage", "document", "window", "parent", "top", "opener", "frames"] as const;

export function lockdown(global: object): void {
  const stub = (name: string) => {
    const f = function () {
      throw new Error(unavailable(name));
    };
    Object.defineProperty(f, "name", { value: name });
    return f;
  };
  for (const name of [...REMOVED_GLOBALS, ...WINDOW_ONLY]) {
    for (let o: object | null = global; o; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d && d.configurable) delete (o as Record<string, unknown>)[name];
    }
    const isValue = name === "indexedDB" || name === "caches" || name === "cookieStore" || (WINDOW_ONLY as readonly string[]).includes(name);
    Object.defineProperty(
      global,
      name,
      isValue
        ? { get: stub(name), set: stub(name), configurable: false, enumerable: false }
        : { value: stub(name), writable: false, configurable: false, enumerable: false },
    );
  }
  // navigator.sendBeacon does not exist in workers; navigator.storage would reach the
  // (opaque, empty) origin's storage: remove both for a clear message.
  const nav = (global as { navigator?: object }).navigator;
  if (nav) {
    for (const name of ["sendBeacon", "storage", "locks", "serviceWorker"]) {
      for (let o: object | null = nav; o; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, name);
        if (d && d.configurable) delete (o as Record<string, unknown>)[name];
      }
      Object.defineProperty(nav, name, { get: stub(`navigator.${name}`), configurable: false });
    }
  }
}

/**
 * The headless runner's child process (src/cli/child.ts), after it has captured its IPC
 * channel: removes what would let a module reach Node itself (`process` with
 * getBuiltinModule/binding/dlopen, `require`) or the network (`fetch`, WebSocket…), and
 * wall-clock timers. Node's permission model (no file reads or writes, no child
 * processes, no workers) and `--disallow-code-generation-from-strings` hold beneath it;
 * the network has no permission in Node 20, so this layer is what keeps it out.
 */
export const NODE_REMOVED = [
  "process",
  "require",
  "module",
  "fetch",
  "WebSocket",
  "EventSource",
  "BroadcastChannel",
  "setTimeout",
  "setInterval",
  "setImmediate",
] as const;

export function lockdownNode(global: object): void {
  // Node's console holds its output streams (console._stderr is a net.Socket when piped,
  // and a Socket's constructor can connect anywhere): a console that writes nowhere.
  // (Module code has its own console, recorded in the trace: src/sandbox/globals.ts.)
  const quiet = Object.freeze(Object.fromEntries(
    ["log", "info", "warn", "error", "debug", "trace", "dir", "table", "group", "groupEnd", "time", "timeEnd", "assert", "count"].map((k) => [k, () => {}]),
  ));
  Object.defineProperty(global, "console", { value: quiet, writable: false, configurable: false, enumerable: false });
  for (const name of NODE_REMOVED) {
    const d = Object.getOwnPropertyDescriptor(global, name);
    if (d && !d.configurable) continue;
    Object.defineProperty(global, name, {
      get() {
        throw new Error(unavailable(name));
      },
      set() {
        throw new Error(unavailable(name));
      },
      configurable: false,
      enumerable: false,
    });
  }
}
