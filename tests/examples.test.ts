// Every example passes its own expectations, through the same path as the CLI
// (read files, compile with the shared pipeline, run the engine).
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenarioFile } from "../src/cli/run.ts";
import type { Trace } from "../src/trace/types.ts";
import { sharedPythonNode } from "../src/python/node.ts";

const ROOT = join(import.meta.dirname, "..");
const EXAMPLES = readdirSync(join(ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function run(name: string): Promise<Trace> {
  const o = await runScenarioFile(join(ROOT, "examples", name, "scenario.yaml"), { esbuild, python: sharedPythonNode });
  if (o.kind === "invalid") throw new Error(o.problems.join("\n"));
  expect(o.problems).toEqual([]);
  return o.trace;
}

describe("examples", () => {
  it("include the required ones", () => {
    for (const name of ["example-presence-router", "modern-docs-router", "gobbler-legacy", "gobbler-modern", "two-server-federation"]) {
      expect(EXAMPLES).toContain(name);
    }
  });

  for (const name of EXAMPLES) {
    it(`${name} passes all its expectations`, { timeout: 180_000 }, async () => {
      const trace = await run(name);
      expect(trace.errors).toEqual([]);
      expect(trace.expectations.length).toBeGreaterThan(0);
      const failed = trace.expectations.filter((x) => !x.ok).map((x) => `${x.name}: ${x.detail}`);
      expect(failed).toEqual([]);
    });
  }

  it("§7.2 R51 gobbler legacy (R57) and modern (R56) give identical traces apart from module names", async () => {
    const strip = (t: Trace) =>
      JSON.parse(JSON.stringify(t), (k, v) => (k === "module" && typeof v === "string" ? "<module>" : v));
    const legacy = await run("gobbler-legacy");
    const modern = await run("gobbler-modern");
    expect(legacy.events.some((e) => e.type === "router_call")).toBe(true);
    expect(strip(legacy)).toEqual(strip(modern));
  });

  it("json output is deterministic across two runs", async () => {
    for (const name of ["two-server-federation", "modern-docs-router"]) {
      const a = JSON.stringify(await run(name), null, 2);
      const b = JSON.stringify(await run(name), null, 2);
      expect(a).toBe(b);
    }
  });
});
