// Python modules (issue 13): the same router in TypeScript and in Python gives the same
// trace, byte for byte apart from the module's name; the documented ExamplePresenceRouter
// fails at its `update.state_key` line and Synapse carries on (R63).
import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runScenarioFile } from "../../src/cli/run.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import type { Trace } from "../../src/trace/types.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples");

async function run(name: string): Promise<Trace> {
  const o = await runScenarioFile(join(EXAMPLES, name, "scenario.yaml"), { esbuild, python: sharedPythonNode });
  if (o.kind === "invalid") throw new Error(o.problems.join("\n"));
  expect(o.problems).toEqual([]);
  return o.trace;
}

/** The trace as JSON with every module name (the only allowed difference) blanked. */
function canonical(t: Trace): string {
  return JSON.stringify(t, (k, v: unknown) => (k === "module" && typeof v === "string" ? "<module>" : v), 1);
}

/** Examples "X-py" whose TypeScript twin "X" exists. */
const PAIRS = readdirSync(EXAMPLES)
  .filter((d) => d.endsWith("-py") && existsSync(join(EXAMPLES, d.slice(0, -3), "scenario.yaml")))
  .filter((d) => !d.startsWith("example-presence-router")); // the docs example differs on purpose (state_key)

beforeAll(async () => {
  await sharedPythonNode();
}, 180_000);

describe("Python and TypeScript modules", () => {
  it("there is at least one pair to compare", () => {
    expect(PAIRS).toContain("modern-docs-router-py");
  });

  for (const py of PAIRS) {
    it(`R56 R61 R62 ${py} gives the trace of ${py.slice(0, -3)} byte for byte (module names aside)`, async () => {
      const [ts, pyTrace] = [await run(py.slice(0, -3)), await run(py)];
      expect(pyTrace.events.filter((e) => e.type === "router_call").length).toBeGreaterThan(3);
      expect(canonical(pyTrace)).toBe(canonical(ts));
    });
  }

  it("the Python trace is the same in two runs", async () => {
    expect(JSON.stringify(await run("modern-docs-router-py"))).toBe(JSON.stringify(await run("modern-docs-router-py")));
  });

  it("R63 the docs' ExamplePresenceRouter raises AttributeError at its update.state_key line; Synapse logs it and carries on", async () => {
    const t = await run("example-presence-router-py");
    const source = readFileSync(join(EXAMPLES, "example-presence-router-py", "my_router.py"), "utf8").split("\n");
    const line = source.findIndex((l) => l.includes("if update.state_key")) + 1;
    expect(line).toBeGreaterThan(0);
    const calls = t.events.filter((e) => e.type === "router_call");
    const gufs = calls.filter((e) => e.type === "router_call" && e.callback === "get_users_for_states");
    expect(gufs.length).toBeGreaterThan(0);
    for (const c of gufs) {
      if (c.type !== "router_call") continue;
      expect(c.output).toBeNull();
      expect(c.error).toMatchObject({ message: "AttributeError: 'UserPresenceState' object has no attribute 'state_key'", file: "my_router.py", line });
      expect(c.error?.column).toBe(source[line - 1].indexOf("update.state_key") + 1);
    }
    // get_interested_users still works: ALL_USERS for the gobbler (R62) …
    expect(calls.some((e) => e.type === "router_call" && e.callback === "get_interested_users" && e.output === "ALL")).toBe(true);
    // … and with nothing mapped to it, Synapse fails the gobbler's sync (R51, S8).
    expect(t.events.some((e) => e.type === "error" && e.message.includes("/sync for @presence_gobbler:example.org failed"))).toBe(true);
    expect(t.errors).toEqual([]);
  });
});
