// Calling one registered callback: exceptions, rejections, R60 strict async and promises
// that never settle all become an Outcome instead of reaching the engine (R63).
import type { ModuleHost } from "../contracts.ts";
import type { ModuleErrorInfo } from "../../trace/types.ts";
import { describeType, safeMessage } from "./format.ts";

export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: ModuleErrorInfo | null; warning: string | null };

/** Microtask turns a callback's promise may take to settle (see settle()). */
const MAX_TURNS = 10_000;

export function locateSafely(host: ModuleHost, err: unknown): ModuleErrorInfo {
  try {
    return host.locate(err);
  } catch {
    return { message: safeMessage(err) };
  }
}

function thenOf(v: unknown): unknown {
  if ((typeof v !== "object" && typeof v !== "function") || v === null) return undefined;
  return (v as { then?: unknown }).then; // may throw (a getter): the caller catches
}

/**
 * Awaits a module promise. The simulated clock does not move while the engine waits for
 * a router callback, so a promise that is still pending after every queued microtask has
 * run can never settle (it awaits a timer or sleep()): give up deterministically rather
 * than hang the run.
 */
async function settle(p: PromiseLike<unknown>): Promise<{ done: boolean; value?: unknown; error?: unknown }> {
  let result: { done: boolean; value?: unknown; error?: unknown } = { done: false };
  Promise.resolve(p).then(
    (value) => (result = { done: true, value }),
    (error: unknown) => (result = { done: true, error: error ?? new Error(String(error)) }),
  );
  for (let i = 0; i < MAX_TURNS && !result.done; i++) await undefined;
  return result;
}

export async function invokeCallback(
  fn: unknown,
  arg: unknown,
  opts: { name: string; legacy: boolean; strictAsync: boolean; host: ModuleHost },
): Promise<Outcome> {
  if (typeof fn !== "function") {
    return { ok: false, error: { message: `TypeError: the registered ${opts.name} is ${describeType(fn)}, not a function` }, warning: null };
  }
  let ret: unknown;
  let then: unknown;
  try {
    ret = (fn as (a: unknown) => unknown)(arg);
    then = thenOf(ret);
  } catch (e) {
    return { ok: false, error: locateSafely(opts.host, e), warning: null };
  }
  if (typeof then !== "function") {
    // R60: Synapse awaits modern callbacks; awaiting a plain value raises there.
    if (!opts.legacy && opts.strictAsync) {
      return {
        ok: false,
        error: null,
        warning: `returned ${describeType(ret)} instead of a Promise: callbacks registered with register_presence_router_callbacks must be async (R60); result skipped`,
      };
    }
    return { ok: true, value: ret };
  }
  const r = await settle(ret as PromiseLike<unknown>);
  if (!r.done) {
    return {
      ok: false,
      error: null,
      warning: "the returned Promise did not settle: the simulated clock stands still during a router callback, so it cannot await timers or sleep(); result skipped",
    };
  }
  if ("error" in r && r.error !== undefined) return { ok: false, error: locateSafely(opts.host, r.error), warning: null };
  return { ok: true, value: r.value };
}
