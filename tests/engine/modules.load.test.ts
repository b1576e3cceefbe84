import { describe, expect, it } from "vitest";
import { loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { ConfigError } from "../../src/synapse/runtime.ts";
import { entry, hostFromModules, loadOptions } from "./support/host.ts";

const alice = UserPresenceState.default("@alice:example.org");

/** A modern module class that records how it was built and registers `pairs` pairs. */
function modernClass(log: unknown[], tag: string, pairs = 1) {
  return class {
    static parse_config(config: Record<string, unknown>) {
      log.push(["parse_config", tag, config]);
      return { ...config, parsed: tag };
    }
    constructor(config: unknown, api: { register_presence_router_callbacks(c: object): void }) {
      log.push(["constructor", tag, config]);
      for (let i = 0; i < pairs; i++) {
        api.register_presence_router_callbacks({
          get_users_for_states: async () => new Map([[`@${tag}${i}:example.org`, new Set([alice])]]),
          get_interested_users: async () => new Set([`@${tag}${i}:example.org`]),
        });
      }
    }
  };
}

describe("loadModules", () => {
  it("R56 modern registration: parse_config then constructor, in list order", async () => {
    const log: unknown[] = [];
    const host = hostFromModules({ "a.ts": () => ({ default: modernClass(log, "a") }), "b.ts": () => ({ B: modernClass(log, "b") }) });
    const opts = loadOptions(host, [entry("a.ts", { x: 1 }), entry("b.ts#B", null)]);
    const { router, errors } = await loadModules(opts);
    expect(errors).toEqual([]);
    expect(router.active).toBe(true);
    expect(log).toEqual([
      ["parse_config", "a", { x: 1 }],
      ["constructor", "a", { x: 1, parsed: "a" }],
      ["parse_config", "b", {}], // R56: {} when the config is null
      ["constructor", "b", { parsed: "b" }],
    ]);
    expect([...(await router.get_interested_users("@me:example.org")) as Set<string>]).toEqual(["@a0:example.org", "@b0:example.org"]);
  });

  it("R56 a module registering twice appends both pairs", async () => {
    const host = hostFromModules({ "a.ts": () => ({ default: modernClass([], "a", 2) }) });
    const { router } = await loadModules(loadOptions(host, [entry("a.ts")]));
    expect([...(await router.get_interested_users("@me:example.org")) as Set<string>]).toEqual(["@a0:example.org", "@a1:example.org"]);
  });

  it("R56 without parse_config the config is passed as written", async () => {
    let got: unknown;
    const host = hostFromModules({ "a.ts": () => ({ default: class { constructor(c: unknown) { got = c; } } }) });
    const { errors, router } = await loadModules(loadOptions(host, [entry("a.ts", { users: ["@x:y"] })]));
    expect(errors).toEqual([]);
    expect(got).toEqual({ users: ["@x:y"] });
    expect(router.active).toBe(false); // registering nothing is fine
  });

  it("R57 legacy presence_router: methods found by name, may be sync", async () => {
    const host = hostFromModules({
      "legacy.ts": () => ({
        default: class {
          constructor(readonly config: { who: string }) {}
          static parse_config(c: { who?: string }) { return { who: c.who ?? "nobody" }; }
          get_users_for_states() { return { [this.config.who]: new Set([alice]) }; }
          get_interested_users() { return new Set([this.config.who]); }
        },
      }),
    });
    const opts = loadOptions(host, [], { legacy: entry("legacy.ts", { who: "@w:example.org" }, "presence.presence_router") });
    const { router, errors } = await loadModules(opts);
    expect(errors).toEqual([]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@w:example.org"]));
    const m = await router.get_users_for_states([alice]);
    expect([...m.keys()]).toEqual(["@w:example.org"]);
    expect(m.get("@w:example.org")![0]!.equals(alice)).toBe(true);
  });

  it("R57/R59 the legacy router is registered after every modern module", async () => {
    const host = hostFromModules({
      "legacy.ts": () => ({
        default: class {
          get_users_for_states() { return new Map(); }
          get_interested_users() { return new Set(["@legacy:example.org"]); }
        },
      }),
      "m.ts": () => ({ default: modernClass([], "m") }),
    });
    const opts = loadOptions(host, [entry("m.ts")], { legacy: entry("legacy.ts", {}, "presence.presence_router") });
    const { router } = await loadModules(opts);
    await router.get_interested_users("@me:example.org");
    const calls = opts.events.filter((e) => e.type === "router_call").map((e) => e.type === "router_call" && e.module);
    expect(calls).toEqual(["m.ts", "legacy.ts"]);
  });

  it("R58 registering only one callback is a startup error (neither or both)", async () => {
    const host = hostFromModules({
      "half.ts": () => ({
        default: class {
          constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
            api.register_presence_router_callbacks({ get_interested_users: async () => new Set() });
          }
        },
      }),
    });
    const { errors, router } = await loadModules(loadOptions(host, [entry("half.ts")]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "module", path: "servers.example.org.modules[0]" });
    expect(errors[0]!.message).toContain("neither or both");
    expect(router.active).toBe(false);
  });

  it("R56 register_presence_router_callbacks is keyword-only: positional use or an unknown name is a startup error", async () => {
    type Reg = { register_presence_router_callbacks(...a: unknown[]): void };
    const host = hostFromModules({
      "pos.ts": () => ({ default: class { constructor(_c: unknown, api: Reg) { api.register_presence_router_callbacks(async () => new Map(), async () => new Set()); } } }),
      "typo.ts": () => ({
        default: class {
          constructor(_c: unknown, api: Reg) {
            api.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_user: async () => new Set() });
          }
        },
      }),
    });
    const { errors } = await loadModules(loadOptions(host, [entry("pos.ts"), entry("typo.ts")]));
    expect(errors.map((e) => e.kind)).toEqual(["module", "module"]);
    expect(errors[0]!.message).toContain("takes keyword arguments");
    expect(errors[1]!.message).toContain("unexpected keyword argument 'get_interested_user'");
  });

  it("R56 a modern module with router methods that never registers gets a hint, not an error", async () => {
    const host = hostFromModules({ "m.ts": () => ({ default: class { async get_users_for_states() { return new Map(); } async get_interested_users() { return new Set(); } } }) });
    const opts = loadOptions(host, [entry("m.ts")]);
    const { errors, router } = await loadModules(opts);
    expect(errors).toEqual([]);
    expect(router.active).toBe(false);
    expect(opts.events).toEqual([expect.objectContaining({ type: "log", level: "warning", module: "m.ts", message: expect.stringContaining("registered no callbacks") })]);
  });

  it("R58 registering neither is a no-op", async () => {
    const host = hostFromModules({
      "none.ts": () => ({
        default: class {
          constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
            api.register_presence_router_callbacks({});
          }
        },
      }),
    });
    const { errors, router } = await loadModules(loadOptions(host, [entry("none.ts")]));
    expect(errors).toEqual([]);
    expect(router.active).toBe(false);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
  });

  it("R58 applies to legacy classes with only one of the two methods", async () => {
    const host = hostFromModules({ "l.ts": () => ({ default: class { get_interested_users() { return new Set(); } } }) });
    const { errors } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, "presence.presence_router") }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("neither or both");
    expect(errors[0]!.path).toBe("presence.presence_router");
  });

  it("R56 a ConfigError from parse_config is a config error with the entry's path", async () => {
    const host = hostFromModules({
      "c.ts": () => ({
        default: class {
          static parse_config() { throw new ConfigError("always_send_to_users must be a list"); }
        },
      }),
    });
    const { errors } = await loadModules(loadOptions(host, [entry("c.ts", { always_send_to_users: 3 })]));
    expect(errors).toEqual([
      expect.objectContaining({ kind: "config", path: "servers.example.org.modules[0].config", file: "c.ts" }),
    ]);
    expect(errors[0]!.message).toContain("always_send_to_users must be a list");
  });

  it("R56 any throw from parse_config is a config error; a constructor throw is a module error", async () => {
    const host = hostFromModules({
      "p.ts": () => ({ default: class { static parse_config() { throw new TypeError("bad"); } } }),
      "k.ts": () => ({ default: class { constructor() { throw new RangeError("boom"); } } }),
      "kc.ts": () => ({ default: class { constructor() { throw new ConfigError("nope"); } } }),
    });
    const { errors } = await loadModules(loadOptions(host, [entry("p.ts"), entry("k.ts"), entry("kc.ts")]));
    expect(errors.map((e) => e.kind)).toEqual(["config", "module", "config"]);
    expect(errors[1]!.message).toContain("RangeError: boom");
  });

  it("R56 a missing named export names the exports that exist", async () => {
    const host = hostFromModules({ "router.ts": () => ({ TeamRouter: class {}, default: class {} }) });
    const { errors } = await loadModules(loadOptions(host, [entry("router.ts#TeamRoutr")]));
    expect(errors[0]!.message).toBe("router.ts has no export 'TeamRoutr'; exports: TeamRouter, default");
    expect(errors[0]).toMatchObject({ kind: "module", path: "servers.example.org.modules[0].module" });
  });

  it("R56 a missing default export and a non-class export are errors", async () => {
    const host = hostFromModules({ "a.ts": () => ({ A: class {} }), "b.ts": () => ({ default: 42 }) });
    const { errors } = await loadModules(loadOptions(host, [entry("a.ts"), entry("b.ts")]));
    expect(errors[0]!.message).toContain("a.ts has no default export; exports: A");
    expect(errors[1]!.message).toContain("not a class");
  });

  it("R56 a file that fails to load is a module error with its location", async () => {
    const host = hostFromModules({ "bad.ts": () => { throw new Error("SyntaxError"); } });
    const { errors } = await loadModules(loadOptions(host, [entry("bad.ts"), entry("missing.ts")]));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ kind: "module", file: "bad.ts", line: 1, column: 1 });
    expect(errors[1]!.message).toContain("missing.ts");
  });

  it("R56 a file is evaluated once per server even when listed twice", async () => {
    let evaluations = 0;
    const host = hostFromModules({ "a.ts": () => (evaluations++, { default: modernClass([], "a"), B: modernClass([], "b") }) });
    await loadModules(loadOptions(host, [entry("a.ts"), entry("a.ts#B")]));
    expect(evaluations).toBe(1);
  });
});
