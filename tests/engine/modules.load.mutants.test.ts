// Startup in detail (R56–R58): the exact messages and locations of startup errors, the
// registration hint, legacy method discovery, and the watchdog spans around module code.
import { describe, expect, it } from "vitest";
import type { ModuleHost } from "../../src/engine/contracts.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { ConfigError } from "../../src/synapse/runtime.ts";
import type { ModuleErrorInfo } from "../../src/trace/types.ts";
import { entry, hostFromModules, loadOptions } from "./support/host.ts";

type Reg = { register_presence_router_callbacks(c: object): void };
const pair = { get_users_for_states: async () => new Map(), get_interested_users: async () => new Set(["@r:example.org"]) };
const LEGACY = "presence.presence_router";

/** A host whose locate() gives a file and position, as the real sandbox does for user code. */
function locating(files: Parameters<typeof hostFromModules>[0], at: ModuleErrorInfo = { message: "", file: "src.ts", line: 3, column: 9 }): ModuleHost {
  const base = hostFromModules(files);
  return { ...base, locate: (e) => ({ ...at, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }) };
}

describe("R56 loading a file", () => {
  it("a host failure that is not a ModuleLoadError: '<file> failed to load: …', located", async () => {
    const host: ModuleHost = {
      load: () => {
        throw new TypeError("worker gone");
      },
      locate: (e) => ({ message: `${(e as Error).name}: ${(e as Error).message}`, line: 4, column: 2 }),
    };
    const { errors } = await loadModules(loadOptions(host, [entry("a.ts")]));
    expect(errors).toEqual([{ kind: "module", message: "a.ts failed to load: TypeError: worker gone", file: "a.ts", line: 4, column: 2, path: "servers.example.org.modules[0]" }]);
  });

  it("a ModuleLoadError keeps its own message and position", async () => {
    const host = hostFromModules({ "bad.ts": () => { throw new Error("Unexpected token"); } });
    const { errors } = await loadModules(loadOptions(host, [entry("bad.ts")]));
    expect(errors).toEqual([{ kind: "module", message: "bad.ts: Unexpected token", file: "bad.ts", line: 1, column: 1, path: "servers.example.org.modules[0]" }]);
  });

  it("a file that failed to load is not cached: each entry naming it reports", async () => {
    const host = hostFromModules({});
    const { errors } = await loadModules(loadOptions(host, [entry("gone.ts"), entry("gone.ts#B")]));
    expect(errors).toHaveLength(2);
  });
});

describe("R56 picking the class", () => {
  it("a default export that is missing from an empty module: 'it exports nothing' and how to fix it", async () => {
    const host = hostFromModules({ "e.ts": () => ({ __esModule: true }) });
    const { errors } = await loadModules(loadOptions(host, [entry("e.ts")]));
    expect(errors).toEqual([
      {
        kind: "module",
        message: "e.ts has no default export; it exports nothing (write `export default class …` or name one: e.ts#Name)",
        file: "e.ts",
        path: "servers.example.org.modules[0].module",
      },
    ]);
  });

  it("an export that exists but is undefined counts as missing; a named one gets no default hint", async () => {
    const host = hostFromModules({ "u.ts": () => ({ R: undefined, __esModule: true, S: class {} }) });
    const { errors } = await loadModules(loadOptions(host, [entry("u.ts#R")]));
    expect(errors.map((e) => e.message)).toEqual(["u.ts has no export 'R'; exports: R, S"]);
  });

  it("an export that is not a class names its type and points at `module:`", async () => {
    const host = hostFromModules({ "n.ts": () => ({ Router: { get_users_for_states() {} } }) });
    const { errors } = await loadModules(loadOptions(host, [entry("n.ts#Router")]));
    expect(errors).toEqual([{ kind: "module", message: "n.ts#Router is a plain object, not a class", file: "n.ts", path: "servers.example.org.modules[0].module" }]);
  });
});

