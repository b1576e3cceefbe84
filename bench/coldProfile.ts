// Where a cold load's time goes (docs/performance.md, "Cold load"): one fresh-profile load
// of a build, with the page's marks, every resource's fetch window, the main thread's
// long tasks, and (with --trace FILE) a Chrome performance trace for DevTools.
//   npx tsx bench/coldProfile.ts [DIST] [--trace FILE]
// Not a test and not part of `npm run bench`: a look, printed as JSON.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { waitMarks } from "./browser.ts";

const args = process.argv.slice(2);
const traceAt = args.indexOf("--trace");
const traceFile = traceAt >= 0 ? args[traceAt + 1] : undefined;
const dist = args.find((a, i) => !a.startsWith("--") && (traceAt < 0 || i !== traceAt + 1)) ?? "dist";

const { url, server } = await serveDist(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: "longtask", buffered: true });
  });
  if (traceFile) await browser.startTracing(page, { screenshots: false, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "disabled-by-default-v8.compile", "blink.user_timing", "loading"] });
  await page.goto(url);
  const marks = await waitMarks(page, ["graph-drawn", "editor-ready", "first-compile"]);
  await page.waitForTimeout(500);
  const detail = await page.evaluate(() => ({
    resources: performance
      .getEntriesByType("resource")
      .map((r) => r as PerformanceResourceTiming)
      .map((r) => ({ file: new URL(r.name).pathname.replace(/-[\w-]{8}\./, "."), start: Math.round(r.startTime), end: Math.round(r.responseEnd), kb: Math.round(r.transferSize / 1024) })),
    long: (window as any).__long as Array<[number, number]>,
  }));
  if (traceFile) writeFileSync(traceFile, await browser.stopTracing());
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
  console.log(JSON.stringify({ dist, marks: round(marks) }));
  for (const r of detail.resources) console.log(JSON.stringify(r));
  console.log(JSON.stringify({ long: detail.long }));
} finally {
  await browser.close();
  server.close();
}
