// The headless runner runs .py modules in its contained child through Pyodide loaded from
// node_modules (issue 13), with the .py files a module imports, and its watchdog stops a
// Python `while True:`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./run-sim.ts";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
// Pyodide starts in 2–20 s on a busy 2-core machine.
const sim = (...args: string[]) => spawnSync(TSX, ["src/cli/sim.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });

describe("sim CLI with Python modules", { timeout: 180_000 }, () => {
  it("runs the Python docs router and exits 0 with every expectation passed", () => {
    const r = sim("examples/modern-docs-router-py/scenario.yaml");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("router.CustomPresenceRouter get_interested_users(@alice) → {@bob, @charlie:somewhere.org}");
    expect(r.stdout).toContain("Expectations: 5/5 passed");
  });

  it("stops a Python while True: at the budget and names the callback's line (exit 2)", () => {
    const r = sim("tests/cli/fixtures/python-loop/scenario.yaml", "--budget", "300");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("router.LoopingRouter get_interested_users did not return within 300 ms (at simulated 1.000 s)");
    expect(r.stderr).toMatch(/tests\/cli\/fixtures\/python-loop\/router\.py:12:1: error: /);
  });

  it("reads the .py files a module imports (helpers.py, the rules/ package) and runs them", () => {
    const r = sim("tests/cli/fixtures/python-imports/scenario.yaml");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("router.WatcherRouter get_interested_users(@alice) → {@bob}");
    expect(r.stdout).toContain("Expectations: 2/2 passed");
  });

  it("an import of a file the scenario lacks is a ModuleNotFoundError at the import line (exit 2)", () => {
    const r = sim("tests/cli/fixtures/python-missing-import/scenario.yaml");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("tests/cli/fixtures/python-missing-import/router.py:3:1: error: loading router.py raised ModuleNotFoundError: No module named 'helperz'");
  });
});
