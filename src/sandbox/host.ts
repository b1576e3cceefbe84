// ModuleHost over compiled bundles (contracts.ts). The same implementation serves the
// CLI, Vitest and the browser's engine worker: each load evaluates the bundle afresh
// with `new Function`, handing it `require("synapse")` and deterministic globals.
import { ModuleLoadError, type ModuleEnv, type ModuleHost } from "../engine/contracts.ts";
import { synapseRuntime } from "../synapse/runtime.ts";
import { FORBIDDEN_IMPORT } from "../compile/compile.ts";
import { MODULE_URL_PREFIX, locateRuntimeError } from "../compile/locate.ts";
import { normalizePath } from "../compile/paths.ts";
import type { CompileResult } from "../compile/types.ts";
import type { ModuleErrorInfo } from "../trace/types.ts";
import { forbiddenTimer, makeConsole, makeDate, makeMath, makePerformance } from "./globals.ts";

/** The names the bundle sees as parameters; they shadow the real globals. */
const PARAMS = [
  "require",
  "module",
  "exports",
  "Date",
  "Math",
  "console",
  "performance",
  "setTimeout",
  "setInterval",
  "setImmediate",
] as const;

/**
 * Lines `new Function` puts before the body ("function anonymous(...\n) {\n" in V8).
 * Measured rather than assumed, so other engines map correctly too; measured on the first
 * host's creation (before any module code of that run), not when this file is evaluated:
 * a stack captured at the top level of the engine worker's bundle makes V8 re-parse the
 * whole bundle for source positions (~40 ms of every fresh worker's start).
 */
let lineOffset: number | undefined;
export function functionLineOffset(): number {
  if (lineOffset === undefined) {
    lineOffset = 2;
    try {
      new Function(`throw new Error("probe")\n//# sourceURL=${MODULE_URL_PREFIX}__probe__`)();
    } catch (e) {
      const m = /__probe__:(\d+):\d+/.exec(String((e as Error).stack));
      if (m) lineOffset = Number(m[1]) - 1;
    }
  }
  return lineOffset;
}

export interface ModuleHostOptions {
  /** What `require("synapse")` returns (default: the real runtime). */
  synapse?: unknown;
  /**
   * Compiles a bundle into a function of PARAMS (default: `new Function`). The headless
   * runner's child uses `vm.compileFunction`, so it can forbid code from strings.
   * `lineOffset`: lines the compiler puts before the body (for error locations).
   */
  evaluate?: { compile(code: string, params: readonly string[], url: string): Function; lineOffset: number };
}

function firstError(result: CompileResult, file: string) {
  const own = result.entryDiagnostics?.[file];
  return (own ?? []).find((d) => d.severity === "error");
}

export function createModuleHost(result: CompileResult, opts: ModuleHostOptions = {}): ModuleHost {
  const synapse = opts.synapse ?? synapseRuntime;
  const compiled = new Map<string, Function>();

  const evaluate = opts.evaluate ?? {
    compile: (code: string, params: readonly string[], url: string) => new Function(...params, `${code}\n//# sourceURL=${url}`),
    lineOffset: functionLineOffset(),
  };
  const locate = (err: unknown): ModuleErrorInfo =>
    locateRuntimeError(err, result.bundles, { lineOffset: evaluate.lineOffset });

  function factory(file: string): Function {
    let fn = compiled.get(file);
    if (fn) return fn;
    const has = (k: string) => Object.prototype.hasOwnProperty.call(result.bundles, k);
    // "./router.ts" in a scenario names the same file as "router.ts".
    const key = has(file) ? file : normalizePath(file);
    const bundle = has(key) ? result.bundles[key] : undefined;
    if (!bundle) {
      const d = firstError(result, file);
      if (d) throw new ModuleLoadError(`${file} does not compile: ${d.message}`, d.file, d.line, d.column);
      const names = result.files ?? Object.keys(result.bundles);
      const known = names.length ? names.join(", ") : "(none)";
      const why = names.includes(file) ? `${file} was not compiled as a module entry` : `no module file '${file}'`;
      throw new ModuleLoadError(`${why}; the files are: ${known}`, file);
    }
    try {
      // The sourceURL makes stack frames recognisable ("module:router.ts:L:C").
      fn = evaluate.compile(bundle.code, PARAMS, `${MODULE_URL_PREFIX}${key}`);
    } catch (e) {
      // esbuild already parsed it, so this is rare (e.g. a CSP forbidding eval).
      throw new ModuleLoadError(`${file} could not be evaluated: ${String(e)}`, file);
    }
    compiled.set(file, fn);
    return fn;
  }

  function load(file: string, env: ModuleEnv): Record<string, unknown> {
    const fn = factory(file);
    const module = { exports: {} as unknown };
    const require = (name: string): unknown => {
      if (name === "synapse") return synapse;
      throw new Error(`cannot import '${name}': ${FORBIDDEN_IMPORT}`);
    };
    try {
      fn(
        require,
        module,
        module.exports,
        makeDate(env),
        makeMath(env),
        makeConsole(env),
        makePerformance(env),
        forbiddenTimer("setTimeout"),
        forbiddenTimer("setInterval"),
        forbiddenTimer("setImmediate"),
      );
    } catch (e) {
      const info = locate(e);
      throw new ModuleLoadError(`loading ${file} threw ${info.message}`, info.file ?? file, info.line, info.column);
    }
    const exp = module.exports;
    // A plain-JS `module.exports = class ...` is its default export.
    if (typeof exp === "function") return { default: exp };
    if (typeof exp !== "object" || exp === null) return { default: exp };
    return exp as Record<string, unknown>;
  }

  return { load, locate };
}
