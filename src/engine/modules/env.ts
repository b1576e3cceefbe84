// The deterministic ModuleEnv of one (server, module file): simulated clock, seeded
// PRNG and a console that writes `log` trace events (DEVELOPERS.md "Determinism").
import type { ModuleEnv, ServerApi, TraceSink } from "../contracts.ts";
import type { LogEvent } from "../../trace/types.ts";
import { formatArgs } from "./format.ts";
import { mulberry32 } from "../rng.ts";
import { CONSOLE } from "../recorder.ts";

/** 32-bit FNV-1a over a string, folded with a numeric seed. */
export function hashSeed(seed: number, ...parts: string[]): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  h = Math.imul(h, 0x01000193) >>> 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff; // separator, so ("ab","c") and ("a","bc") differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-mixed PRNG in [0, 1) (shared with the engine). */
export { mulberry32 };

const LEVELS: Record<string, LogEvent["level"]> = {
  debug: "debug",
  log: "info",
  info: "info",
  warn: "warning",
  error: "error",
};

/** Offset from scenario start of the server's current simulated time (trace `at`). */
export function traceAt(api: ServerApi): number {
  return api.now() - (api.start_time ?? 0);
}

export function createModuleEnv(opts: {
  api: ServerApi;
  emit: TraceSink;
  seed: number;
  /** The module file, e.g. "router.ts" (tags log events). */
  module: string;
}): ModuleEnv {
  const { api, emit, module } = opts;
  const random = mulberry32(hashSeed(opts.seed, api.server_name, module));
  let full = false; // the run's console limit is reached (recorder.ts LIMITS): stop formatting
  return {
    now: () => api.now(),
    random,
    console(level, args) {
      if (full) return;
      const e = { at: traceAt(api), server: api.server_name, type: "log", level: LEVELS[level] ?? "info", message: formatArgs(args), module } as const;
      full = emit(Object.defineProperty(e, CONSOLE, { value: true })) === false;
    },
  };
}
