// Startup: loading module classes and registering their callbacks (R56–R58).
import { ModuleLoadError, type ModuleEnv, type ModuleHost, type ServerApi, type TraceSink } from "../contracts.ts";
import type { ModuleEntry } from "../../scenario/types.ts";
import type { RunError } from "../../trace/types.ts";
import { isConfigError } from "../../synapse/runtime.ts";
import { createModuleApi, NEITHER_OR_BOTH, type CallbackPair } from "./api.ts";
import type { Registration } from "./combine.ts";
import { createModuleEnv, traceAt } from "./env.ts";
import { describeType, safeMessage } from "./format.ts";
import { locateSafely } from "./invoke.ts";
import { inModule } from "./enter.ts";

export interface LoadContext {
  api: ServerApi;
  host: ModuleHost;
  emit: TraceSink;
  seed: number;
  /** Registrations in order; the router reads this list (R59). */
  registrations: Registration[];
  errors: RunError[];
  /** Per file: one evaluation per server, as Python imports a module once per process. */
  exportsByFile: Map<string, Record<string, unknown>>;
}

type Ctor = (new (config: unknown, api: unknown) => unknown) & { parse_config?: unknown; [LEGACY_CONSTRUCT]?: unknown };

/**
 * A class shim from another language (src/python/host.ts) may construct a legacy router
 * differently: Synapse passes it `config=` and `module_api=` as keywords (R57), a
 * modules: entry positionally (R56).
 */
export const LEGACY_CONSTRUCT: unique symbol = Symbol("legacy construct");

function loadFile(ctx: LoadContext, entry: ModuleEntry): Record<string, unknown> | null {
  const cached = ctx.exportsByFile.get(entry.file);
  if (cached) return cached;
  const env: ModuleEnv = createModuleEnv({ api: ctx.api, emit: ctx.emit, seed: ctx.seed, module: entry.file });
  try {
    const exports = inModule(ctx.host, entry.file, "module evaluation", traceAt(ctx.api), () => ctx.host.load(entry.file, env));
    ctx.exportsByFile.set(entry.file, exports);
    return exports;
  } catch (e) {
    if (e instanceof ModuleLoadError) {
      ctx.errors.push({ kind: "module", message: e.message, file: e.file, line: e.line, column: e.column, path: entry.path });
    } else {
      const info = locateSafely(ctx.host, e);
      ctx.errors.push({ kind: "module", message: `${entry.file} failed to load: ${info.message}`, file: info.file ?? entry.file, line: info.line, column: info.column, path: entry.path });
    }
    return null;
  }
}

function pickClass(ctx: LoadContext, entry: ModuleEntry, exports: Record<string, unknown>): Ctor | null {
  const names = Object.keys(exports).filter((k) => k !== "__esModule");
  if (!Object.prototype.hasOwnProperty.call(exports, entry.export) || exports[entry.export] === undefined) {
    const what = entry.export === "default" ? "no default export" : `no export '${entry.export}'`;
    const hint = names.length ? `exports: ${names.join(", ")}` : "it exports nothing";
    const fix = entry.export === "default" ? ` (write \`export default class …\` or name one: ${entry.file}#Name)` : "";
    ctx.errors.push({ kind: "module", message: `${entry.file} has ${what}; ${hint}${fix}`, file: entry.file, path: `${entry.path}.module` });
    return null;
  }
  const cls = exports[entry.export];
  if (typeof cls !== "function") {
    ctx.errors.push({ kind: "module", message: `${entry.module} is ${describeType(cls)}, not a class`, file: entry.file, path: `${entry.path}.module` });
    return null;
  }
  return cls as Ctor;
}

function startupError(ctx: LoadContext, entry: ModuleEntry, e: unknown, stage: "parse_config" | "constructor") {
  const info = locateSafely(ctx.host, e);
  const config = stage === "parse_config" || isConfigError(e);
  const message = config
    ? `${entry.module}: invalid config: ${info.message.replace(/^ConfigError: /, "")}`
    : `${entry.module}: ${stage === "constructor" ? "the constructor" : stage} raised ${info.message}`;
  // A config problem points at the entry's `config:` (the locator falls back to the entry).
  const path = config ? `${entry.path}.config` : entry.path;
  ctx.errors.push({ kind: (config ? "config" : "module"), message, file: info.file ?? entry.file, line: info.line, column: info.column, path });
}

