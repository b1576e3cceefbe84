// The `synapse` package and bridge for Python modules (issue 13): Synapse's load,
// combination and error rules (R56–R63) hold for Python values as for TypeScript ones,
// errors are located on the .py line, and print/logging/time/random are deterministic.
import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import type { RouterCallEvent, Trace } from "../../src/trace/types.ts";

beforeAll(async () => {
  await sharedPythonNode();
}, 180_000);

const scenario = (module: string, legacy = false) => `version: 1
servers:
  hs:
${legacy ? `    presence:\n      presence_router:\n        module: ${module}\n        config: { who: "@b:hs" }` : `    modules:\n      - module: ${module}\n        config: { who: "@b:hs" }`}
users:
  "@a:hs": {}
  "@b:hs": {}
steps:
  - at: 0s
    presence: { user: "@a:hs", state: online }
  - at: 2s
    sync: { user: "@b:hs", set_presence: offline, label: b }
`;

async function go(py: string, module = "r.R", legacy = false) {
  const r = await run({ scenario: { text: scenario(module, legacy), path: "scenario.yaml" }, files: { "r.py": py } }, { esbuild, python: sharedPythonNode });
  if (r.kind !== "ran") throw new Error(`${r.kind}: ${JSON.stringify(r.problems)}`);
  return r;
}
const calls = (t: Trace, cb: string) => t.events.filter((e): e is RouterCallEvent => e.type === "router_call" && e.callback === cb);
const logs = (t: Trace) => t.events.flatMap((e) => (e.type === "log" ? [`${e.level}: ${e.message}`] : []));

const MODERN = (gufs: string, giu: string, extra = "") => `from synapse.module_api import ModuleApi, PresenceRouter
${extra}
class R:
    def __init__(self, config, api: ModuleApi):
        self.who = config["who"]
        api.register_presence_router_callbacks(get_users_for_states=self.gufs, get_interested_users=self.giu)

${gufs}

${giu}
`;
const GUFS = `    async def gufs(self, states):
        return {self.who: set(states)}`;
const GIU = `    async def giu(self, user_id):
        return PresenceRouter.ALL_USERS if user_id == self.who else set()`;

