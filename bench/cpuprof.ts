// Chrome trace of a few code edits (`npx tsx bench/cpuprof.ts [dist] [default|1000] [edits]`):
// self time per function on each thread, from V8's sampling profiler in the trace.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { freshPage, loadScenario, prepareEdits, settled, typeEdits, waitMarks } from "./browser.ts";
import { EDIT_1000, generateUiScenario } from "./browser-scenarios.ts";
import { frameKey, sampledProfiles, type TraceEv } from "./traceProfiles.ts";

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

const evs: TraceEv[] = JSON.parse(buf.toString()).traceEvents;
const profiles = sampledProfiles(evs);
for (const [id, p] of profiles) {
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((s, i) => {
    const key = frameKey(p.nodes.get(s));
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  if (total < 20) continue;
  console.log(`\n== ${p.thread} (${id}) ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
}
