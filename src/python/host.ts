// ModuleHost for .py module files (contracts.ts ModuleHost): evaluates a file in Pyodide
// through the `_playground` bridge (./bridgePackage.ts) and hands the engine JavaScript
// shims of its classes. The engine's module layer (src/engine/modules) then loads,
// registers and combines them exactly as TypeScript classes (R56–R66).
import { ModuleLoadError, type ModuleEnv, type ModuleHost } from "../engine/contracts.ts";
import { LEGACY_CONSTRUCT } from "../engine/modules/load.ts";
import { UNAVAILABLE_METHODS, UNAVAILABLE_PROPERTIES, hashSeed } from "../engine/modules/index.ts";
import type { ModuleErrorInfo } from "../trace/types.ts";
import { BRIDGE_PACKAGE } from "./bridgePackage.ts";
import { SYNAPSE_PACKAGE } from "./synapsePackage.ts";

/** The part of Pyodide's API used here (pyodide's own types stay out of the engine). */
export interface PyodideLike {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
}

/** A Python exception from module code, located at its .py line (bridge error_info). */
export class PyModuleError extends Error {
  readonly info: ModuleErrorInfo;
  constructor(info: ModuleErrorInfo & { name?: string }) {
    super(info.message.replace(/^[\w.]+: /, ""));
    // ConfigError keeps its name: the engine reports it as a configuration error (R56).
    this.name = info.name ?? "Exception";
    this.info = { message: info.message, file: info.file, line: info.line, column: info.column, stack: info.stack };
  }
}

/**
 * What the bridge returns for a Python exception. Not an Error: Pyodide turns a JS
 * Error that passes through Python into a PythonError, so the error is built here.
 */
class PyFailure {
  constructor(readonly info: ModuleErrorInfo & { name?: string }) {}
}

/**
 * A coroutine's result, settled by the bridge. Its Promise is made and returned on this
 * side only: a Promise that passes through Python comes back as a different one.
 */
class PyPending {
  readonly promise: Promise<unknown>;
  resolve!: (v: unknown) => void;
  reject!: (f: unknown) => void;
  constructor() {
    this.promise = new Promise((res, rej) => {
      this.resolve = (v) => res(v);
      this.reject = (f) => rej(f instanceof PyFailure ? new PyModuleError(f.info) : f);
    });
  }
}

const raise = (r: unknown): unknown => {
  if (r instanceof PyFailure) throw new PyModuleError(r.info);
  if (r instanceof PyPending) return r.promise;
  return r;
};

/**
 * Interpreter environment for every loader (Node, child, browser): hash randomisation
 * off, so set and dict iteration inside a module is the same in every run.
 */
export const PYODIDE_ENV = { PYTHONHASHSEED: "0" };

export const isPythonFile = (file: string): boolean => file.endsWith(".py");

const ROOT = "/home/pyodide/playground";
const then = Promise.prototype.then;

function opaqueClass(name: string): object {
  // describeType names it: "a Python list" (format.ts reads constructor.name).
  const C = { [name]: class {} }[name];
  return new C();
}

/** What the Python bridge calls: plain JavaScript values built on this side. */
function helpers() {
  return {
    newMap: () => new Map(),
    mapSet: (m: Map<unknown, unknown>, k: unknown, v: unknown) => void m.set(k, v),
    newSet: () => new Set(),
    setAdd: (s: Set<unknown>, v: unknown) => void s.add(v),
    newObject: () => Object.create(null) as Record<string, unknown>,
    setProp: (o: Record<string, unknown>, k: string, v: unknown) => void Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true }),
    opaque: opaqueClass,
    json: (s: string) => JSON.parse(s) as unknown,
    stringify: (v: unknown) => JSON.stringify(v ?? null),
    fail: (json: string) => new PyFailure(JSON.parse(json) as ModuleErrorInfo),
    keep: (v: unknown) => v,
    log: (env: ModuleEnv, level: "debug" | "log" | "info" | "warn" | "error", line: string) => env.console(level, [line]),
    pending: () => new PyPending(),
    after: (api: { sleep(s: number): Promise<unknown> }, seconds: number, f: () => void) => void Reflect.apply(then, api.sleep(seconds), [() => f()]),
    microtask: (f: () => void) => void Reflect.apply(then, Promise.resolve(), [() => f()]),
    pair: (gufs: unknown, giu: unknown) => ({ get_users_for_states: gufs ?? null, get_interested_users: giu ?? null }),
    wrap:
      (fn: (...a: unknown[]) => unknown) =>
      (...args: unknown[]) =>
        raise(fn(...args)),
    instance: (gufs: unknown, giu: unknown) => {
      const o: Record<string, unknown> = {};
      if (gufs) o.get_users_for_states = gufs;
      if (giu) o.get_interested_users = giu;
      return o;
    },
    pyClass: (name: string, construct: (c: unknown, api: unknown, legacy: boolean) => unknown, parseConfig: ((c: unknown) => unknown) | null) => {
      const make = (config: unknown, api: unknown, legacy: boolean) => raise(construct(config, api, legacy)) as object;
      const C = {
        [name]: function (config: unknown, api: unknown) {
          return make(config, api, false);
        },
      }[name] as unknown as Record<string | symbol, unknown>;
      C[LEGACY_CONSTRUCT] = (config: unknown, api: unknown) => make(config, api, true);
      if (parseConfig) {
        // Its value (a Python object) only goes back to the constructor.
        C.parse_config = (config: unknown) => raise(parseConfig(config));
      }
      return C;
    },
  };
}

