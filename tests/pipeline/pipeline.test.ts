// The pipeline's one entry point (src/pipeline): every way a run can fail comes back as
// a located problem, and the stages composed by hand (as the browser does, across a
// worker boundary) give what the one-shot run gives.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compile, execute, formatProblem, parse, run, toDiagnostic, type PipelineResult } from "../../src/pipeline/index.ts";

const ROUTER = `import type { ModuleApi } from "synapse";
export default class Router {
  constructor(_c: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async () => new Map(),
      get_interested_users: async () => new Set<string>(),
    });
  }
}
`;

const scenario = (module = "router.ts") => `version: 1
servers:
  example.org:
    modules:
      - module: ${module}
users:
  "@bob:example.org": {}
steps:
  - { at: 0s, sync: { user: "@bob:example.org" } }
`;

const PATH = "cases/scenario.yaml";

function texts(r: PipelineResult): string[] {
  return r.problems.map(formatProblem);
}

describe("pipeline.run error paths: each problem says where", () => {
  it("bad YAML is located at its line in the scenario, and nothing is compiled", async () => {
    const text = "version: 1\nservers:\n  example.org: {\n";
    const r = await run({ scenario: { text, path: PATH }, files: { "router.ts": ROUTER } }, { esbuild });
    expect(r.kind).toBe("scenario-invalid");
    expect(texts(r)).toEqual([`${PATH}:4:1: error: flow map in block collection must be sufficiently indented and end with a }`]);
    expect("compiled" in r).toBe(false);
  });

  it("a module file the scenario names but nobody has is an error at its `module:` value, with the scenario path", async () => {
    const r = await run({ scenario: { text: scenario("nothere.ts#Router"), path: PATH }, files: { "router.ts": ROUTER } }, { esbuild });
    expect(r.kind).toBe("scenario-invalid");
    expect(texts(r)).toEqual([
      `${PATH}:5:17: error: module file 'nothere.ts' not found (looked for nothere.ts) (servers.example.org.modules[0].module)`,
    ]);
    // The same from a reader, with the caller's naming of module files.
    const viaReader = await run(
      { scenario: { text: scenario("nothere.ts#Router"), path: PATH }, files: () => null },
      { esbuild, moduleLabel: (f) => `cases/${f}` },
    );
    expect(texts(viaReader)).toEqual([
      `${PATH}:5:17: error: module file 'nothere.ts' not found (looked for cases/nothere.ts) (servers.example.org.modules[0].module)`,
    ]);
  });

  it("a compile error is located in the module file it is in (an imported one too), UTF-16 column", async () => {
    const files = {
      "router.ts": `import { x } from "./lib/util";\nexport default x;\n`,
      "lib/util.ts": `// é\nexport const x = (1 + ;\n`,
    };
    const r = await run({ scenario: { text: scenario(), path: PATH }, files }, { esbuild });
    expect(r.kind).toBe("compile-failed");
    expect(texts(r)).toEqual(["lib/util.ts:2:23: error: Unexpected \";\""]);
    const labelled = await run({ scenario: { text: scenario(), path: PATH }, files }, { esbuild, moduleLabel: (f) => `cases/${f}` });
    expect(texts(labelled)).toEqual(["cases/lib/util.ts:2:23: error: Unexpected \";\""]);
  });

  it("a module that throws while loading stops the run, located at the throw in the TypeScript source", async () => {
    const files = { "router.ts": `import type { ModuleApi } from "synapse";\nconst ok = 1;\nthrow new Error("boom " + ok);\n` };
    const r = await run({ scenario: { text: scenario(), path: PATH }, files }, { esbuild });
    expect(r.kind).toBe("ran");
    expect(texts(r)).toEqual(["router.ts:3:7: error: loading router.ts threw Error: boom 1 (servers.example.org.modules[0])"]);
    expect(r.kind === "ran" && r.trace.events).toEqual([]);
  });

  it("a run error without a line in a module file is placed at its scenario path", async () => {
    const files = { "router.ts": "export const notAClass = 1;\n" };
    const r = await run({ scenario: { text: scenario("router.ts#Nope"), path: PATH }, files }, { esbuild });
    expect(r.kind).toBe("ran");
    expect(texts(r)).toEqual([
      `${PATH}:5:17: error: router.ts: router.ts has no export 'Nope'; exports: notAClass (servers.example.org.modules[0].module)`,
    ]);
  });
});

describe("pipeline budgets", () => {
  it("limits: a scenario exactly at a size limit runs, one over is located where it went over", async () => {
    const files = { "router.ts": ROUTER };
    const text = scenario();
    const at = await run({ scenario: { text, path: PATH }, files }, { esbuild, limits: { users: 1 } });
    expect(at.kind).toBe("ran");
    const over = await run({ scenario: { text: text.replace("users:\n", 'users:\n  "@amy:example.org": {}\n'), path: PATH }, files }, { esbuild, limits: { users: 1 } });
    expect(over.kind).toBe("scenario-invalid");
    expect(texts(over)[0]).toBe(`${PATH}:7:3: error: too many users (2; at most 1) (users)`);
  });
});

describe("pipeline stages", () => {
  it("composed by hand across a structured clone (the worker boundary) give the one-shot run's trace", async () => {
    const input = { scenario: { text: scenario(), path: "scenario.yaml" }, files: { "router.ts": ROUTER } };
    const whole = await run(input, { esbuild });
    expect(whole.kind).toBe("ran");
    if (whole.kind !== "ran") return;
    expect(whole.problems).toEqual([]);
    expect(whole.trace.events.some((e) => e.type === "sync")).toBe(true);

    const compiled = structuredClone(await compile(esbuild, input.files, ["router.ts"]));
    const parsed = structuredClone(parse(input.scenario));
    if (!parsed.ok) throw new Error("does not parse");
    const staged = await execute(parsed, compiled);
    expect(JSON.stringify(staged.trace)).toBe(JSON.stringify(whole.trace));
    expect(staged.hints).toEqual({ rooms: [], excludedRooms: { "example.org": [] }, memberships: [] });
  });

  it("entries: 'all' compiles every file, 'scenario' only those the scenario names", async () => {
    const files = { "router.ts": ROUTER, "other.ts": "export default 1;\n" };
    const named = await run({ scenario: { text: scenario(), path: PATH }, files }, { esbuild });
    const all = await run({ scenario: { text: scenario(), path: PATH }, files }, { esbuild, entries: "all" });
    expect(named.kind === "ran" && Object.keys(named.compiled.bundles)).toEqual(["router.ts"]);
    expect(all.kind === "ran" && Object.keys(all.compiled.bundles)).toEqual(["router.ts", "other.ts"]);
  });

  it("toDiagnostic folds the scenario path into the message once, and defaults the line to 1", () => {
    expect(toDiagnostic({ file: "s.yaml", path: "steps[0]", message: "bad", severity: "error" })).toMatchObject({ line: 1, column: 1, message: "steps[0]: bad" });
    expect(toDiagnostic({ file: "s.yaml", line: 3, column: 2, path: "steps[0]", message: "steps[0] is bad", severity: "warning" })).toMatchObject({ line: 3, column: 2, message: "steps[0] is bad" });
  });
});