describe("Python modules: Synapse's rules for Python values", { timeout: 120_000 }, () => {
  it("R56 R61 R62 a modern module routes: dict of sets, ALL_USERS", async () => {
    const r = await go(MODERN(GUFS, GIU));
    expect(r.problems).toEqual([]);
    expect(calls(r.trace, "get_users_for_states")[0]).toMatchObject({ output: { "@b:hs": [expect.objectContaining({ user_id: "@a:hs", state: "online" })] }, error: null, warnings: [] });
    expect(calls(r.trace, "get_interested_users").map((c) => c.output)).toContain("ALL");
  });

  it("R56 ConfigError from parse_config stops the run as a configuration error", async () => {
    const py = `from synapse.module_api.errors import ConfigError
class R:
    @staticmethod
    def parse_config(config):
        raise ConfigError("who must be a list")
    def __init__(self, config, api):
        pass
`;
    const r = await go(py);
    expect(r.trace.errors).toEqual([expect.objectContaining({ kind: "config", message: "r.R: invalid config: who must be a list", file: "r.py", line: 5 })]);
  });

  it("R57 a legacy class is built with config= and module_api= keywords; sync methods are accepted (R60)", async () => {
    const py = `class R:
    def __init__(self, *, config, module_api):
        self.who = config["who"]
    def get_users_for_states(self, states):
        return {self.who: set(states)}
    def get_interested_users(self, user_id):
        return set()
`;
    const r = await go(py, "r.R", true);
    expect(r.problems).toEqual([]);
    expect(calls(r.trace, "get_users_for_states")[0]).toMatchObject({ error: null, warnings: [], output: { "@b:hs": [expect.objectContaining({ user_id: "@a:hs" })] } });
  });

  it("R58 registering only one callback is a startup error", async () => {
    const py = `class R:
    def __init__(self, config, api):
        api.register_presence_router_callbacks(get_users_for_states=self.g)
    async def g(self, states):
        return {}
`;
    const r = await go(py);
    expect(r.trace.errors[0]).toMatchObject({ kind: "module", file: "r.py", line: 3 });
    expect(r.trace.errors[0]!.message).toContain("the constructor raised RuntimeError: PresenceRouter modules must register neither or both of the paired callbacks");
  });

  it("R60 a modern callback that is not async is skipped with a warning", async () => {
    const r = await go(MODERN(`    def gufs(self, states):\n        return {}`, GIU));
    expect(calls(r.trace, "get_users_for_states")[0]!.warnings[0]).toMatch(/instead of a Promise: callbacks registered with register_presence_router_callbacks must be async \(R60\)/);
  });

  it("R62 a list or frozenset is not a set; R61 a list value stops the rest of the dict (S17)", async () => {
    const r1 = await go(MODERN(GUFS, `    async def giu(self, user_id):\n        return ["@a:hs"]`));
    expect(calls(r1.trace, "get_interested_users")[0]!.warnings[0]).toBe("expected a Set, got a Python list (skipped; return a Set of user ids or PresenceRouter.ALL_USERS)");
    const r2 = await go(MODERN(GUFS, `    async def giu(self, user_id):\n        return frozenset(["@a:hs"])`));
    expect(calls(r2.trace, "get_interested_users")[0]!.warnings[0]).toMatch(/got a Python frozenset/);
    const r3 = await go(MODERN(`    async def gufs(self, states):\n        return {"@b:hs": set(states), "@a:hs": list(states), "@x:hs": set(states)}`, GIU));
    const c = calls(r3.trace, "get_users_for_states")[0]!;
    expect(Object.keys(c.output!)).toEqual(["@b:hs"]);
    expect(c.warnings[0]).toBe('returned a Python list for "@a:hs"; expected a Set (this and the remaining entries skipped, S17)');
  });

  it("R63 an exception in a callback is located on its .py line; the run goes on", async () => {
    const r = await go(MODERN(`    async def gufs(self, states):\n        return {s.nope: set() for s in states}`, GIU));
    const c = calls(r.trace, "get_users_for_states")[0]!;
    expect(c.error).toMatchObject({ message: "AttributeError: 'UserPresenceState' object has no attribute 'nope'", file: "r.py", line: 9 });
    expect(r.trace.errors).toEqual([]);
  });

  it("a SyntaxError is a load error at its line", async () => {
    const r = await go("class R:\n    def __init__(self, config, api)\n        pass\n");
    expect(r.problems[0]).toMatchObject({ file: "r.py", line: 2 });
    expect(r.problems[0]!.message).toMatch(/SyntaxError/);
  });

  it("print and logging go to the console; time.time() is the simulated clock; random is seeded", async () => {
    const extra = `import logging, random, time
logger = logging.getLogger("my.router")`;
    const gufs = `    async def gufs(self, states):
        print("now", time.time(), random.random())
        logger.warning("routing %d", len(states))
        return {}`;
    const a = await go(MODERN(gufs, GIU, extra));
    const b = await go(MODERN(gufs, GIU, extra));
    const printed = logs(a.trace).filter((l) => l.startsWith("info: now"));
    expect(printed[0]).toMatch(/^info: now 1767225600\.0 0\.\d+$/);
    expect(logs(a.trace)).toContain("warning: my.router: routing 1");
    expect(logs(a.trace)).toEqual(logs(b.trace));
  });

  it("asyncio.sleep in a callback waits on the simulated clock, which stands still during a call: skipped", async () => {
    const r = await go(MODERN(`    async def gufs(self, states):\n        await asyncio.sleep(1)\n        return {}`, GIU, "import asyncio"));
    expect(calls(r.trace, "get_users_for_states")[0]!.warnings[0]).toMatch(/did not settle/);
  });

  it("a ModuleApi member the playground lacks raises a clear error", async () => {
    const py = `class R:
    def __init__(self, config, api):
        api.register_spam_checker_callbacks()
`;
    const r = await go(py);
    expect(r.trace.errors[0]!.message).toContain("NotImplementedError: ModuleApi.register_spam_checker_callbacks is not available in the playground");
  });
});
