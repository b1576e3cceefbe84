// Imports between a scenario's .py files (issue 13): the scenario's files are the root
// of the module path, as PYTHONPATH is for Synapse. The browser hands the pipeline every
// file (a file map), the headless runner reads files on demand (a reader that follows
// Python's imports, src/python/imports.ts): both give the same trace. A missing file is
// a traceback at the import line.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runScenarioFile } from "../../src/cli/run.ts";
import { run } from "../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import { pythonImportCandidates } from "../../src/python/imports.ts";
import type { RouterCallEvent, Trace } from "../../src/trace/types.ts";

const FIXTURE = join(import.meta.dirname, "..", "cli", "fixtures", "python-imports");

function filesUnder(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, filesUnder(p, root));
    else if (name.endsWith(".py")) out[relative(root, p).split("\\").join("/")] = readFileSync(p, "utf8");
  }
  return out;
}

const SCENARIO = (extra = "") => `version: 1
servers:
  hs:
    modules:
      - module: router.R
${extra}users:
  "@a:hs": {}
  "@b:hs": {}
steps:
  - at: 0s
    presence: { user: "@a:hs", state: online }
  - at: 2s
    sync: { user: "@b:hs", set_presence: offline, label: b }
`;
const ROUTER = (imports: string, who = "WHO") => `from synapse.module_api import ModuleApi, PresenceRouter
${imports}

class R:
    def __init__(self, config, api: ModuleApi):
        api.register_presence_router_callbacks(get_users_for_states=self.gufs, get_interested_users=self.giu)

    async def gufs(self, states):
        return {${who}: set(states)}

    async def giu(self, user_id):
        return PresenceRouter.ALL_USERS if user_id == ${who} else set()
`;

async function go(files: Record<string, string>, scenario = SCENARIO()) {
  const r = await run({ scenario: { text: scenario, path: "scenario.yaml" }, files }, { esbuild, python: sharedPythonNode });
  if (r.kind !== "ran") throw new Error(`${r.kind}: ${JSON.stringify(r.problems)}`);
  return r;
}
const calls = (t: Trace, cb: string) => t.events.filter((e): e is RouterCallEvent => e.type === "router_call" && e.callback === cb);

beforeAll(async () => {
  await sharedPythonNode();
}, 180_000);

