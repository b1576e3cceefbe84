import * as esbuild from "esbuild";
import { compile, execute, parse } from "/work/main/src/pipeline/index.ts";
import { createModuleHost } from "/work/main/src/sandbox/host.ts";
import { BENCH_ROUTER } from "/work/main/bench/generate.ts";
import { EDIT_1000, generateUiScenario } from "/work/main/bench/browser-scenarios.ts";
const sc = generateUiScenario(EDIT_1000);
const parsed = parse({ path: "scenario.yaml", text: sc } as any);
if (!parsed.ok) throw new Error("bad");
const compiled = await compile(esbuild as any, { "router.ts": BENCH_ROUTER }, ["router.ts"]);
for (let i = 0; i < 3; i++) {
  let enters = 0;
  const byWhat = new Map<string, number>();
  const t0 = performance.now();
  const r = await execute(parsed as any, compiled, { host: (c) => { const h = createModuleHost(c); (h as any).enter = (m: string, w: string) => { enters++; const k = w.split(" ")[0]; byWhat.set(k, (byWhat.get(k) ?? 0) + 1); return () => {}; }; return h; } });
  console.log(`run ${i}: ${(performance.now() - t0).toFixed(0)} ms, events ${r.trace.events.length}, enters ${enters}`, [...byWhat]);
}
