// Containment support inside the engine worker: wraps a ModuleHost so that every entry
// into user code (module evaluation, parse_config, constructor, registered callbacks,
// legacy methods, timers) posts a start/end mark. The sandbox iframe's watchdog uses the
// marks to name the callback (and simulated time) that hangs, then terminates the worker.
// Marks are tiny messages; the wrapping never changes what user code sees: `this` stays
// the real instance (so #private fields work) and the real ModuleApi is called.
import type { ModuleEnv, ModuleHost } from "../engine/contracts.ts";

export type MarkFn = (phase: "start" | "end", seq: number, module: string, callback: string, at: number) => void;

const WRAPPED = Symbol("marked");
const TIMER_METHODS = new Set(["looping_background_call", "delayed_background_call"]);
const LEGACY_METHODS = ["get_users_for_states", "get_interested_users"];

export function markedHost(inner: ModuleHost, startTime: () => number, mark: MarkFn): ModuleHost {
  let seq = 0;

  /** Runs fn between marks; the end mark waits for a returned promise to settle. */
  function guard<T>(module: string, callback: string, env: ModuleEnv, fn: () => T): T {
    const id = ++seq;
    const at = () => env.now() - startTime();
    mark("start", id, module, callback, at());
    let result: T;
    try {
      result = fn();
    } catch (e) {
      mark("end", id, module, callback, at());
      throw e;
    }
    if (result && typeof (result as any).then === "function") {
      const done = () => mark("end", id, module, callback, at());
      (result as any).then(done, done);
    } else {
      mark("end", id, module, callback, at());
    }
    return result;
  }

  function wrapFn(module: string, name: string, env: ModuleEnv, f: unknown): unknown {
    if (typeof f !== "function" || (f as any)[WRAPPED]) return f;
    const w = function (this: unknown, ...args: unknown[]) {
      return guard(module, name, env, () => Reflect.apply(f, this, args));
    };
    (w as any)[WRAPPED] = true;
    return w;
  }

  /**
   * A stand-in for the ModuleApi whose members forward to the real one (lazily, so a
   * member that throws on access still throws only when used). Not a Proxy: the real
   * api is frozen, and a Proxy may not return a different value for a frozen property.
   */
  function wrapApi(module: string, env: ModuleEnv, api: object): object {
    const out: Record<PropertyKey, unknown> = {};
    const keys = new Set<PropertyKey>();
    for (let o: object | null = api; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const k of Reflect.ownKeys(o)) if (k !== "constructor") keys.add(k);
    }
    for (const prop of keys) {
      Object.defineProperty(out, prop, {
        enumerable: true,
        get() {
          const v = Reflect.get(api, prop, api);
          if (typeof v !== "function") return v;
          if (prop === "register_presence_router_callbacks") {
            return (cbs: unknown, ...rest: unknown[]) => {
              if (!cbs || typeof cbs !== "object") return v.call(api, cbs, ...rest);
              const wrapped: Record<string, unknown> = { ...(cbs as object) };
              for (const k of Object.keys(wrapped)) wrapped[k] = wrapFn(module, k, env, wrapped[k]);
              return v.call(api, wrapped, ...rest);
            };
          }
          if (typeof prop === "string" && TIMER_METHODS.has(prop)) {
            return (...args: unknown[]) => v.apply(api, args.map((a) => wrapFn(module, `${prop} timer`, env, a)));
          }
          return v.bind(api);
        },
      });
    }
    return Object.isFrozen(api) ? Object.freeze(out) : out;
  }

  function isApi(x: unknown): x is object {
    return !!x && typeof x === "object" && typeof (x as any).register_presence_router_callbacks === "function";
  }

  function wrapClass(module: string, env: ModuleEnv, cls: Function): Function {
    return new Proxy(cls, {
      construct(target, args, newTarget) {
        const real = args.map((a) => {
          if (isApi(a)) return wrapApi(module, env, a);
          // Legacy style may pass keyword-like { config, module_api }.
          if (a && typeof a === "object" && isApi((a as any).module_api)) {
            return { ...(a as object), module_api: wrapApi(module, env, (a as any).module_api) };
          }
          return a;
        });
        const inst = guard(module, "constructor", env, () =>
          Reflect.construct(target, real, newTarget),
        );
        // Legacy routers are found by method name (R57): mark those calls as well.
        for (const m of LEGACY_METHODS) {
          const f = inst?.[m];
          if (typeof f === "function" && Object.isExtensible(inst)) {
            Object.defineProperty(inst, m, {
              value: wrapFn(module, m, env, f),
              writable: true,
              configurable: true,
              enumerable: false,
            });
          }
        }
        return inst;
      },
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === "parse_config" && typeof v === "function") return wrapFn(module, "parse_config", env, v);
        return v;
      },
    });
  }

  return {
    load(file, env) {
      const exports = guard(file, "module evaluation", env, () => inner.load(file, env));
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(exports)) {
        const module = name === "default" ? file : `${file}#${name}`;
        out[name] = typeof v === "function" ? wrapClass(module, env, v) : v;
      }
      return out;
    },
    locate(err) {
      return inner.locate(err);
    },
  };
}
