// The JSON trace is a format (scenario-format §4): the CLI's `--format json` output of
// every TypeScript example, and of a generated 1,000-user world (the engine bench's quick
// shape), must stay byte for byte what it was when these hashes were taken. A change in
// how the engine stores or ships the trace must not show here; a change in what the
// engine does will, and then the hashes are regenerated on purpose:
//   UPDATE_GOLDEN=1 npx vitest run tests/trace/golden.test.ts
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScenarioFile } from "../../src/cli/run.ts";
import { compile, execute, parse } from "../../src/pipeline/index.ts";
import { BENCH_ROUTER, FULL, generateBenchScenario } from "../../bench/generate.ts";
import type { Trace } from "../../src/trace/types.ts";
import { LIMITS } from "../../src/engine/recorder.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FILE = join(import.meta.dirname, "golden-traces.json");
const update = process.env.UPDATE_GOLDEN === "1";
const stored: Record<string, string> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : {};
const seen: Record<string, string> = {};

/** Exactly what `npm run sim -- <scenario> --format json` prints (src/cli/sim.ts). */
const cliJson = (t: Trace) => JSON.stringify(t, null, 2) + "\n";
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function check(name: string, json: string) {
  seen[name] = sha(json);
  if (!update) expect(seen[name], `${name}: the JSON trace changed`).toBe(stored[name]);
}

const EXAMPLES = readdirSync(join(ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.endsWith("-py")) // Python examples: tests/python
  .map((d) => d.name)
  .sort();

describe("golden JSON traces", () => {
  it("cover every TypeScript example", () => {
    expect(EXAMPLES.length).toBeGreaterThan(10);
    if (!update) expect(Object.keys(stored).sort()).toEqual([...EXAMPLES, "bench-quick", "bench-quick-capped"].sort());
  });

  for (const name of EXAMPLES) {
    it(`${name}: the JSON trace is byte-identical`, { timeout: 60_000 }, async () => {
      const o = await runScenarioFile(join(ROOT, "examples", name, "scenario.yaml"), { esbuild });
      if (o.kind === "invalid") throw new Error(o.problems.join("\n"));
      check(name, cliJson(o.trace));
    });
  }

  const benchQuick = async () => {
    const shape = { ...FULL, users: 1000, rooms: 200, clients: 50, servers: 4, duration: 600_000, actions: 600 };
    const parsed = parse({ text: generateBenchScenario(shape), path: "bench.yaml" });
    if (!parsed.ok) throw new Error("bench scenario invalid");
    const compiled = await compile(esbuild, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
    return (await execute(parsed, compiled)).trace;
  };

  it("a generated 1,000-user world (the engine bench's quick shape): byte-identical", { timeout: 120_000 }, async () => {
    const trace = await benchQuick();
    expect(trace.events.length).toBeGreaterThan(10_000);
    check("bench-quick", cliJson(trace));
  });

  it("the same world past a lowered event limit (5,000): byte-identical, the limit's warning included", { timeout: 120_000 }, async () => {
    const limits = LIMITS as { events: number };
    const saved = limits.events;
    limits.events = 5_000;
    try {
      const trace = await benchQuick();
      expect(trace.events).toHaveLength(5_001);
      expect(trace.events[5_000]).toMatchObject({ type: "log", level: "warning", module: "playground limit" });
      check("bench-quick-capped", cliJson(trace));
    } finally {
      limits.events = saved;
    }
  });

  afterAll(() => {
    if (update) writeFileSync(FILE, JSON.stringify({ ...stored, ...seen }, null, 2) + "\n");
  });
});
