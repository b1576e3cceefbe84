// The engine worker's containment marks (src/sandbox/worker-callback-marks.ts): every
// entry into module code is bracketed by start/end marks that name the module and the
// callback, without changing what module code sees.
import { describe, expect, it } from "vitest";
import { markedHost } from "../../src/sandbox/worker-callback-marks.ts";
import type { ModuleEnv, ModuleHost } from "../../src/engine/contracts.ts";

type Mark = [string, number, string, string, number];

function setup(exportsOf: Record<string, unknown>) {
  const marks: Mark[] = [];
  let now = 1000;
  const env: ModuleEnv = { now: () => now, random: () => 0.5, console: () => {} };
  const inner: ModuleHost = { load: () => exportsOf, locate: () => ({ message: "x" }) };
  const host = markedHost(inner, () => 1000, (...m) => marks.push(m));
  return { host, env, marks, tick: (ms: number) => (now += ms) };
}

class FakeApi {
  registered: Array<Record<string, Function>> = [];
  #secret = 42;
  register_presence_router_callbacks(cbs: Record<string, Function>) {
    this.registered.push(cbs);
  }
  secret() {
    return this.#secret;
  }
}

describe("callback marks", () => {
  it("R56 modern registration: registered callbacks are marked with module and callback names", async () => {
    class Router {
      constructor(_c: unknown, api: FakeApi) {
        api.register_presence_router_callbacks({
          get_users_for_states: async () => new Map(),
          get_interested_users: async () => new Set(),
        });
      }
    }
    const { host, env, marks, tick } = setup({ default: Router, Named: Router });
    const ex = host.load("router.ts", env);
    const api = new FakeApi();
    new (ex.Named as any)({}, api);
    tick(2500);
    await api.registered[0]!.get_interested_users!("@a:hs");
    const names = marks.map(([p, , m, c, at]) => `${p} ${m} ${c} ${at}`);
    expect(names).toEqual([
      "start router.ts module evaluation 0",
      "end router.ts module evaluation 0",
      "start router.ts#Named constructor 0",
      "end router.ts#Named constructor 0",
      "start router.ts#Named get_interested_users 2500",
      "end router.ts#Named get_interested_users 2500",
    ]);
    // start and end of one call share a sequence number
    expect(marks[4]![1]).toBe(marks[5]![1]);
  });

  it("R57 legacy methods found by name are marked, and `this` stays the real instance (#private works)", async () => {
    class Legacy {
      #n = 7;
      static parse_config(c: unknown) {
        return c;
      }
      async get_interested_users() {
        return this.#n;
      }
    }
    const { host, env, marks } = setup({ default: Legacy });
    const Cls = host.load("legacy.ts", env).default as any;
    expect(Cls.parse_config({ a: 1 })).toEqual({ a: 1 });
    const inst = new Cls({}, new FakeApi());
    expect(inst instanceof Legacy).toBe(true);
    expect(await inst.get_interested_users()).toBe(7);
    expect(marks.map((m) => `${m[0]} ${m[3]}`)).toContain("start get_interested_users");
    expect(marks.map((m) => `${m[0]} ${m[3]}`)).toContain("start parse_config");
  });

  it("the ModuleApi proxy keeps private fields of the real api working", () => {
    let seen = 0;
    class UsesApi {
      constructor(_c: unknown, api: FakeApi) {
        seen = api.secret();
      }
    }
    const { host, env } = setup({ default: UsesApi });
    new (host.load("m.ts", env).default as any)({}, new FakeApi());
    expect(seen).toBe(42);
  });

  it("R63 a throwing callback still gets its end mark and the error propagates", () => {
    class Bad {
      constructor() {
        throw new Error("nope");
      }
    }
    const { host, env, marks } = setup({ default: Bad });
    expect(() => new (host.load("bad.ts", env).default as any)({}, new FakeApi())).toThrow("nope");
    expect(marks.filter((m) => m[0] === "end").length).toBe(marks.filter((m) => m[0] === "start").length);
  });
});

describe("callback marks with a frozen ModuleApi", () => {
  it("R56 registration through a frozen api object works and is marked", async () => {
    const registered: Array<Record<string, Function>> = [];
    const api = Object.freeze({
      server_name: "example.org",
      register_presence_router_callbacks(cbs: Record<string, Function>) {
        registered.push(cbs);
      },
    });
    class Router {
      constructor(_c: unknown, a: typeof api) {
        expect(a.server_name).toBe("example.org");
        a.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_users: async () => new Set() });
      }
    }
    const { host, env, marks } = setup({ default: Router });
    new (host.load("r.ts", env).default as any)({}, api);
    await registered[0]!.get_users_for_states!([]);
    expect(marks.map((m) => `${m[0]} ${m[3]}`)).toContain("end get_users_for_states");
  });
});