describe("R56 parse_config and the constructor", () => {
  it("R56 a missing config is {}; parse_config runs with the class as `this`", async () => {
    const seen: unknown[] = [];
    const host = hostFromModules({
      "c.ts": () => ({
        default: class Cfg {
          static defaults = { n: 1 };
          static parse_config(this: { defaults: object }, c: object) {
            return { ...this.defaults, ...c };
          }
          constructor(c: unknown) {
            seen.push(c);
          }
        },
      }),
    });
    const { errors } = await loadModules(loadOptions(host, [{ ...entry("c.ts"), config: undefined }]));
    expect(errors).toEqual([]);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("R56 a parse_config that is not a function is ignored: the config is passed as written", async () => {
    const seen: unknown[] = [];
    const host = hostFromModules({ "c.ts": () => ({ default: class { static parse_config = "no"; constructor(c: unknown) { seen.push(c); } } }) });
    await loadModules(loadOptions(host, [entry("c.ts", { a: 1 })]));
    expect(seen).toEqual([{ a: 1 }]);
  });

  it("R56 a ConfigError from parse_config: 'invalid config' without the ConfigError prefix, at `config:`, located", async () => {
    const host = locating({ "c.ts": () => ({ default: class { static parse_config() { throw new ConfigError("users must be a list"); } } }) });
    const { errors } = await loadModules(loadOptions(host, [entry("c.ts")]));
    expect(errors).toEqual([
      { kind: "config", message: "c.ts: invalid config: users must be a list", file: "src.ts", line: 3, column: 9, path: "servers.example.org.modules[0].config" },
    ]);
  });

  it("R56 a constructor throw: 'the constructor raised …', at the entry; its registrations are dropped", async () => {
    const host = locating({
      "k.ts": () => ({
        default: class {
          constructor(_c: unknown, api: Reg) {
            api.register_presence_router_callbacks(pair);
            throw new RangeError("boom");
          }
        },
      }),
    });
    const { errors, router } = await loadModules(loadOptions(host, [entry("k.ts")]));
    expect(errors).toEqual([
      { kind: "module", message: "k.ts: the constructor raised RangeError: boom", file: "src.ts", line: 3, column: 9, path: "servers.example.org.modules[0]" },
    ]);
    expect(router.active).toBe(false);
  });

  it("R56 a ConfigError from the constructor is a config error too", async () => {
    const host = hostFromModules({ "k.ts": () => ({ default: class { constructor() { throw new ConfigError("bad key"); } } }) });
    const { errors } = await loadModules(loadOptions(host, [entry("k.ts")]));
    expect(errors).toEqual([{ kind: "config", message: "k.ts: invalid config: bad key", file: "k.ts", path: "servers.example.org.modules[0].config" }]);
  });
});

describe("R56 the 'registered no callbacks' hint", () => {
  const hint = (events: Array<{ type: string }>) => events.filter((e) => e.type === "log");

  it("a module with only one of the router methods still gets the hint, in full", async () => {
    const host = hostFromModules({ "m.ts": () => ({ default: class { async get_interested_users() { return new Set(); } } }) });
    const opts = loadOptions(host, [entry("m.ts")]);
    await loadModules(opts);
    expect(opts.events).toEqual([
      {
        at: 0,
        server: "example.org",
        type: "log",
        level: "warning",
        module: "m.ts",
        message:
          "m.ts has get_users_for_states/get_interested_users methods but registered no callbacks: a module in modules: must call api.register_presence_router_callbacks({...}) in its constructor (R56); methods are found by name only for presence.presence_router (R57)",
      },
    ]);
  });

  it("no hint for a module that registered, one without such methods, a legacy router, or an instance whose getter throws", async () => {
    const host = hostFromModules({
      "reg.ts": () => ({ default: class { constructor(_c: unknown, api: Reg) { api.register_presence_router_callbacks(pair); } async get_interested_users() { return new Set(); } } }),
      "plain.ts": () => ({ default: class { other() {} } }),
      "evil.ts": () => ({ default: class { get get_users_for_states(): never { throw new Error("x"); } } }),
      "legacy.ts": () => ({ default: class { get_users_for_states() { return new Map(); } get_interested_users() { return new Set(); } } }),
    });
    const opts = loadOptions(host, [entry("reg.ts"), entry("plain.ts"), entry("evil.ts")], { legacy: entry("legacy.ts", {}, LEGACY) });
    const { errors } = await loadModules(opts);
    expect(errors).toEqual([]);
    expect(hint(opts.events)).toEqual([]);
  });
});

describe("R57 legacy method discovery", () => {
  it("R58 a legacy class with only get_users_for_states: the error names the method it has", async () => {
    const host = hostFromModules({ "l.ts": () => ({ default: class { get_users_for_states() { return new Map(); } } }) });
    const { errors } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, LEGACY) }));
    expect(errors).toEqual([
      {
        kind: "module",
        message: "l.ts: PresenceRouter modules must register neither or both of the paired callbacks: [get_users_for_states, get_interested_users] (it has only get_users_for_states, R58)",
        file: "l.ts",
        path: LEGACY,
      },
    ]);
  });

  it("R57 a legacy class with neither method registers nothing and is no error", async () => {
    const host = hostFromModules({ "l.ts": () => ({ default: class { route() {} } }) });
    const { errors, router } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, LEGACY) }));
    expect(errors).toEqual([]);
    expect(router.active).toBe(false);
  });

  it("R57 a legacy method that is not a function counts as absent", async () => {
    const host = hostFromModules({ "l.ts": () => ({ default: class { get_users_for_states = "nope"; get_interested_users() { return new Set(); } } }) });
    const { errors } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, LEGACY) }));
    expect(errors[0]!.message).toContain("(it has only get_interested_users, R58)");
  });

  it("R57 reading the methods throws: a module error saying so", async () => {
    const host = hostFromModules({ "l.ts": () => ({ default: class { get get_interested_users(): never { throw new Error("getter"); } get_users_for_states() {} } }) });
    const { errors, router } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, LEGACY) }));
    expect(errors).toEqual([{ kind: "module", message: "l.ts: reading its methods failed: Error: getter", file: "l.ts", path: LEGACY }]);
    expect(router.active).toBe(false);
  });

  it("R57 legacy methods are called on the instance (`this` is the module)", async () => {
    const host = hostFromModules({
      "l.ts": () => ({
        default: class {
          who = "@me-too:example.org";
          get_users_for_states() { return new Map(); }
          get_interested_users() { return new Set([this.who]); }
        },
      }),
    });
    const { router } = await loadModules(loadOptions(host, [], { legacy: entry("l.ts", {}, LEGACY) }));
    expect(await router.get_interested_users("@x:example.org")).toEqual(new Set(["@me-too:example.org"]));
  });
});

