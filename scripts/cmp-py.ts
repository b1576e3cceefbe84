import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { run } from "/work/wt/py/src/pipeline/index.ts";
import { sharedPythonNode } from "/work/wt/py/src/python/node.ts";
async function go(dir: string) {
  const read = (n: string) => { try { return readFileSync(`${dir}/${n}`, "utf8"); } catch { return null; } };
  const r = await run({ scenario: { text: read("scenario.yaml")!, path: "scenario.yaml" }, files: read }, { esbuild, python: sharedPythonNode });
  if (r.kind !== "ran") throw new Error(r.kind);
  return JSON.stringify(r.trace, null, 1).replaceAll("router.CustomPresenceRouter", "router.ts");
}
const a = await go("examples/modern-docs-router"); const b = await go("examples/modern-docs-router-py");
console.log(a === b, a.length, b.length);
if (a !== b) { const al = a.split("\n"), bl = b.split("\n"); for (let i = 0; i < al.length; i++) if (al[i] !== bl[i]) { console.log(i, al[i], "|", bl[i]); break; } }
