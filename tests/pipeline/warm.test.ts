// A spare engine worker may warm its engine up (src/pipeline/warm.ts) before its real run.
// That is only sound if the warm-up leaves nothing behind that the run could see: the run's
// trace must be byte-identical with and without it, for every example and the bench's
// 1,000-user world. And no module is loaded in a warm-up.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, execute, gatherModules, parse, type ValidScenario } from "../../src/pipeline/index.ts";
import { warmUp, withoutModules } from "../../src/pipeline/warm.ts";
import { generateUiScenario, EDIT_1000 } from "../../bench/browser-scenarios.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLES = readdirSync(join(ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !readdirSync(join(ROOT, "examples", d.name)).some((f) => f.endsWith(".py")))
  .map((d) => d.name)
  .sort();

function valid(text: string): ValidScenario {
  const parsed = parse({ text, path: "scenario.yaml" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
}

async function traceJson(parsed: ValidScenario, files: Record<string, string>): Promise<string> {
  const g = gatherModules(parsed, files);
  const compiled = await compile(esbuild, g.files, g.entries);
  return JSON.stringify((await execute(parsed, compiled)).trace);
}

/** A clock that advances `step` ms each time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe("an engine warm-up before a run changes nothing in that run's trace", () => {
  for (const name of EXAMPLES) {
    it(`${name}: the same trace after a whole warm-up and after one stopped at once`, async () => {
      const dir = join(ROOT, "examples", name);
      const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
      const parsed = valid(readFileSync(join(dir, "scenario.yaml"), "utf8"));
      const cold = await traceJson(parsed, files);
      expect((await warmUp(parsed, 60_000)).stopped).toBe(false);
      expect(await traceJson(parsed, files)).toBe(cold);
      await warmUp(parsed, 0, ticking(1));
      expect(await traceJson(parsed, files)).toBe(cold);
    });
  }

  it("the generated 1,000-user world: the same trace after a partial warm-up", { timeout: 120_000 }, async () => {
    const router = readFileSync(join(ROOT, "examples", "buddy-list-router", "router.ts"), "utf8");
    const parsed = valid(generateUiScenario(EDIT_1000));
    const cold = await traceJson(parsed, { "router.ts": router });
    expect((await warmUp(parsed, 30, ticking(1))).stopped).toBe(true);
    expect(await traceJson(parsed, { "router.ts": router })).toBe(cold);
  });
});

describe("the warm-up itself", () => {
  const scenario = readFileSync(join(ROOT, "examples", "buddy-list-router", "scenario.yaml"), "utf8");

  it("takes every module and legacy router out of the scenario, and nothing else", () => {
    const parsed = valid(scenario);
    expect(parsed.scenario.servers.some((s) => s.modules.length > 0 || s.presence.presence_router)).toBe(true);
    const bare = withoutModules(parsed);
    for (const s of bare.scenario.servers) {
      expect(s.modules).toEqual([]);
      expect(s.presence.presence_router).toBeNull();
    }
    const strip = (p: ValidScenario) => ({ ...p.scenario, servers: p.scenario.servers.map(({ modules: _m, presence: { presence_router: _r, ...presence }, ...rest }) => ({ ...rest, presence })) });
    expect(strip(bare)).toEqual(strip(parsed));
    expect(parsed.scenario.servers.some((s) => s.modules.length > 0 || s.presence.presence_router)).toBe(true); // the original untouched
  });

  it("stops once the budget is spent (at the next progress report), and runs to the end within it", async () => {
    const parsed = valid(generateUiScenario(EDIT_1000));
    // Each clock read advances 1 ms: a budget of 5 ms is spent after a few reports.
    const short = await warmUp(parsed, 5, ticking(1));
    expect(short.stopped).toBe(true);
    expect(short.ms).toBeGreaterThan(5);
    expect(short.ms).toBeLessThan(20);
    const whole = await warmUp(parsed, 1_000_000, ticking(1));
    expect(whole.stopped).toBe(false);
    expect(whole.ms).toBeGreaterThan(20); // ~100 progress reports, each read the clock
  });

  it("an engine error other than its own stop is not swallowed", async () => {
    const parsed = valid(scenario);
    const broken = { ...parsed, scenario: { ...parsed.scenario, servers: null } } as unknown as ValidScenario;
    await expect(warmUp(broken, 1000)).rejects.toThrow();
  });
});