describe("imports between a scenario's .py files", { timeout: 120_000 }, () => {
  it("R56 the fixture runs the same from a file map (browser) and from disk (sim's reader), byte for byte", async () => {
    const files = filesUnder(FIXTURE);
    expect(Object.keys(files).sort()).toEqual(["helpers.py", "router.py", "rules/__init__.py", "rules/lists.py"]);
    const inBrowser = await run({ scenario: { text: readFileSync(join(FIXTURE, "scenario.yaml"), "utf8"), path: "scenario.yaml" }, files }, { esbuild, python: sharedPythonNode });
    const fromDisk = await runScenarioFile(join(FIXTURE, "scenario.yaml"), { esbuild, python: sharedPythonNode });
    if (inBrowser.kind !== "ran" || fromDisk.kind !== "ran") throw new Error("did not run");
    expect(fromDisk.problems).toEqual([]);
    expect(JSON.stringify(fromDisk.trace)).toBe(JSON.stringify(inBrowser.trace));
    // The imported rule took effect: Mallory is filtered by rules/lists.py.
    expect(calls(fromDisk.trace, "get_interested_users").map((c) => c.output)).toEqual([["@bob:example.com"]]);
    expect(inBrowser.trace.expectations.map((e) => e.ok)).toEqual([true, true]);
  });

  it("from helpers import x: a root module's names", async () => {
    const r = await go({ "router.py": ROUTER("from helpers import WHO"), "helpers.py": 'WHO = "@b:hs"\n' });
    expect(r.problems).toEqual([]);
    expect(calls(r.trace, "get_interested_users").map((c) => c.output)).toEqual(["ALL"]);
  });

  it("import pkg.mod binds pkg with its submodule; from pkg import mod; a namespace package without __init__.py", async () => {
    const withInit = { "router.py": ROUTER("import pkg.mod", "pkg.mod.WHO"), "pkg/__init__.py": "", "pkg/mod.py": 'WHO = "@b:hs"\n' };
    expect(calls((await go(withInit)).trace, "get_interested_users").map((c) => c.output)).toEqual(["ALL"]);
    const fromPkg = { "router.py": ROUTER("from pkg import mod", "mod.WHO"), "pkg/mod.py": 'WHO = "@b:hs"\n' };
    expect(calls((await go(fromPkg)).trace, "get_interested_users").map((c) => c.output)).toEqual(["ALL"]);
  });

  it("a missing file is a ModuleNotFoundError at the import line, naming the scenario's files", async () => {
    const r = await go({ "router.py": ROUTER("\nfrom helperz import WHO"), "helpers.py": 'WHO = "@b:hs"\n' });
    expect(r.trace.errors).toHaveLength(1);
    expect(r.trace.errors[0]).toMatchObject({ file: "router.py", line: 3, column: 1 });
    expect(r.trace.errors[0]!.message).toContain("ModuleNotFoundError: No module named 'helperz': the scenario has no helperz.py (its Python files: helpers.py, router.py)");
    // A name the module imports but the helper lacks: ImportError, at the same line.
    const r2 = await go({ "router.py": ROUTER("from helpers import WHOM as WHO"), "helpers.py": 'WHO = "@b:hs"\n' });
    expect(r2.trace.errors[0]).toMatchObject({ file: "router.py", line: 2 });
    expect(r2.trace.errors[0]!.message).toMatch(/ImportError: cannot import name 'WHOM' from 'helpers'/);
  });

  it("an error inside the imported file is located in that file", async () => {
    const r = await go({ "router.py": ROUTER("from helpers import WHO"), "helpers.py": 'X = 1\nWHO = undefined_name\n' });
    expect(r.trace.errors[0]).toMatchObject({ file: "helpers.py", line: 2 });
    expect(r.trace.errors[0]!.message).toContain("NameError: name 'undefined_name' is not defined");
  });

  it("each server's load gets its own helper module, and the next run starts afresh", async () => {
    const files = {
      "router.py": ROUTER("import counter\ncounter.loads.append(1)\nprint('loads', len(counter.loads))"),
      "counter.py": "loads = []\n",
    };
    const two = SCENARIO().replace("users:", "  hs2:\n    modules:\n      - module: router.R\nusers:").replace("WHO", '"@b:hs"');
    const fixed = { ...files, "router.py": files["router.py"].replaceAll("WHO", '"@b:hs"') };
    for (let i = 0; i < 2; i++) {
      const r = await go(fixed, two);
      const prints = r.trace.events.flatMap((e) => (e.type === "log" ? [e.message] : []));
      expect(prints).toEqual(["loads 1", "loads 1"]);
    }
  });

  it("a user module does not stay in sys.modules: a stdlib import of the same name is Python's", async () => {
    // One run's helpers.py is gone in the next run, which has none.
    await go({ "router.py": ROUTER("from helpers import WHO"), "helpers.py": 'WHO = "@b:hs"\n' });
    const r = await go({ "router.py": ROUTER("from helpers import WHO") });
    expect(r.trace.errors[0]!.message).toContain("No module named 'helpers'");
  });
});

describe("pythonImportCandidates: the files the headless runner reads for a .py module", () => {
  it("import a.b and from a.b import c, each prefix first; c may be a submodule", () => {
    expect(pythonImportCandidates("router.py", "import a.b as x, c\n")).toEqual(["a.py", "a/__init__.py", "a/b.py", "a/b/__init__.py", "c.py", "c/__init__.py"]);
    expect(pythonImportCandidates("router.py", "from a import (b, c as d)  # two\n")).toEqual(["a.py", "a/__init__.py", "a/b.py", "a/b/__init__.py", "a/c.py", "a/c/__init__.py"]);
  });

  it("relative imports start at the importer's package; beyond the root, nothing", () => {
    expect(pythonImportCandidates("pkg/mod.py", "from .lists import X\n")).toEqual(["pkg.py", "pkg/__init__.py", "pkg/lists.py", "pkg/lists/__init__.py", "pkg/lists/X.py", "pkg/lists/X/__init__.py"]);
    expect(pythonImportCandidates("pkg/mod.py", "from . import util\n")).toEqual(["pkg.py", "pkg/__init__.py", "pkg/util.py", "pkg/util/__init__.py"]);
    expect(pythonImportCandidates("pkg/mod.py", "from .. import util\n")).toEqual(["util.py", "util/__init__.py"]);
    expect(pythonImportCandidates("mod.py", "from .. import util\n")).toEqual([]);
  });

  it("indented imports count (inside a function); text that only mentions import does not", () => {
    expect(pythonImportCandidates("r.py", "def f():\n    from helpers import x\n")).toEqual(["helpers.py", "helpers/__init__.py", "helpers/x.py", "helpers/x/__init__.py"]);
    expect(pythonImportCandidates("r.py", '# we import nothing\nx = "from a import b"\n')).toEqual([]);
  });
});
