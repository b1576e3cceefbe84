// Fixtures for untrusted.test.ts (issue 10 part B): attacks that got past the first
// round of containment. Each is a whole router.ts (or a scenario using it).
import { SCENARIO } from "./helpers.ts";

/** The test scenario with router.ts as the legacy presence_router (R57: methods found by name). */
export const LEGACY_SCENARIO = SCENARIO.replace("    modules:\n      - module: router.ts\n", "    presence:\n      presence_router:\n        module: router.ts\n");

/**
 * Keeps a callback busy forever while calling its own router method over and over: in
 * the first round every such call posted a "callback start" mark, and the watchdog took
 * any message as a sign of life.
 */
export const HEARTBEAT = `import type { UserPresenceState } from "synapse";

export default class Heartbeat {
  get_users_for_states(states: Iterable<UserPresenceState>) {
    let n = 0;
    for (;;) {
      if (++n % 100000 === 0) this.get_interested_users("@x:example.org"); // HANG
      if (n < 0) break;
    }
    return new Map([["@bob:example.org", new Set(states)]]);
  }
  get_interested_users(_user: string) {
    return new Set<string>();
  }
}
`;

/** Leaves a mark on the worker's global and patches a built-in, at load time. */
export const TAMPER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const g = globalThis as any;
g.__tampered = (g.__tampered ?? 0) + 1;
const realMap = Array.prototype.map;
Array.prototype.map = function (this: unknown[], f: any, t?: any) {
  return g.__armed ? [] : realMap.call(this, f, t);
};
g.__armed = true;

export default class Tamper {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/** A good router that reports what an earlier run left on the global. */
export const OBSERVER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

console.log("left behind: " + String((globalThis as any).__tampered));

export default class Observer {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/**
 * Forges the engine's own trace: every log event gets message: null (Array.prototype.push
 * is shared with the engine, and log events are kept as objects in the trace's columns,
 * src/trace/columns.ts; router calls, syncs and EDUs are rows of numbers).
 */
export const FORGE_STATE = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const push = Array.prototype.push;
Array.prototype.push = function (this: unknown[], ...items: any[]) {
  for (const e of items) if (e && typeof e === "object" && e.type === "log" && "message" in e) e.message = null;
  return push.apply(this, items);
};

export default class Forger {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        console.log("routing");
        return new Map([["@bob:example.org", new Set(states)]]);
      },
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/** Prints far more than a run may keep, then routes normally. */
export const FLOOD_CONSOLE = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

export default class Chatty {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        for (let i = 0; i < 200000; i++) console.log("line " + i);
        return new Map([["@bob:example.org", new Set(states)]]);
      },
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/** Returns a mapping whose value the engine reads through a getter that never returns. */
export const HANG_IN_GETTER = `import type { ModuleApi, UserPresenceState } from "synapse";

export default class Getter {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (_states: Iterable<UserPresenceState>) => ({
        get ["@bob:example.org"]() {
          for (;;) {} // HANG
        },
      }),
      get_interested_users: async (_user: string) => new Set<string>(),
    });
  }
}
`;

/** Forges the trace's columns as they are copied for posting: every Uint32 column's first index points far out of bounds. */
export const FORGE_COLUMNS = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const slice = Uint32Array.prototype.slice;
Uint32Array.prototype.slice = function (this: Uint32Array, ...args: any[]) {
  const out = slice.apply(this, args as [number, number]);
  if (out.length) out[0] = 0xfffffff0;
  return out;
};

export default class ColumnForger {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/**
 * Looks for the watchdog's shared buffer (src/sandbox/sharedSpans.ts) from module code:
 * walks everything reachable from the worker's global (values, getters, prototypes) for
 * a SharedArrayBuffer or a view onto one, and reports what it found.
 */
export const SEARCH_SHARED = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const seen = new Set<unknown>([globalThis]);
const queue: unknown[] = [globalThis];
let objects = 0, shared = 0, views = 0;
while (queue.length && objects < 60000) {
  const o = queue.pop() as object;
  objects++;
  if (o instanceof SharedArrayBuffer) shared++;
  if (ArrayBuffer.isView(o) && (o as any).buffer instanceof SharedArrayBuffer) views++;
  const next: unknown[] = [Object.getPrototypeOf(o)];
  for (const k of Reflect.ownKeys(o)) {
    try {
      const d = Object.getOwnPropertyDescriptor(o, k);
      const got: unknown = d?.get ? Reflect.apply(d.get, o, []) : undefined;
      if (got instanceof Promise) got.catch(() => {}); // a getter on a prototype rejects: not an error of this test
      next.push(d?.value, got);
    } catch {
      // a throwing accessor (lockdown): nothing behind it
    }
  }
  for (const v of next) if ((typeof v === "object" || typeof v === "function") && v !== null && !seen.has(v)) { seen.add(v); queue.push(v); }
}
console.log("isolated: " + String(crossOriginIsolated) + "; searched " + (objects > 1000 ? "over 1000" : objects) + " objects: shared buffers " + shared + ", views on one " + views);

export default class Searcher {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;

/**
 * Replaces what a writer into shared memory might use (Atomics, the Map/Array methods,
 * typed-array methods) and then never returns: the engine's writes were captured before
 * module code ran, so the watchdog still sees the callback open.
 */
export const PATCH_AND_HANG = `import type { UserPresenceState } from "synapse";

export default class PatchAndHang {
  get_users_for_states(states: Iterable<UserPresenceState>) {
    const A = Atomics as any;
    A.store = () => 0;
    A.load = () => 0;
    (globalThis as any).Atomics = { store: () => 0, load: () => 0 };
    Map.prototype.set = function (this: any) { return this; };
    Map.prototype.delete = () => true;
    Int32Array.prototype.set = () => {};
    Float64Array.prototype.set = () => {};
    let n = 0;
    for (;;) if (++n < 0) break; // HANG
    return new Map([["@bob:example.org", new Set(states)]]);
  }
  get_interested_users(_user: string) {
    return new Set<string>();
  }
}
`;

/**
 * Floods the worker's own scheduler with user-blocking tasks from load time on: the
 * engine's turn between instants is a default-priority task on the same scheduler
 * (src/engine/macrotask.ts), which such a flood may starve.
 */
export const TASK_FLOOD = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const scheduler = (globalThis as any).scheduler;
const again = (): void => void scheduler.postTask(again, { priority: "user-blocking" });
again();

export default class TaskFlood {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (user_id: string) => (user_id === "@bob:example.org" ? PresenceRouter.ALL_USERS : new Set<string>()),
    });
  }
}
`;
