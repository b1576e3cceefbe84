// Chrome trace of the 2,000-user playback (`npx tsx bench/playprof.ts [dist] [seconds] [--gpu]`):
// where a frame's time goes. Prints the main thread's top-level task time per frame by
// kind (from devtools.timeline events) and self time per function (V8's sampler).
// Writes the raw trace to /work/prof/playback-trace.json (open it in Chrome's Performance panel).
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { CHROMIUM } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { loadScenario } from "./browser.ts";
import { RENDER_2000, generateUiScenario } from "./browser-scenarios.ts";
import { chromiumArgs, frameDeltas, startPlayback } from "./playback.ts";
import { frameKey, sampledProfiles, threadNames, type TraceEv } from "./traceProfiles.ts";

// `--analyse FILE`: only the analysis, of a trace written before.
const analyseAt = process.argv.indexOf("--analyse");
const args = process.argv.slice(2).filter((a) => a !== "--gpu");
const [dir = "dist", seconds = "3"] = args;
let buf: Buffer;
let frames: number[];
if (analyseAt >= 0) {
  buf = readFileSync(process.argv[analyseAt + 1]!);
  frames = JSON.parse(buf.toString()).frames ?? [];
} else {
  const { url, server } = await serveDist(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(process.argv.includes("--gpu")), headless: true });
  const page = await loadScenario(browser, url, generateUiScenario(RENDER_2000));
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-layout") === "force", undefined, { timeout: 300_000, polling: 100 });
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "v8", "disabled-by-default-v8.cpu_profiler", "__metadata"] });
  await startPlayback(page);
  frames = await frameDeltas(page, Number(seconds));
  buf = await browser.stopTracing();
  await browser.close();
  server.close();
  const json = JSON.parse(buf.toString());
  json.frames = frames;
  writeFileSync("/work/prof/playback-trace.json", JSON.stringify(json));
}
const sorted = [...frames].sort((a, b) => a - b);
console.log(`frames ${frames.length}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${sorted[Math.ceil(0.95 * sorted.length) - 1]?.toFixed(1)} ms`);

const evs: TraceEv[] = JSON.parse(buf.toString()).traceEvents;
const threadName = threadNames(evs);
// The renderer main thread: the one with the most FunctionCall time.
const byThread = new Map<string, number>();
for (const e of evs) if (e.ph === "X" && e.name === "FunctionCall") byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
const on = (e: TraceEv) => `${e.pid}:${e.tid}` === main;
const sum = (name: string) => evs.filter((e) => on(e) && e.ph === "X" && e.name === name).reduce((t, e) => t + (e.dur ?? 0), 0) / 1000;
const n = Math.max(1, frames.length);
console.log(`\nmain thread ${main} (${threadName.get(main ?? "")}), ms per frame (sum over ${n} frames / frames):`);
for (const name of ["RunTask", "FireAnimationFrame", "FunctionCall", "V8.GCScavenger", "MajorGC", "MinorGC", "UpdateLayoutTree", "Layout", "Paint", "UpdateLayer", "Commit", "PrePaint", "Layerize", "EventDispatch", "TimerFire"])
  console.log(`${(sum(name) / n).toFixed(2).padStart(8)}  ${name}`);

const profiles = sampledProfiles(evs, threadName);
for (const [id, p] of profiles) {
  const self = new Map<string, number>();
  // Inclusive time per function: a sample counts once for each distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of p.nodes.values()) if (node.parent !== undefined) parent.set(node.id, node.parent);
  const incl = new Map<string, number>();
  let total = 0;
  p.samples.forEach((s, i) => {
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    self.set(frameKey(p.nodes.get(s)), (self.get(frameKey(p.nodes.get(s))) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = s; at !== undefined; at = parent.get(at)) {
      const k = frameKey(p.nodes.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
    total += dt;
  });
  if (total < 50) continue;
  console.log(`\n== ${p.thread} (${id}) ${total.toFixed(0)} ms sampled, ${(total / n).toFixed(1)} ms per frame; self ms per frame:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / n).toFixed(2).padStart(8)}  ${k}`);
  console.log(`-- inclusive ms per frame:`);
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 90)) console.log(`${(v / n).toFixed(2).padStart(8)}  ${k}`);
}