describe("watchdog spans (ModuleHost.enter)", () => {
  it("module evaluation, parse_config, constructor, each callback and the reading of its result are spans, closed even on a throw", async () => {
    const spans: string[] = [];
    const base = hostFromModules({
      "m.ts": () => ({
        default: class {
          static parse_config(c: unknown) { return c; }
          constructor(_c: unknown, api: Reg) {
            api.register_presence_router_callbacks({
              get_users_for_states: async () => {
                spans.push("gufs body");
                await undefined;
                spans.push("gufs after await");
                return new Map();
              },
              get_interested_users: async () => { throw new Error("x"); },
            });
          }
        },
      }),
      "bad.ts": () => ({ default: class { constructor() { throw new Error("ctor"); } } }),
    });
    const host: ModuleHost = { ...base, enter: (m, what, at) => (spans.push(`enter ${m} ${what} @${at}`), () => spans.push(`leave ${what}`)) };
    const { router } = await loadModules(loadOptions(host, [entry("m.ts"), entry("bad.ts")]));
    await router.get_users_for_states([]);
    await router.get_interested_users("@u:example.org");
    expect(spans).toEqual([
      "enter m.ts module evaluation @0",
      "leave module evaluation",
      "enter m.ts parse_config @0",
      "leave parse_config",
      "enter m.ts constructor @0",
      "leave constructor",
      "enter bad.ts module evaluation @0",
      "leave module evaluation",
      "enter bad.ts parse_config @0",
      "leave parse_config",
      "enter bad.ts constructor @0",
      "leave constructor",
      "enter m.ts get_users_for_states @0",
      "gufs body",
      "gufs after await",
      "leave get_users_for_states",
      "enter m.ts get_users_for_states (reading its result) @0",
      "leave get_users_for_states (reading its result)",
      "enter m.ts get_interested_users @0",
      "leave get_interested_users",
    ]);
  });
});
