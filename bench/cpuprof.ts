// Chrome trace of a few code edits (`npx tsx bench/cpuprof.ts [dist] [default|1000] [edits]`):
// self time per function on each thread, from V8's sampling profiler in the trace.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { freshPage, loadScenario, prepareEdits, settled, typeEdits, waitMarks } from "./browser.ts";
import { EDIT_1000, generateUiScenario } from "./browser-scenarios.ts";

const [dir = "dist", which = "default", n = "3"] = process.argv.slice(2);
const { url, server } = await serveDist(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
let page;
if (which === "1000") page = await loadScenario(browser, url, generateUiScenario(EDIT_1000));
else {
  page = await freshPage(browser);
  await page.goto(url);
  await waitMarks(page, ["editor-ready", "first-run"]);
  await settled(page);
}
await prepareEdits(page, "code");
await browser.startTracing(page, { categories: ["disabled-by-default-v8.cpu_profiler", "v8", "devtools.timeline", "toplevel", "__metadata"] });
const recs = await typeEdits(page, Number(n));
const buf = await browser.stopTracing();
await browser.close();
server.close();
writeFileSync("/work/prof/trace.json", buf);
console.log(JSON.stringify(recs.map((r: any) => ({ total: r.drawn - r.edit, timing: r.timing }))));

type Ev = { ph: string; name: string; pid: number; tid: number; id?: string; args?: any; ts: number; dur?: number };
const evs: Ev[] = JSON.parse(buf.toString()).traceEvents;
const threadName = new Map<string, string>();
for (const e of evs) if (e.name === "thread_name") threadName.set(`${e.pid}:${e.tid}`, e.args.name);
// Profile chunks: per profile id, nodes and samples.
const profiles = new Map<string, { thread: string; nodes: Map<number, any>; samples: number[]; deltas: number[] }>();
for (const e of evs) {
  if (e.name === "Profile") profiles.set(`${e.pid}:${e.id}`, { thread: threadName.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, nodes: new Map(), samples: [], deltas: [] });
  if (e.name === "ProfileChunk") {
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p) continue;
    const c = e.args.data.cpuProfile ?? {};
    for (const node of c.nodes ?? []) p.nodes.set(node.id, node);
    p.samples.push(...(c.samples ?? []));
    p.deltas.push(...(e.args.data.timeDeltas ?? []));
  }
}
for (const [id, p] of profiles) {
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((s, i) => {
    const node = p.nodes.get(s);
    const cf = node?.callFrame ?? {};
    const key = `${cf.functionName || "(anon)"} ${String(cf.url ?? "").split("/").pop()}:${cf.lineNumber}`;
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  if (total < 20) continue;
  console.log(`\n== ${p.thread} (${id}) ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
}
