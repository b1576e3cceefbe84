// "Scale to N users": the generated world of the same shape (src/scenario/scale.ts), the
// growth fits (src/analysis/scale.ts) and the measurement through the real pipeline.
import * as esbuild from "esbuild";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { fitMetric, formatProjection, projectScale } from "../../src/analysis/scale.ts";
import { scaleScenarioText, ScaleError } from "../../src/scenario/scale.ts";
import { measureScale } from "../../src/pipeline/scale.ts";
import { run } from "../../src/pipeline/index.ts";
import { readFolder, ROOT } from "../lessons/pipeline.ts";

const SCENARIO = `version: 1
servers:
  a.org:
    exclude_rooms_from_presence: ["!big:a.org"]
    modules:
      - module: router.ts
        config: { monitors: ["@mon:a.org"] }
users:
  "@alice:a.org": { devices: [phone] }
  "@mon:a.org": {}
rooms:
  "!team:a.org": ["@alice:a.org", "@mon:a.org"]
  "!big:a.org": ["@alice:a.org"]
clients:
  - { user: "@mon:a.org" }
steps:
  - { at: 1s, presence: { user: "@alice:a.org", device: phone, state: online }, }
  - { at: 2s, sync: { user: "@alice:a.org", label: first } }
  - { at: 3s, sync: { user: "@alice:a.org", since: first, label: second } }
  - { at: 4s, module_api: { server: a.org, set_presence_for_users: { "@alice:a.org": [online, hi] } } }
  - { at: 5s, restart: { server: a.org } }
expect:
  - { sees: { viewer: "@mon:a.org", source: "@alice:a.org" } }
`;

describe("scaleScenarioText: the same world, copied", () => {
  const doc = parse(scaleScenarioText(SCENARIO, 3));

  it("repeats users, rooms (members renamed), clients and excluded rooms per copy; the router config stays", () => {
    expect(Object.keys(doc.users)).toEqual(["@alice:a.org", "@mon:a.org", "@alice_x2:a.org", "@mon_x2:a.org", "@alice_x3:a.org", "@mon_x3:a.org"]);
    expect(doc.users["@alice_x3:a.org"]).toEqual({ devices: ["phone"] });
    expect(doc.rooms["!team_x2:a.org"]).toEqual(["@alice_x2:a.org", "@mon_x2:a.org"]);
    expect(doc.clients).toEqual([{ user: "@mon:a.org" }, { user: "@mon_x2:a.org" }, { user: "@mon_x3:a.org" }]);
    expect(doc.servers["a.org"].exclude_rooms_from_presence).toEqual(["!big:a.org", "!big_x2:a.org", "!big_x3:a.org"]);
    expect(doc.servers["a.org"].modules).toEqual([{ module: "router.ts", config: { monitors: ["@mon:a.org"] } }]);
    expect(doc.expect).toEqual([]);
  });

  it("repeats each user step right after its original (labels and since renamed, keys that are user ids too); steps about nobody once", () => {
    const kinds = doc.steps.map((s: Record<string, unknown>) => Object.keys(s).find((k) => k !== "at"));
    expect(kinds).toEqual(["presence", "presence", "presence", "sync", "sync", "sync", "sync", "sync", "sync", "module_api", "module_api", "module_api", "restart"]);
    expect(doc.steps[7].sync).toEqual({ user: "@alice_x2:a.org", since: "first_x2", label: "second_x2" });
    expect(doc.steps[11].module_api.set_presence_for_users).toEqual({ "@alice_x3:a.org": ["online", "hi"] });
  });

  it("1 copy is the same world without its expectations; a bad count or bad YAML is refused with a reason", () => {
    const one = parse(scaleScenarioText(SCENARIO, 1));
    expect(Object.keys(one.users)).toEqual(["@alice:a.org", "@mon:a.org"]);
    expect(one.steps).toHaveLength(5);
    expect(() => scaleScenarioText(SCENARIO, 0)).toThrow(ScaleError);
    expect(() => scaleScenarioText(SCENARIO, 1.5)).toThrow(/whole number/);
    expect(() => scaleScenarioText("a: [", 2)).toThrow(/not valid YAML/);
  });
});

describe("fitMetric: how a per-minute cost grows", () => {
  const xs = [4, 8, 16];
  it("a straight line is linear, projected exactly", () => {
    const f = fitMetric(xs, xs.map((x) => 2 + 3 * x), 1000);
    expect(f.growth).toBe("linear");
    expect(f.projected).toBe(3002);
  });
  it("nothing changing is constant", () => {
    expect(fitMetric(xs, [5, 5, 5], 1000)).toMatchObject({ growth: "constant", projected: 5 });
  });
  it("quadratic once the n² term is more than 10% of the largest measured value, linear at exactly 10%", () => {
    // y = b·x + c·x² with x_max = 16: c·256 > 0.1·(16b + 256c) ⇔ c > b/144.
    const at = (b: number, c: number) => fitMetric(xs, xs.map((x) => b * x + c * x * x), 1000);
    expect(at(144, 1).growth).toBe("linear");
    expect(at(144, 1.01).growth).toBe("quadratic");
    const q = at(0, 1);
    expect(q.growth).toBe("quadratic");
    expect(q.projected).toBe(1_000_000);
  });
  it("formatProjection prints each size and each metric's growth and projection", () => {
    const p = projectScale(
      [4, 8, 16].map((users, i) => ({ users, copies: [1, 2, 4][i]!, values: { router_calls: users * 2, edus: 1, edu_entries: users, wakeups: users * users } })),
      100,
    );
    const text = formatProjection(p);
    expect(text).toContain("Scale to 100 users (the same world copied 1×, 2×, 4×; per simulated minute):");
    expect(text).toContain("  16 users: 32 router calls / min, 1 EDUs / min, 16 EDU entries / min, 256 wake-ups / min");
    expect(text).toContain("router calls / min: linear (0 + 2.00·n) → 200 at 100 users");
    expect(text).toContain("EDUs / min: constant → 1 at 100 users");
    expect(text).toContain("wake-ups / min: quadratic");
    expect(text).toContain("→ 10000 at 100 users");
  });
});

describe("measureScale through the pipeline", () => {
  it("the default example at 1×, 2×, 4×: 4, 8 and 16 users, deterministic", { timeout: 60_000 }, async () => {
    const { "scenario.yaml": scenario, ...rest } = readFolder(join(ROOT, "examples", "example-presence-router"));
    const files = Object.fromEntries(Object.entries(rest).filter(([f]) => f.endsWith(".ts")));
    const runText = async (text: string) => {
      const r = await run({ scenario: { text, path: "scenario.yaml" }, files }, { esbuild });
      if (r.kind !== "ran") throw new Error(r.kind);
      return r.trace;
    };
    const base = await runText(scenario!);
    const a = await measureScale(scenario!, base, 1000, runText);
    expect(a.points.map((p) => [p.users, p.copies])).toEqual([
      [4, 1],
      [8, 2],
      [16, 4],
    ]);
    // Every copy's Alice idles and times out like the original: wake-ups grow with the users.
    expect(a.points[2]!.values.wakeups).toBeGreaterThan(a.points[1]!.values.wakeups);
    expect(a.fits.wakeups.growth).toBe("linear");
    expect(a.fits.edus.growth).toBe("constant");
    const b = await measureScale(scenario!, base, 1000, runText);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
