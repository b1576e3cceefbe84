// The same fixes in Python modules (Pyodide in Node): the edit keeps Python's indentation
// and the run of the fixed module has no finding (or hint) left.
import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { checkConsistency } from "../../../src/analysis/consistency.ts";
import { run } from "../../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../../src/python/node.ts";
import { fixSites } from "../../../src/ui/editor/codeActions/findingFixes.ts";
import { registerSites } from "../../../src/ui/editor/codeActions/registerFix.ts";
import { routerEdit } from "../../../src/ui/editor/codeActions/routerFix.ts";
import { applyEdits } from "./helpers.ts";

beforeAll(async () => {
  await sharedPythonNode();
}, 180_000);

const SCENARIO = `version: 1
servers:
  hs:
    modules:
      - module: router.R
users:
  "@a:hs": {}
  "@b:hs": {}
steps:
  - at: 1s
    sync: { user: "@b:hs", set_presence: offline, label: first }
  - at: 2s
    sync: { user: "@b:hs", set_presence: offline, since: first, timeout: 1m, label: waiting }
  - at: 5s
    presence: { user: "@a:hs", state: online }
`;

async function go(py: string) {
  const r = await run({ scenario: { text: SCENARIO, path: "scenario.yaml" }, files: { "router.py": py } }, { esbuild, python: sharedPythonNode });
  if (r.kind !== "ran") throw new Error(`${r.kind}: ${JSON.stringify(r.problems)}`);
  return r.trace;
}

describe("code actions: Python modules", () => {
  it("R31/R64 visible_not_woken in Python: 'Route … to …' edits the final return, and the finding is gone", async () => {
    const py = `from synapse.module_api import ModuleApi


class R:
    def __init__(self, config, api: ModuleApi):
        api.register_presence_router_callbacks(
            get_users_for_states=self.get_users_for_states,
            get_interested_users=self.get_interested_users,
        )

    async def get_users_for_states(
        self,
        state_updates,
    ):
        res = {}
        return res

    async def get_interested_users(self, user_id):
        return {"@a:hs"} if user_id == "@b:hs" else set()
`;
    const before = await go(py);
    const found = checkConsistency(before);
    expect(found.map((f) => [f.kind, f.viewer, f.source])).toEqual([["visible_not_woken", "@b:hs", "@a:hs"]]);
    const site = fixSites(found, { "router.py": py })[0]!;
    expect([site.file, site.line]).toEqual(["router.py", 11]);
    const e = routerEdit(py, "py", site.fixes[0]!)!;
    expect([e.title, e.exact]).toEqual(["Route @a:hs's updates to @b:hs", true]);
    const fixed = applyEdits(py, e.edits);
    expect(fixed).toContain(`        extra = [s for s in state_updates if s.user_id == "@a:hs"]\n        if extra and isinstance(res, dict):\n            res = {**res`);
    expect(checkConsistency(await go(fixed))).toEqual([]);
  });

  it("R56/R60 a Python class with sync methods and no registration: register them and make them async", async () => {
    const py = `class R:
    def __init__(self, config, api):
        self.api = api

    def get_users_for_states(self, state_updates):
        return {"@b:hs": {s for s in state_updates if s.user_id == "@a:hs"}}

    def get_interested_users(self, user_id):
        return {"@a:hs"} if user_id == "@b:hs" else set()
`;
    const before = await go(py);
    expect(before.deliveries.some((d) => d.viewer === "@b:hs" && d.source === "@a:hs")).toBe(false);
    const sites = registerSites(before, { "router.py": py });
    expect(sites.map((s) => [s.file, s.line])).toEqual([["router.py", 2]]);
    const fixed = applyEdits(py, routerEdit(py, "py", sites[0]!.fixes[0]!)!.edits);
    expect(fixed).toContain("    async def get_users_for_states(self, state_updates):");
    const after = await go(fixed);
    expect(registerSites(after, { "router.py": fixed })).toEqual([]);
    expect(after.deliveries.some((d) => d.viewer === "@b:hs" && d.source === "@a:hs")).toBe(true);
    expect(checkConsistency(after)).toEqual([]);
  });
});
