import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { run } from "/work/wt/py/src/pipeline/index.ts";
import { sharedPythonNode } from "/work/wt/py/src/python/node.ts";
const dir = process.argv[2];
const read = (n: string) => { try { return readFileSync(`${dir}/${n}`, "utf8"); } catch { return null; } };
const t0 = performance.now();
const r = await run({ scenario: { text: read("scenario.yaml")!, path: "scenario.yaml" }, files: read }, { esbuild, python: sharedPythonNode });
console.log("ms", performance.now() - t0, r.kind, JSON.stringify(r.problems));
if (r.kind === "ran") {
  for (const e of r.trace.events) if (e.type === "router_call" || e.type === "log" || e.type === "error") console.log(JSON.stringify(e).slice(0, 400));
  console.log(JSON.stringify(r.trace.expectations.map(x => [x.ok, x.name])));
}
