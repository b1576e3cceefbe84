import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/compile/index.ts";
import { createModuleHost } from "../../src/sandbox/host.ts";
import { ModuleLoadError, type ModuleEnv } from "../../src/engine/contracts.ts";
import { synapseRuntime } from "../../src/synapse/runtime.ts";

function env(now = 1767225600000, rand = [0.25, 0.5]): ModuleEnv & { logs: unknown[][] } {
  let i = 0;
  const logs: unknown[][] = [];
  return { now: () => now, random: () => rand[i++ % rand.length], console: (level, args) => logs.push([level, ...args]), logs };
}

async function host(files: Record<string, string>, entries = Object.keys(files).slice(0, 1)) {
  const r = await compileModules(esbuild, files, entries);
  return createModuleHost(r);
}

describe("sandbox host", () => {
  it("loads exports, gives require('synapse') the runtime, and a fresh instance per load", async () => {
    const h = await host({
      "router.ts": `import * as s from "synapse";\nlet count = 0;\nexport default class R { static s = s; static bump() { return ++count; } }\nexport class Named {}\n`,
    });
    const a = h.load("router.ts", env()) as any;
    const b = h.load("router.ts", env()) as any;
    expect(typeof a.default).toBe("function");
    expect(typeof a.Named).toBe("function");
    expect(a.default.s.PresenceRouter).toBe(synapseRuntime.PresenceRouter);
    a.default.bump();
    a.default.bump();
    expect(b.default.bump()).toBe(1); // module-level state is per load (per server)
  });

  it("Date.now(), new Date() and Math.random() inside a module follow env", async () => {
    const h = await host({
      "router.ts": `export default () => [Date.now(), new Date().getTime(), new Date(5).getTime(), Math.random(), Math.random(), Math.max(1, 2), new Date() instanceof Date, typeof Date()];\n`,
    });
    const f = h.load("router.ts", env(1767225610000, [0.125, 0.75])).default as () => unknown[];
    expect(f()).toEqual([1767225610000, 1767225610000, 5, 0.125, 0.75, 2, true, "string"]);
  });

  it("console goes to env.console; setTimeout throws and points to the simulated-clock API", async () => {
    const h = await host({ "router.ts": `export const log = () => console.warn("hi", 1);\nexport const t = () => setTimeout(() => 0, 10);\n` });
    const e = env();
    const m = h.load("router.ts", e) as any;
    m.log();
    expect(e.logs).toEqual([["warn", "hi", 1]]);
    expect(() => m.t()).toThrow(/delayed_background_call/);
  });

  it("locates a runtime throw inside an async callback at the TypeScript line through the sourcemap", async () => {
    const src = [
      `import type { UserPresenceState } from "synapse";`,
      `interface Cfg { users: string[] }`,
      ``,
      `export default class Router {`,
      `  constructor(private config: Cfg) {}`,
      `  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {`,
      `    const s = new Set(states);`,
      `    const first: any = undefined;`,
      `    return new Map([[first.user_id, s]]);`,
      `  }`,
      `}`,
    ].join("\n");
    const h = await host({ "router.ts": src });
    const R = h.load("router.ts", env()).default as any;
    const err = await new R({ users: [] }).get_users_for_states([]).catch((e: unknown) => e);
    const info = h.locate(err);
    expect(info.message).toMatch(/^TypeError: /);
    expect(info).toMatchObject({ file: "router.ts", line: 9, column: src.split("\n")[8].indexOf("first.user_id") + 1 + "first.".length });
    expect(info.stack).toContain("router.ts:9:");
    expect(info.stack).not.toContain("/work/"); // no host paths in traces
  });

  it("locates a throw in an imported file at that file's line", async () => {
    const h = await host(
      {
        "router.ts": `import { boom } from "./util";\nexport default () => boom();\n`,
        "util.ts": `// helper\n\nexport function boom(): never {\n  throw new RangeError("nope");\n}\n`,
      },
      ["router.ts"],
    );
    const f = h.load("router.ts", env()).default as () => void;
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(h.locate(caught)).toMatchObject({ message: "RangeError: nope", file: "util.ts", line: 4, column: 9 });
  });

  it("a throw while evaluating the module is a located ModuleLoadError", async () => {
    const h = await host({ "router.ts": `const x = 1;\nthrow new Error("bad top level " + x);\n` });
    let err: unknown;
    try {
      h.load("router.ts", env());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModuleLoadError);
    expect(err).toMatchObject({ file: "router.ts", line: 2, column: 7 });
    expect((err as Error).message).toContain("bad top level 1");
  });

  it("a missing file is a ModuleLoadError that lists the files that exist", async () => {
    const h = await host({ "router.ts": `export default 1;\n` });
    expect(() => h.load("routr.ts", env())).toThrow(ModuleLoadError);
    expect(() => h.load("routr.ts", env())).toThrow(/routr\.ts.*router\.ts/);
  });

  it("loading an entry that failed to compile reports the compile error's location", async () => {
    const h = await host({ "router.ts": `export default class {\n  x = ;\n}\n` });
    let err: ModuleLoadError | undefined;
    try {
      h.load("router.ts", env());
    } catch (e) {
      err = e as ModuleLoadError;
    }
    expect(err).toMatchObject({ file: "router.ts", line: 2, column: 7 });
  });

  it("require of anything but synapse throws the import rule", async () => {
    const h = await host({ "router.js": `module.exports = class X { static f() { const n = "f" + "s"; return require(n); } };\n` });
    const m = h.load("router.js", env()) as any;
    expect(() => m.default.f()).toThrow(/only 'synapse'/);
  });

  it("locate of a non-Error value says so and has no location", async () => {
    const h = await host({ "router.ts": `export default 1;\n` });
    expect(h.locate("oops")).toEqual({ message: 'non-Error value thrown: "oops"' });
  });
});
