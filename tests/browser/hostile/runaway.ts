// Runaway and poisoned module fixtures for containment.test.ts. Each is a whole
// router.ts; `HANG` marks the line the watchdog should point at where it can.

const wrap = (callbacks: string, top = "", statics = "") => `import type { ModuleApi, UserPresenceState } from "synapse";
${top}
export default class Runaway {
${statics}
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
${callbacks}
    });
  }
}
`;

const ROUTE = `      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),`;
const INTERESTED = `      get_interested_users: async (_user: string) => new Set<string>(),`;

export const LOOP_IN_CALLBACK = wrap(`${ROUTE}
      get_interested_users: async (user: string) => {
        while (user) {} // HANG
        return new Set<string>();
      },`);

export const LOOP_AT_LOAD = wrap(`${ROUTE}\n${INTERESTED}`, `let spin = true;\nwhile (spin) {} // HANG\n`);

export const LOOP_IN_PARSE_CONFIG = wrap(`${ROUTE}\n${INTERESTED}`, "", `  static parse_config(config: unknown) {
    while (config) {} // HANG
    return config;
  }`);

/** An endless promise chain inside a callback: the engine stops waiting for it (it cannot settle). */
export const MICROTASK_LOOP_IN_CALLBACK = wrap(`${ROUTE}
      get_interested_users: async (_user: string) => {
        for (;;) await null;
      },`);

/** An endless promise chain started at load time, still spinning after the run. */
export const MICROTASK_LOOP_AT_LOAD = wrap(`${ROUTE}\n${INTERESTED}`, `void (async () => {\n  for (;;) await null;\n})();\n`);

export const RECURSION = wrap(`${ROUTE}
      get_interested_users: async (user: string) => {
        const deeper = (n: number): number => deeper(n + 1) + 1;
        return new Set<string>([user + deeper(0)]);
      },`);

export const OUT_OF_MEMORY = wrap(`${ROUTE}
      get_interested_users: async (_user: string) => {
        const hoard: unknown[] = [];
        for (;;) hoard.push(new Array(1_000_000).fill(hoard.length)); // HANG
      },`);

export const HUGE_RESULT = wrap(`${ROUTE}
      get_interested_users: async (_user: string) => {
        // A million entries (numbers: cheap to build, so the limit, not the budget, stops it).
        const huge = new Set<any>();
        for (let i = 0; i < 1_000_000; i++) huge.add(i);
        return huge;
      },`);

/** Received states are frozen: mutating one throws (and the engine's records are untouched). */
export const MUTATE_STATES = wrap(`      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        for (const s of states) (s as any).state = "hacked";
        return new Map();
      },
${INTERESTED}`);

/** Poisoned results: a Proxy posing as a Map, a state whose getter throws, a Proxy posing as a Set. */
export const POISONED = wrap(`      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        const real = [...states][0];
        const trap = { get: () => { throw new Error("trap sprung"); } };
        return new Map<string, any>([
          ["@bob:example.org", new Set([new Proxy(real, trap)])],
          ["@alice:example.org", new Set([{ get user_id(): string { throw new Error("getter sprung"); } }])],
        ]);
      },
      get_interested_users: async (_user: string) => new Proxy(new Set<string>(["@alice:example.org"]), {}) as any,`);
