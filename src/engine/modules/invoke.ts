// Calling one registered callback: exceptions, rejections, R60 strict async and promises
// that never settle all become an Outcome instead of reaching the engine (R63).
import type { ModuleHost } from "../contracts.ts";
import type { ModuleErrorInfo } from "../../trace/types.ts";
import { describeType, safeMessage } from "./format.ts";

export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: ModuleErrorInfo | null; warning: string | null; unsettled?: true };

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
async function settle(p: PromiseLike<unknown>, timing: Timing | undefined): Promise<{ done: boolean; value?: unknown; error?: unknown }> {
  let result: { done: boolean; value?: unknown; error?: unknown } = { done: false };
  Promise.resolve(p).then(
    (value) => (result = { done: true, value }),
    (error: unknown) => (result = { done: true, error: error ?? new Error(String(error)) }),
  );
  // A callback whose body ran to completion during the call settles in the first turn:
  // its time was all measured around the call. Only a callback that awaits inside
  // keeps running in later turns; those are timed (an upper bound: other work queued
  // on the same microtask queue runs in between).
  await undefined;
  if (result.done || !timing) {
    for (let i = 1; i < MAX_TURNS && !result.done; i++) await undefined;
    return result;
  }
  const t0 = timing.now();
  for (let i = 1; i < MAX_TURNS && !result.done; i++) await undefined;
  timing.ms += timing.now() - t0;
  return result;
}

/** Wall-clock time spent in module code, accumulated by invokeCallback (`measure: true`). */
export interface Timing {
  now(): number;
  ms: number;
}

export async function invokeCallback(
  fn: unknown,
  arg: unknown,
  opts: { name: string; legacy: boolean; strictAsync: boolean; host: ModuleHost; timing?: Timing },
): Promise<Outcome> {
  const timing = opts.timing;
  if (typeof fn !== "function") {
    return { ok: false, error: { message: `TypeError: the registered ${opts.name} is ${describeType(fn)}, not a function` }, warning: null };
  }
  let ret: unknown;
  let then: unknown;
  const t0 = timing ? timing.now() : 0;
  try {
    ret = (fn as (a: unknown) => unknown)(arg);
    then = thenOf(ret);
  } catch (e) {
    if (timing) timing.ms += timing.now() - t0;
    return { ok: false, error: locateSafely(opts.host, e), warning: null };
  }
  if (timing) timing.ms += timing.now() - t0;
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
  const r = await settle(ret as PromiseLike<unknown>, timing);
  if (!r.done) {
    return {
      ok: false,
      error: null,
      warning: "the returned Promise did not settle: the simulated clock stands still during a router callback, so it cannot await timers or sleep(); result skipped",
      unsettled: true,
    };
  }
  if ("error" in r && r.error !== undefined) return { ok: false, error: locateSafely(opts.host, r.error), warning: null };
  return { ok: true, value: r.value };
}