interface Bridge {
  install(h: unknown): void;
  load(file: string, source: string, env: ModuleEnv, seed: number, sources: string): unknown;
}

const prepared = new WeakMap<object, Bridge>();

/** The modules a router imports, imported ahead (into a memory snapshot, or a spare's idle time). */
const PRELOADED = ["_playground", "_playground.api", "synapse.module_api", "synapse.module_api.errors", "synapse.events.presence_router", "synapse.handlers.presence"];

/**
 * Writes the synapse package and the bridge into Pyodide's file system and imports them,
 * holding no JavaScript object: what a memory snapshot may contain (src/python/browser.ts).
 * After a restore from such a snapshot the modules are imported already, but the files
 * (kept outside the wasm memory) are written again for tracebacks and later imports.
 */
export function importBridge(py: PyodideLike): void {
  const files = { ...SYNAPSE_PACKAGE, ...BRIDGE_PACKAGE };
  for (const [path, text] of Object.entries(files)) {
    const full = `${ROOT}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, text);
  }
  py.runPython(`import sys\nif ${JSON.stringify(ROOT)} not in sys.path: sys.path.insert(0, ${JSON.stringify(ROOT)})\nimport ${PRELOADED.join(", ")}`);
}

/** The bridge of an interpreter, made once per interpreter (an idle spare makes it ahead of its run). */
export function prepareBridge(py: PyodideLike): Bridge {
  const known = prepared.get(py);
  if (known) return known;
  importBridge(py);
  const bridge = py.pyimport("_playground") as Bridge;
  bridge.install(helpers());
  (py.pyimport("_playground.api") as { set_unavailable(n: string[]): void }).set_unavailable([...UNAVAILABLE_METHODS, ...UNAVAILABLE_PROPERTIES]);
  prepared.set(py, bridge);
  return bridge;
}

/**
 * A ModuleHost for the scenario's .py files. `seed` is the scenario seed: `random` in a
 * module is seeded from it, per (server, file), as Math.random is for TypeScript.
 */
export function createPythonHost(py: PyodideLike, sources: Record<string, string>, seed: number): ModuleHost {
  const bridge = prepareBridge(py);
  const has = (k: string) => Object.prototype.hasOwnProperty.call(sources, k);
  // Every .py file of the scenario is importable from every other (bridge imports.py).
  const all = JSON.stringify(sources);
  return {
    load(file: string, env: ModuleEnv): Record<string, unknown> {
      const key = has(file) ? file : file.replace(/^\.\//, "");
      if (!has(key)) throw new ModuleLoadError(`no module file '${file}'; the Python files are: ${Object.keys(sources).join(", ") || "(none)"}`, file);
      // A server name is not known here: env.random() draws the per-(server, file) seed.
      const moduleSeed = hashSeed(seed, key, String(Math.floor(env.random() * 2 ** 32)));
      const r = bridge.load(key, sources[key], env, moduleSeed, all);
      if (r instanceof PyFailure) {
        throw new ModuleLoadError(`loading ${file} raised ${r.info.message}`, r.info.file ?? file, r.info.line, r.info.column);
      }
      return r as Record<string, unknown>;
    },
    locate(err: unknown): ModuleErrorInfo {
      if (err instanceof PyModuleError) return err.info;
      return { message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    },
  };
}

/** One host over TypeScript bundles and Python files: each file goes to its own. */
export function combineHosts(ts: ModuleHost, python: ModuleHost): ModuleHost {
  return {
    load: (file, env) => (isPythonFile(file) ? python.load(file, env) : ts.load(file, env)),
    locate: (err) => (err instanceof PyModuleError ? python.locate(err) : ts.locate(err)),
    // The watchdog's spans (src/sandbox/spans.ts) cover Python code too.
    ...(ts.enter ? { enter: ts.enter.bind(ts) } : {}),
    ...(ts.quiet ? { quiet: ts.quiet.bind(ts) } : {}),
  };
}
