// Deterministic stand-ins for the globals a module could use to observe the real world
// (module-api.md: "Date.now() and Math.random() inside a module follow the simulated
// clock and the scenario's seed"). These are shadowing parameters of the evaluated
// bundle, not a security boundary: containment is the sandboxed iframe/worker's job.
import type { ModuleEnv } from "../engine/contracts.ts";

const RealDate = Date;

/** A Date whose clock is env.now(); `new Date(x)`, Date.UTC, Date.parse behave as usual. */
export function makeDate(env: ModuleEnv): DateConstructor {
  function SimDate(this: unknown, ...args: unknown[]): unknown {
    // Called without `new`, Date() returns the current time as a string.
    if (!new.target) return new RealDate(env.now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [env.now()], new.target);
  }
  // Share the real prototype so instances are real Dates (instanceof works both ways).
  SimDate.prototype = RealDate.prototype;
  Object.defineProperties(SimDate, {
    now: { value: () => env.now(), writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
    name: { value: "Date" },
  });
  return SimDate as unknown as DateConstructor;
}

/** Math with every member of the real Math, but random() drawn from the seeded env. */
export function makeMath(env: ModuleEnv): Math {
  const m: Record<string, unknown> = {};
  for (const k of Object.getOwnPropertyNames(Math)) m[k] = (Math as unknown as Record<string, unknown>)[k];
  m.random = () => env.random();
  Object.defineProperty(m, Symbol.toStringTag, { value: "Math" });
  return Object.freeze(m) as unknown as Math;
}

/** console → env.console (the trace records it, tagged with server/module/time). */
export function makeConsole(env: ModuleEnv): Console {
  const to = (level: "debug" | "log" | "info" | "warn" | "error") => (...args: unknown[]) => env.console(level, args);
  const c = {
    debug: to("debug"),
    log: to("log"),
    info: to("info"),
    warn: to("warn"),
    error: to("error"),
    trace: to("debug"),
    dir: to("log"),
    table: to("log"),
  };
  return Object.freeze(c) as unknown as Console;
}

/** performance.now() on the simulated clock (ms since the epoch, like Date.now()). */
export function makePerformance(env: ModuleEnv): { now(): number; timeOrigin: number } {
  return Object.freeze({ now: () => env.now(), timeOrigin: 0 });
}

/** Real timers would fire on the wall clock, outside the simulation. */
export function forbiddenTimer(name: string): () => never {
  return () => {
    throw new Error(
      `${name} is not available in a module: use api.delayed_background_call / looping_background_call / sleep (simulated clock)`,
    );
  };
}
