// A spare engine worker may warm its engine up (src/pipeline/warm.ts) before its real run.
// That is only sound if the warm-up leaves nothing behind that the run could see: the run's
// trace must be byte-identical with and without it, for every example and the bench's
// 1,000-user world. And no module is loaded in a warm-up.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, execute, gatherModules, parse, type ValidScenario } from "../../src/pipeline/index.ts";
import { STAND_IN, STAND_IN_COMPILED, warmUp, withStandIns } from "../../src/pipeline/warm.ts";
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
      expect(await warmUp(parsed, { budgetMs: 60_000, passes: 3 })).toMatchObject({ stopped: false, passes: 3 });
      expect(await traceJson(parsed, files)).toBe(cold);
      await warmUp(parsed, { budgetMs: 0, now: ticking(1) });
      expect(await traceJson(parsed, files)).toBe(cold);
    });
  }

  it("the generated 1,000-user world: the same trace after a partial warm-up", { timeout: 120_000 }, async () => {
    const router = readFileSync(join(ROOT, "examples", "buddy-list-router", "router.ts"), "utf8");
    const parsed = valid(generateUiScenario(EDIT_1000));
    const cold = await traceJson(parsed, { "router.ts": router });
    expect((await warmUp(parsed, { budgetMs: 30, now: ticking(1) })).stopped).toBe(true);
    expect(await traceJson(parsed, { "router.ts": router })).toBe(cold);
  });
});

