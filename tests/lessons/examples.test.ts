// The five teaching examples pass their own expectations through the real pipeline,
// with the module files from their folders.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConsistency } from "../../src/analysis/consistency.ts";
import { explain, readFolder, ROOT, runWithFiles } from "./pipeline.ts";

const EXAMPLES: Record<string, string> = {
  "room-membership-router": "R50 R52 R74 R64",
  "federated-routers": "R33 R50 R64 S9",
  "send-local-online-presence": "R47 R67 R68 S12",
  "buggy-disagreeing-router": "R31 R50 R64 S6",
  "timeouts-and-devices": "R19 R20 R26 S1 S4 S19",
};

describe("teaching examples", () => {
  for (const [name, rules] of Object.entries(EXAMPLES)) {
    it(`${rules} examples/${name} passes its own expectations`, async () => {
      const files = readFolder(join(ROOT, "examples", name));
      const { "scenario.yaml": scenario, ...rest } = files;
      expect(scenario, "scenario.yaml").toBeDefined();
      const modules = Object.fromEntries(Object.entries(rest).filter(([f]) => f.endsWith(".ts")));
      const o = await runWithFiles(scenario!, modules, `examples/${name}/scenario.yaml`);
      expect(o.warnings).toEqual([]);
      expect(o.scenario.expect.length).toBeGreaterThan(2);
      expect(o.verdict.passed, explain(o)).toBe(true);
    });

    it(`examples/${name} has a README whose first line is a one-sentence summary`, () => {
      const readme = readFolder(join(ROOT, "examples", name))["README.md"] ?? "";
      const first = readme.split("\n")[0] ?? "";
      expect(first).toMatch(/^# \S.*\.$/);
      expect(readme).toMatch(/## What it teaches/);
      expect(readme).toMatch(/## Try changing/);
    });
  }

  it("S6 buggy-disagreeing-router: Bob is woken by Alice's update, yet no sync of his carries her", async () => {
    const files = readFolder(join(ROOT, "examples", "buggy-disagreeing-router"));
    const o = await runWithFiles(files["scenario.yaml"]!, { "router.ts": files["router.ts"]! });
    const wokenForAlice = o.trace.events.some((e) => e.type === "wake" && e.user === "@bob:example.org" && e.at === 10_000 && e.reasons.includes("router"));
    expect(wokenForAlice).toBe(true);
    const bobSawAlice = o.trace.deliveries.some((d) => d.viewer === "@bob:example.org" && d.source === "@alice:example.org");
    expect(bobSawAlice).toBe(false);
  });

  it("R64 buggy-disagreeing-router: the consistency checker reports both disagreements, and only those", async () => {
    const files = readFolder(join(ROOT, "examples", "buggy-disagreeing-router"));
    const o = await runWithFiles(files["scenario.yaml"]!, { "router.ts": files["router.ts"]! });
    const found = checkConsistency(o.trace).map((f) => `${f.kind} ${f.viewer} ${f.source}`).sort();
    expect(found).toEqual([
      "visible_not_woken @carol:example.org @alice:example.org",
      "woken_not_visible @bob:example.org @alice:example.org",
    ]);
  });

  it("R64 federated-routers: consistent callbacks give no consistency findings", async () => {
    const files = readFolder(join(ROOT, "examples", "federated-routers"));
    const o = await runWithFiles(files["scenario.yaml"]!, { "router.ts": files["router.ts"]! });
    expect(checkConsistency(o.trace)).toEqual([]);
  });
});
