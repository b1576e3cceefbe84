import * as esbuild from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileModules } from "../../src/compile/index.ts";
import type { ModuleEnv } from "../../src/engine/contracts.ts";

const env: ModuleEnv = { now: () => 0, random: () => 0.5, console: () => {} };

// The probe that measures `new Function`'s line offset captures a stack. Done while the
// engine worker's bundle evaluates, that stack holds the bundle's top-level function and
// V8 re-parses all of it for source positions (~40 ms of every fresh worker). So: no
// probe when host.ts is evaluated, one on the first host, none after.
describe("new Function's line offset is measured on the first host, not at import", () => {
  afterEach(() => vi.restoreAllMocks());

  it("importing host.ts compiles no function; the first createModuleHost probes once; later hosts reuse it", async () => {
    vi.resetModules();
    const probes: string[] = [];
    const Real = globalThis.Function;
    vi.spyOn(globalThis, "Function").mockImplementation(function (this: unknown, ...args: string[]) {
      if (String(args[args.length - 1]).includes("__probe__")) probes.push("probe");
      return Real(...args);
    } as unknown as FunctionConstructor);
    const host = await import("../../src/sandbox/host.ts");
    expect(probes).toEqual([]);
    const compiled = await compileModules(esbuild, { "m.ts": `export const x = 1;\n` }, ["m.ts"]);
    host.createModuleHost(compiled);
    expect(probes).toEqual(["probe"]);
    host.createModuleHost(compiled);
    expect(host.functionLineOffset()).toBe(2); // V8: "function anonymous(...\n) {\n"
    expect(probes).toEqual(["probe"]);
  });

  it("a module's runtime error is located on its own line with the measured offset", async () => {
    vi.resetModules();
    const { createModuleHost } = await import("../../src/sandbox/host.ts");
    const compiled = await compileModules(esbuild, { "m.ts": `export const a = 1;\nexport const b = 2;\nthrow new Error("boom");\n` }, ["m.ts"]);
    const h = createModuleHost(compiled);
    let err: unknown;
    try {
      h.load("m.ts", env);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ file: "m.ts", line: 3 });
  });
});