describe("the warm-up itself", () => {
  const scenario = readFileSync(join(ROOT, "examples", "buddy-list-router", "scenario.yaml"), "utf8");

  it("a modern module's server and a legacy router's server get one stand-in each; a server without either gets none", () => {
    const parsed = valid(`version: 1
servers:
  a.org:
    modules:
      - module: router.ts
      - module: other.ts
  b.org:
    presence:
      presence_router:
        module: router.ts
  c.org: {}
users:
  "@u:a.org": {}
`);
    const bare = withStandIns(parsed).scenario.servers;
    expect(bare.map((s) => [s.name, s.modules.map((m) => `${m.module} ${m.file} ${m.export} ${m.path}`), s.presence.presence_router])).toEqual([
      ["a.org", [`${STAND_IN} ${STAND_IN} default servers.a.org.modules[0]`], null],
      ["b.org", [`${STAND_IN} ${STAND_IN} default servers.b.org.modules[0]`], null],
      ["c.org", [], null],
    ]);
    expect(bare.map((s) => s.modules[0]?.config)).toEqual([{}, {}, undefined]);
  });

  it("replaces every module and legacy router by one stand-in router per routed server, and changes nothing else", () => {
    const parsed = valid(scenario);
    expect(parsed.scenario.servers.some((s) => s.modules.length > 0 || s.presence.presence_router)).toBe(true);
    const bare = withStandIns(parsed);
    bare.scenario.servers.forEach((s, i) => {
      const was = parsed.scenario.servers[i]!;
      const routed = was.modules.length > 0 || was.presence.presence_router !== null;
      expect(s.modules.map((m) => m.file)).toEqual(routed ? [STAND_IN] : []);
      expect(s.presence.presence_router).toBeNull();
    });
    const strip = (p: ValidScenario) => ({ ...p.scenario, servers: p.scenario.servers.map(({ modules: _m, presence: { presence_router: _r, ...presence }, ...rest }) => ({ ...rest, presence })) });
    expect(strip(bare)).toEqual(strip(parsed));
    expect(parsed.scenario.servers.some((s) => s.modules.length > 0 || s.presence.presence_router)).toBe(true); // the original untouched
  });

  it("the stand-in router loads and is called on every routed server (the engine's module paths warm up), without errors", async () => {
    const parsed = valid(scenario);
    const { trace } = await execute(withStandIns(parsed), STAND_IN_COMPILED);
    expect(trace.errors).toEqual([]);
    const calls = trace.events.filter((e) => e.type === "router_call");
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => (c as { module: string }).module))).toEqual(new Set([STAND_IN]));
    expect(new Set(calls.map((c) => (c as { callback: string }).callback))).toEqual(new Set(["get_users_for_states", "get_interested_users"]));
  });

  it("stops once the budget is spent (at the next progress report), and runs to the end within it", async () => {
    const parsed = valid(generateUiScenario(EDIT_1000));
    // Each clock read advances 1 ms: a budget of 5 ms is spent after a few reports.
    // The clock reads 1, 2, 3…: the start reads 1; the k-th progress report sees k ms gone.
    // A budget of 5 ms lets reports 1-5 pass and stops at the 6th; the result reads 8.
    let asked = 0;
    const short = await warmUp(parsed, { budgetMs: 5, now: ticking(1), interrupted: () => (asked++, false) });
    expect(short).toEqual({ stopped: true, passes: 0, ms: 7 });
    expect(asked).toBe(5); // asked only while within budget: reports 1-5
    expect(await warmUp(parsed, { budgetMs: 0, now: ticking(1) })).toEqual({ stopped: true, passes: 0, ms: 2 });
    const whole = await warmUp(parsed, { budgetMs: 1_000_000, now: ticking(1) });
    expect(whole).toMatchObject({ stopped: false, passes: 1 }); // one pass unless asked for more
    expect(whole.ms).toBeGreaterThan(20); // ~100 progress reports, each read the clock
  });

  it("makes up to `passes` passes, and starts no new pass once the budget is spent", async () => {
    const parsed = valid(scenario);
    // One pass of the example has P progress reports (P clock reads after the start).
    let reports = 0;
    expect(await warmUp(parsed, { budgetMs: 1_000_000, interrupted: () => (reports++, false) })).toMatchObject({ stopped: false, passes: 1 });
    expect(reports).toBeGreaterThan(3);
    // A budget of exactly P ms: the first pass ends within it, and the check before a second finds it spent.
    expect(await warmUp(parsed, { budgetMs: reports, passes: 3, now: ticking(1) })).toEqual({ stopped: false, passes: 1, ms: reports + 2 });
    // One ms more: the second pass starts, and stops at its first report.
    expect(await warmUp(parsed, { budgetMs: reports + 1, passes: 3, now: ticking(1) })).toEqual({ stopped: true, passes: 1, ms: reports + 3 });
    expect(await warmUp(parsed, { budgetMs: 1_000_000, passes: 3, now: ticking(1) })).toMatchObject({ stopped: false, passes: 3 });
    // A pass of the example reads the clock a few dozen times: a 1-ms budget ends after the first pass's first report.
    const spent = await warmUp(parsed, { budgetMs: 1, passes: 3, now: ticking(1) });
    expect(spent.passes).toBe(0);
    expect(spent.stopped).toBe(true);
  });

  it("without a clock of its own it times itself with performance.now()", async () => {
    expect(await warmUp(valid(generateUiScenario(EDIT_1000)), { budgetMs: 0 })).toMatchObject({ stopped: true, passes: 0 });
  });

  it("stops at the next progress report once interrupted (the frame sends a run), however much budget is left", async () => {
    const parsed = valid(generateUiScenario(EDIT_1000));
    let reads = 0;
    const r = await warmUp(parsed, { budgetMs: 1_000_000, passes: 3, interrupted: () => ++reads > 3 });
    expect(r).toMatchObject({ stopped: true, passes: 0 });
    expect(reads).toBe(4);
    expect(await warmUp(parsed, { budgetMs: 1_000_000, interrupted: () => false })).toMatchObject({ stopped: false, passes: 1 });
  });

  it("an engine error other than its own stop is not swallowed", async () => {
    const parsed = valid(scenario);
    const broken = { ...parsed, scenario: { ...parsed.scenario, users: null } } as unknown as ValidScenario;
    await expect(warmUp(broken, { budgetMs: 1000 })).rejects.toThrow();
  });
});
