// The module layer of one simulated server: load (R56–R58), combine (R59–R63).
import type { LoadModulesOptions, LoadedModules } from "../contracts.ts";
import { createRouter, type Registration } from "./combine.ts";
import { loadEntry, type LoadContext } from "./load.ts";

export { createRouter, type Registration } from "./combine.ts";
export { createModuleApi, NEITHER_OR_BOTH, UNAVAILABLE_METHODS, UNAVAILABLE_PROPERTIES } from "./api.ts";
export { createModuleEnv, hashSeed, mulberry32, traceAt } from "./env.ts";
export { formatArgs, formatValue } from "./format.ts";

/**
 * Loads a server's modules in Synapse's order: every `modules:` entry (R56), then the
 * legacy `presence.presence_router` (R57, registered after all modern ones, R59).
 * Startup errors are collected, not thrown; a non-empty `errors` stops the run.
 */
export async function loadModules(opts: LoadModulesOptions): Promise<LoadedModules> {
  const registrations: Registration[] = [];
  const ctx: LoadContext = {
    api: opts.api,
    host: opts.host,
    emit: opts.emit,
    seed: opts.seed,
    registrations,
    errors: [],
    exportsByFile: new Map(),
  };
  for (const entry of opts.server.modules) loadEntry(ctx, entry, false);
  const legacy = opts.server.presence.presence_router;
  if (legacy) loadEntry(ctx, legacy, true);
  const router = createRouter(registrations, {
    api: opts.api,
    emit: opts.emit,
    host: opts.host,
    fidelity: opts.fidelity,
    measure: opts.measure,
    onUnsettled: opts.onUnsettled,
    nextCallId: opts.nextCallId,
    tracing: opts.tracing,
  });
  return { router, errors: ctx.errors };
}
