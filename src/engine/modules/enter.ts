// Spans of module code for the sandbox's watchdog (ModuleHost.enter, contracts.ts).
import type { ModuleHost } from "../contracts.ts";

const NOTHING = () => {};

/** Runs fn as one span of module code (`what` names it in a watchdog message). */
export function inModule<T>(host: ModuleHost, module: string, what: string, at: number, fn: () => T): T {
  const leave = host.enter ? host.enter(module, what, at) : NOTHING;
  try {
    return fn();
  } finally {
    leave();
  }
}

/** The async form: the span lasts until fn's promise settles. */
export async function inModuleAsync<T>(host: ModuleHost, module: string, what: string, at: number, fn: () => Promise<T>): Promise<T> {
  const leave = host.enter ? host.enter(module, what, at) : NOTHING;
  try {
    return await fn();
  } finally {
    leave();
  }
}
