// The build-time run of the default example (virtual:default-run, src/build/) must be
// exactly what a fresh run produces: the graph drawn at load is then the graph the live
// run redraws, and only router call timings (measured live) can differ.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { defaultRun, DEFAULT_EXAMPLE_DIR } from "../../src/build/plugins.ts";
import { readExample, type PrecomputedRun } from "../../src/build/defaultRun.ts";
import { compileModules } from "../../src/compile/index.ts";
import { runScenarioFile } from "../../src/cli/run.ts";
import { DEFAULT_EXAMPLE } from "../../src/ui/examples.ts";

async function builtModule(): Promise<PrecomputedRun | null> {
  const p = defaultRun();
  const ctx = { addWatchFile() {}, warn(m: string) { throw new Error(m); } };
  const code = (await (p.load as any).call(ctx, "\0virtual:default-run")) as string;
  const m = /^export default JSON\.parse\((.*)\);$/s.exec(code);
  expect(m, "the module is one JSON.parse of a string literal").not.toBeNull();
  return JSON.parse(JSON.parse(m![1]!));
}

describe("build-time default run", () => {
  it("is the default example of the UI", () => {
    expect(DEFAULT_EXAMPLE_DIR.endsWith(`/${DEFAULT_EXAMPLE}`)).toBe(true);
  });

  it("equals a fresh CLI run of the example (trace) and a fresh compile (module)", async () => {
    const built = await builtModule();
    expect(built).not.toBeNull();
    const { files, scenario } = readExample(DEFAULT_EXAMPLE_DIR);
    expect(built!.files).toEqual(files);
    expect(built!.scenario).toBe(scenario);

    const fresh = await runScenarioFile(`${DEFAULT_EXAMPLE_DIR}/scenario.yaml`, { esbuild });
    expect(fresh.kind).toBe("ran");
    if (fresh.kind !== "ran") return;
    // Through JSON both ways: what the browser gets is the JSON of the build-time trace.
    expect(built!.trace).toEqual(JSON.parse(JSON.stringify(fresh.trace)));
    expect(built!.trace.errors).toEqual([]);

    const compiled = await compileModules(esbuild, files, Object.keys(files));
    expect(built!.compileResult).toEqual(JSON.parse(JSON.stringify(compiled)));
  });
});
