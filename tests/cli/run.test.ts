// runScenarioFile with the real parser and compiler, and a stand-in engine: checks what
// the runner itself does (finding files, compiling, locating problems), engine or not.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { runScenarioFile, type RunnerDeps } from "../../src/cli/run.ts";
import type { ModuleHost } from "../../src/engine/contracts.ts";
import type { RunError, Trace } from "../../src/trace/types.ts";

function fakeEngine(errors: (host: ModuleHost) => RunError[]): NonNullable<RunnerDeps["engine"]> {
  return (scenario, { host }) =>
    ({
      version: 1,
      scenario: { servers: scenario.servers.map((s) => s.name), users: [], start_time: scenario.start_time, end: 0 },
      events: [],
      deliveries: [],
      final: {},
      expectations: [],
      errors: errors(host),
    }) satisfies Trace;
}

const deps = (errors: (host: ModuleHost) => RunError[] = () => []): RunnerDeps => ({ engine: fakeEngine(errors), esbuild });
const fx = (name: string) => `tests/cli/fixtures/${name}/scenario.yaml`;

describe("runScenarioFile", () => {
  it("an unreadable scenario is invalid with a plain sentence", async () => {
    const o = await runScenarioFile("tests/cli/fixtures/none/scenario.yaml", deps());
    expect(o).toMatchObject({ kind: "invalid", problems: ["tests/cli/fixtures/none/scenario.yaml: cannot read the scenario: no such file"] });
  });

  it("YAML errors come back located, nothing runs", async () => {
    const o = await runScenarioFile(fx("yaml-error"), deps(() => {
      throw new Error("must not run");
    }));
    expect(o.kind).toBe("invalid");
    expect(o.problems[0]).toMatch(/^tests\/cli\/fixtures\/yaml-error\/scenario\.yaml:\d+:\d+: error: /);
  });

  it("a missing module file is located at the scenario's `module:` value", async () => {
    const o = await runScenarioFile(fx("missing-module"), deps());
    expect(o.kind).toBe("invalid");
    expect(o.problems).toEqual([
      "tests/cli/fixtures/missing-module/scenario.yaml:5:17: error: module file 'nothere.ts' not found (looked for tests/cli/fixtures/missing-module/nothere.ts) (servers.example.org.modules[0].module)",
    ]);
  });

  it("compile errors are located in the module file, relative to the working directory", async () => {
    const o = await runScenarioFile(fx("syntax-error"), deps());
    expect(o.kind).toBe("invalid");
    expect(o.problems[0]).toMatch(/^tests\/cli\/fixtures\/syntax-error\/router\.ts:5:\d+: error: /);
  });

  it("the engine gets a host over the compiled modules (imports included); run errors are located", async () => {
    const o = await runScenarioFile(
      fx("runtime-throw"),
      deps((host) => {
        const env = { now: () => 0, random: () => 0, console: () => {} };
        const exports = host.load("router.ts", env);
        expect(typeof exports.default).toBe("function");
        return [
          { kind: "module", message: "boom", file: "util.ts", line: 5, column: 28 },
          { kind: "config", message: "bad config", path: "servers.example.org.modules[0]" },
        ];
      }),
    );
    expect(o.kind).toBe("ran");
    expect(o.problems).toEqual([
      "tests/cli/fixtures/runtime-throw/util.ts:5:28: error: boom",
      "tests/cli/fixtures/runtime-throw/scenario.yaml:5:9: error: bad config (servers.example.org.modules[0])",
    ]);
  });
});
