// The sandbox frame parses an unchanged scenario once per page: the first engine worker
// primed with a text posts its ParsedScenario back, and later workers take a structured
// clone of it instead of parsing the YAML again (src/worker/engine.worker.ts,
// src/sandbox/iframe-runtime.ts). That is only sound if a clone runs exactly as the
// original: plain data, no class instances, functions or identity the engine relies on.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, crossCheck, execute, gatherModules, parse, type ValidScenario } from "../../src/pipeline/index.ts";
import { generateUiScenario, EDIT_1000 } from "../../bench/browser-scenarios.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLES = readdirSync(join(ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !readdirSync(join(ROOT, "examples", d.name)).some((f) => f.endsWith(".py")))
  .map((d) => d.name)
  .sort();

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith(".ts")) out[f] = readFileSync(join(dir, f), "utf8");
  return out;
}

async function bothWays(text: string, files: Record<string, string>) {
  const parsed = parse({ text, path: "scenario.yaml" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const clone = structuredClone(parsed) as ValidScenario;
  const gathered = gatherModules(parsed, files);
  const compiled = await compile(esbuild, gathered.files, gathered.entries);
  const a = await execute(parsed, compiled);
  const b = await execute(clone, compiled);
  return { parsed, clone, compiled, a, b };
}

describe("a structured clone of a parsed scenario runs exactly as the parse itself (the frame's parse handover)", () => {
  for (const name of EXAMPLES) {
    it(`${name}: same trace JSON, same hints`, async () => {
      const dir = join(ROOT, "examples", name);
      const { a, b } = await bothWays(readFileSync(join(dir, "scenario.yaml"), "utf8"), filesOf(dir));
      expect(a.trace.events.length).toBeGreaterThan(0);
      expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
      expect(b.hints).toEqual(a.hints);
    });
  }

  it("the generated 1,000-user world (the bench's edit scenario): same trace and same cross-check", { timeout: 120_000 }, async () => {
    const router = readFileSync(join(ROOT, "examples", "buddy-list-router", "router.ts"), "utf8");
    const { parsed, clone, compiled, a, b } = await bothWays(generateUiScenario(EDIT_1000), { "router.ts": router });
    expect(a.trace.events.length).toBeGreaterThan(1000);
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    expect(JSON.stringify(await crossCheck(clone, compiled))).toBe(JSON.stringify(await crossCheck(parsed, compiled)));
  });

  it("an invalid scenario's parse clones to the same located errors", () => {
    const parsed = parse({ text: "version: 1\nservers: {}\nusers:\n  nobody: {}\n", path: "scenario.yaml" });
    expect(parsed.ok).toBe(false);
    expect(structuredClone(parsed)).toEqual(parsed);
  });
});
