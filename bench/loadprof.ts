// Chrome trace of a cold load (`npx tsx bench/loadprof.ts [dist] [python|default] [OUT]`):
// where each second from navigation to the graph goes. Prints the page's marks, the
// app's resource fetches (start → end), and for every thread with V8 samples its busy
// time per 500 ms slice with the functions that took it. Writes the raw trace to OUT
// (default /work/prof/load-trace.json; open it in Chrome's Performance panel).
// `python`: the Python example's direct URL, up to its live graph; `default`: the
// default example up to the first live compile and run.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { freshPage, waitMarks } from "./browser.ts";
import { frameKey, sampledProfiles, type TraceEv } from "./traceProfiles.ts";

const [dir = "dist", which = "python", out = "/work/prof/load-trace.json"] = process.argv.slice(2);
const SLICE = 500;
const { url, server } = await serveDist(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const page = await freshPage(browser);
await browser.startTracing(page, {
  categories: ["disabled-by-default-v8.cpu_profiler", "v8", "devtools.timeline", "toplevel", "blink.user_timing", "__metadata"],
});
if (which === "python") {
  await page.goto(`${url}?bench#example=modern-docs-router-py`);
  await page.waitForFunction(() => {
    const s = (window as any).__playground?.snapshot();
    return s?.example === "modern-docs-router-py" && s.settled && s.runStatus === "ok" && s.deliveries.length > 0;
  }, undefined, { timeout: 300_000, polling: 50 });
  await waitMarks(page, ["graph-drawn"]);
  await page.evaluate(() => performance.mark("settled-seen")); // when the bench's poll saw it
} else {
  await page.goto(url);
  await waitMarks(page, ["graph-drawn", "editor-ready", "first-compile", "first-run"]);
}
const marks = await page.evaluate(() => window.__perf!.marks());
const resources = await page.evaluate(() =>
  performance.getEntriesByType("resource").map((r) => ({ name: new URL(r.name).pathname, start: Math.round(r.startTime), end: Math.round((r as PerformanceResourceTiming).responseEnd) })),
);
const buf = await browser.stopTracing();
await browser.close();
server.close();
writeFileSync(out, buf);

console.log("marks (ms after navigation):", JSON.stringify(Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, Math.round(v)]))));
console.log("\nfetches (start → end, ms):");
for (const r of resources) console.log(`  ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)}  ${r.name}`);

const evs: TraceEv[] = JSON.parse(buf.toString()).traceEvents;
// Navigation start on the trace's clock: a page mark's trace time minus its startTime.
const markEv = evs.find((e) => e.cat?.includes("blink.user_timing") && e.name === "app-start");
const t0 = markEv ? markEv.ts - marks["app-start"]! * 1000 : Math.min(...evs.filter((e) => e.ts > 0).map((e) => e.ts));
if (!markEv) console.log("(no app-start mark in the trace: times are from the trace's first event)");
const end = Math.max(...Object.values(marks));
for (const [id, p] of sampledProfiles(evs)) {
  const start = evs.find((e) => e.name === "Profile" && `${e.pid}:${e.id}` === id)?.args?.data?.startTime as number | undefined;
  if (start === undefined) continue;
  const slices = new Map<number, Map<string, number>>();
  let t = start;
  let total = 0;
  p.samples.forEach((s, i) => {
    t += p.deltas[i] ?? 0;
    const key = frameKey(p.nodes.get(s));
    if (/^\(idle\)/.test(key)) return;
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    const at = (t - t0) / 1000;
    if (at > end + SLICE) return;
    const slice = Math.floor(at / SLICE);
    const m = slices.get(slice) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + dt);
    slices.set(slice, m);
    total += dt;
  });
  if (total < 50) continue;
  console.log(`\n== ${p.thread} (${id}): ${total.toFixed(0)} ms busy`);
  for (const k of [...slices.keys()].sort((a, b) => a - b)) {
    const m = slices.get(k)!;
    const busy = [...m.values()].reduce((a, b) => a + b, 0);
    if (busy < 20) continue;
    const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, v]) => `${f} ${v.toFixed(0)}`).join(" · ");
    console.log(`  ${String(k * SLICE).padStart(6)} ms  ${busy.toFixed(0).padStart(4)} busy  ${top}`);
  }
}