function hasRouterMethods(o: unknown): boolean {
  try {
    const r = o as Record<string, unknown>;
    return typeof r.get_users_for_states === "function" || typeof r.get_interested_users === "function";
  } catch {
    return false;
  }
}

/** R56 (modern, legacy = false) and R57 (legacy presence_router, legacy = true). */
export function loadEntry(ctx: LoadContext, entry: ModuleEntry, legacy: boolean): void {
  const exports = loadFile(ctx, entry);
  if (!exports) return;
  const cls = pickClass(ctx, entry, exports);
  if (!cls) return;

  let config: unknown = entry.config ?? {}; // R56: {} when missing or null
  let parseConfig: unknown;
  try {
    config = inModule(ctx.host, entry.module, "parse_config", traceAt(ctx.api), () => {
      parseConfig = cls.parse_config;
      return typeof parseConfig === "function" ? (parseConfig as (c: unknown) => unknown).call(cls, config) : config;
    });
  } catch (e) {
    startupError(ctx, entry, e, "parse_config");
    return;
  }

  const registrations: Registration[] = [];
  let constructing = true;
  const api = createModuleApi({
    api: ctx.api,
    module: entry.module,
    register: (pair: CallbackPair) => {
      // Registered through the API: a modern registration even from a legacy class (R60).
      const reg = { module: entry.module, legacy: false, ...pair };
      // Registrations after startup (from a timer) go straight to the live list.
      if (constructing) registrations.push(reg);
      else ctx.registrations.push(reg);
    },
    host: ctx.host,
    onBackgroundError: (err, what) => {
      const info = locateSafely(ctx.host, err);
      ctx.emit({ at: traceAt(ctx.api), server: ctx.api.server_name, type: "error", message: `${entry.module} ${what} raised ${info.message}`, module: entry.module, error: info });
    },
  });

  let instance: unknown;
  try {
    const keywords = legacy ? cls[LEGACY_CONSTRUCT] : undefined;
    instance = inModule(ctx.host, entry.module, "constructor", traceAt(ctx.api), () =>
      typeof keywords === "function" ? (keywords as (c: unknown, a: unknown) => unknown)(config, api) : new cls(config, api),
    );
  } catch (e) {
    startupError(ctx, entry, e, "constructor");
    return;
  } finally {
    constructing = false;
  }
  ctx.registrations.push(...registrations);

  if (!legacy && registrations.length === 0 && hasRouterMethods(instance)) {
    // Synapse is silent here; the playground points out the likely mistake (R56 vs R57).
    ctx.emit({
      at: traceAt(ctx.api),
      server: ctx.api.server_name,
      type: "log",
      level: "warning",
      message: `${entry.module} has get_users_for_states/get_interested_users methods but registered no callbacks: a module in modules: must call api.register_presence_router_callbacks({...}) in its constructor (R56); methods are found by name only for presence.presence_router (R57)`,
      module: entry.module,
    });
  }

  if (legacy) {
    // R57: methods found by name, registered after every modern one; R58 applies.
    let gufs: unknown, giu: unknown;
    try {
      const o = instance as Record<string, unknown>;
      gufs = typeof o.get_users_for_states === "function" ? (o.get_users_for_states as () => unknown).bind(o) : null;
      giu = typeof o.get_interested_users === "function" ? (o.get_interested_users as () => unknown).bind(o) : null;
    } catch (e) {
      ctx.errors.push({ kind: "module", message: `${entry.module}: reading its methods failed: ${safeMessage(e)}`, file: entry.file, path: entry.path });
      return;
    }
    if ((gufs === null) !== (giu === null)) {
      const has = gufs ? "get_users_for_states" : "get_interested_users";
      ctx.errors.push({ kind: "module", message: `${entry.module}: ${NEITHER_OR_BOTH} (it has only ${has}, R58)`, file: entry.file, path: entry.path });
    } else if (gufs !== null) {
      ctx.registrations.push({ module: entry.module, legacy: true, get_users_for_states: gufs, get_interested_users: giu });
    }
  }
}
