import * as esbuild from "esbuild";
import { compileModules } from "../src/compile/index.ts";
import { createModuleHost } from "../src/sandbox/host.ts";
import { parseScenario } from "../src/scenario/parse.ts";
import { runScenario } from "../src/engine/index.ts";
import { BENCH_ROUTER } from "./generate.ts";
import { generateUiScenario, EDIT_1000, RENDER_2000 } from "./browser-scenarios.ts";
const c = await compileModules(esbuild, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
for (const shape of [EDIT_1000, RENDER_2000, ...JSON.parse(process.argv[2] ?? "[]")]) {
  const yaml = generateUiScenario(shape);
  for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const p = parseScenario(yaml, "scenario.yaml") as any;
  if (!p.ok) { console.log(p.errors.slice(0,3)); break; }
  const t1 = performance.now();
  const tr = await runScenario(p.scenario, { host: createModuleHost(c), measure: true });
  const t2 = performance.now();
  const j = JSON.stringify(tr); const t3 = performance.now(); structuredClone(tr); const t4 = performance.now();
  console.log(shape.users, "yamlKB", (yaml.length/1024)|0, "parse", (t1-t0)|0, "run", (t2-t1)|0, "deliv", tr.deliveries.length, "events", tr.events.length, "jsonKB", (j.length/1024)|0, "stringify", (t3-t2)|0, "clone", (t4-t3)|0, "errors", tr.errors.length);
  }
}
