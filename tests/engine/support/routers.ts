// Router modules for engine tests (in-memory classes for hostFromModules).
import { hostFromModules, type TestHost } from "./host.ts";

const ALL = "ALL";

/** Synapse's test router: everything goes to the configured users, who get ALL_USERS. */
export function gobblerModern(users: string[]) {
  return class {
    constructor(_config: unknown, api: any) {
      api.register_presence_router_callbacks({
        get_users_for_states: async (states: Iterable<unknown>) => new Map(users.map((u) => [u, new Set(states)])),
        get_interested_users: async (u: string) => (users.includes(u) ? ALL : new Set()),
      });
    }
  };
}

export function gobblerLegacy(users: string[]) {
  return class {
    constructor(_config: unknown, _api: any) {}
    get_users_for_states(states: Iterable<unknown>) {
      return new Map(users.map((u) => [u, new Set(states)]));
    }
    get_interested_users(u: string) {
      return users.includes(u) ? ALL : new Set();
    }
  };
}

/** A router given as two plain functions (modern registration). */
export function routerOf(
  gufs: (states: any[], api: any) => unknown,
  giu: (user: string, api: any) => unknown,
  ctor?: (api: any) => void,
) {
  return class {
    constructor(_config: unknown, api: any) {
      ctor?.(api);
      api.register_presence_router_callbacks({
        get_users_for_states: async (states: Iterable<unknown>) => gufs([...states], api),
        get_interested_users: async (u: string) => giu(u, api),
      });
    }
  };
}

export function hostWith(classes: Record<string, unknown>): TestHost {
  return hostFromModules(Object.fromEntries(Object.entries(classes).map(([f, c]) => [f, { default: c }])));
}
