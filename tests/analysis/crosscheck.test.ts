// The active cross-check: both router callbacks probed in the engine over every (user,
// state) pair at chosen instants, then compared (R64). Through the real pipeline.
import * as esbuild from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConsistency } from "../../src/analysis/consistency.ts";
import { compareProbes } from "../../src/analysis/crosscheck.ts";
import { defaultInstants, type CrossCheckRun } from "../../src/engine/crosscheck.ts";
import { run } from "../../src/pipeline/index.ts";
import { readFolder, ROOT } from "../lessons/pipeline.ts";

async function crossCheck(example: string, instants?: number[]) {
  const files = readFolder(join(ROOT, "examples", example));
  const { "scenario.yaml": scenario, ...rest } = files;
  const modules = Object.fromEntries(Object.entries(rest).filter(([f]) => f.endsWith(".ts")));
  const r = await run({ scenario: { text: scenario!, path: "scenario.yaml" }, files: modules }, { esbuild, crossCheck: instants ? { instants } : true });
  if (r.kind !== "ran") throw new Error(r.kind);
  const findings = checkConsistency(r.trace, r.hints);
  const report = compareProbes(r.crossCheck!, r.trace.scenario.users, { trace: r.trace, findings, hints: r.hints });
  return { trace: r.trace, findings, report, raw: r.crossCheck! };
}

describe("active cross-check", () => {
  it("R64 finds the disagreement the run never exercised (examples/unexercised-disagreement)", async () => {
    const { findings, report, raw } = await crossCheck("unexercised-disagreement");
    expect(findings).toEqual([]); // the run itself shows nothing
    expect(raw.skipped).toBeNull();
    expect(report.disagreements.map((d) => [d.kind, d.viewer, d.source, d.exercised])).toEqual([["woken_not_visible", "@oscar:example.org", "@erin:example.org", false]]);
    expect(report.disagreements[0]!.states).toEqual(["online", "unavailable", "offline"]);
    expect(report.disagreements[0]!.at).toEqual([0, 60000]);
  });

  it("R64 S6 finds the buggy example's disagreements and marks them exercised by the run", async () => {
    const { report } = await crossCheck("buggy-disagreeing-router");
    const rows = report.disagreements.map((d) => [d.kind, d.viewer, d.source, d.exercised]);
    // Dave is routed to Bob and visible to him: they agree, and nothing else is routed.
    expect(rows).toEqual([
      ["woken_not_visible", "@bob:example.org", "@alice:example.org", true],
      ["visible_not_woken", "@carol:example.org", "@alice:example.org", true],
    ]);
  });

  it("a consistent router gives no disagreement, and probes only at the instants asked for", async () => {
    const { report, raw } = await crossCheck("gobbler-modern", [5000]);
    expect(raw.instants).toEqual([5000]);
    expect(new Set(raw.probes.map((p) => p.at))).toEqual(new Set([5000]));
    expect(report.disagreements).toEqual([]);
    expect(report.pairs).toBeGreaterThan(0);
  });

  it("R51 S8 ALL_USERS with no key for the viewer in any probe is reported", () => {
    const probe: CrossCheckRun = {
      instants: [0],
      skipped: null,
      probes: [{ at: 0, server: "a", routes: { "@x:a\tonline": ["@y:a"] }, interest: { "@y:a": "ALL", "@z:a": "ALL" } }],
    };
    const r = compareProbes(probe, ["@x:a", "@y:a", "@z:a"]);
    expect(r.disagreements.map((d) => [d.kind, d.viewer])).toEqual([["all_without_mapping", "@z:a"]]);
  });

  it("default instants: the start, routing-changing steps, the end", () => {
    const sc = { steps: [{ at: 5, kind: "presence" }, { at: 7, kind: "membership" }, { at: 9, kind: "module_api" }] } as never;
    expect(defaultInstants(sc, 100)).toEqual([0, 7, 9, 100]);
  });
});
