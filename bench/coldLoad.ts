// Cold and repeat loads of this build and a baseline build, interleaved on one browser
// (`npm run bench -- --only coldload --baseline DIR`; needs a build in dist/). Cold: a
// fresh profile. Repeat: the same profile navigating to the app again once the first
// visit is done (its service worker installed, when the build has one): what a second
// visit costs with the HTTP cache, Cache Storage and V8's code caches warm.
import { chromium, type Browser } from "playwright-core";
import { loadavg } from "node:os";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { coldLoad, freshPage, waitMarks } from "./browser.ts";
import { measureBytes } from "./bytes.ts";

const MARKS = ["graph-drawn", "editor-ready", "first-compile"];
const log = (m: string) => process.stderr.write(`bench/coldLoad: ${m}\n`);
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.ceil(s.length / 2) - 1]!) : NaN;
};

async function repeatLoad(browser: Browser, url: string) {
  const page = await freshPage(browser);
  await page.goto(url);
  await waitMarks(page, MARKS);
  // The service worker registers after the first compile and the editor; wait for its
  // install (the precache) when there is one, else give the HTTP cache a moment.
  await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => undefined) : new Promise((ok) => setTimeout(ok, 3000)))),
      new Promise((ok) => setTimeout(ok, 60_000)),
    ]),
  );
  await page.goto("about:blank");
  await page.goto(url);
  const marks = await waitMarks(page, MARKS);
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await page.context().close();
  return { graph_drawn_ms: marks["graph-drawn"]!, editor_ready_ms: marks["editor-ready"]!, first_compile_ms: marks["first-compile"]!, controlled };
}

export async function benchLoadAB(baseline: string, loads: number) {
  const load_before = loadavg().map((x) => Math.round(x * 10) / 10);
  const now = await serveDist("dist");
  const base = await serveDist(baseline);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const [bn, bb] = [measureBytes("dist"), measureBytes(baseline)];
  type Cold = Awaited<ReturnType<typeof coldLoad>>;
  type Repeat = Awaited<ReturnType<typeof repeatLoad>>;
  const rec = { now: { cold: [] as Cold[], repeat: [] as Repeat[] }, base: { cold: [] as Cold[], repeat: [] as Repeat[] } };
  try {
    for (let i = 0; i < loads; i++) {
      // Odd rounds start with the baseline: neither build always gets the browser's first load.
      const order = i % 2 ? (["base", "now"] as const) : (["now", "base"] as const);
      for (const k of order) rec[k].cold.push(await coldLoad(browser, k === "now" ? now.url : base.url, k === "now" ? bn : bb));
      for (const k of order) rec[k].repeat.push(await repeatLoad(browser, k === "now" ? now.url : base.url));
      const [a, b] = [rec.now.cold[i]!, rec.base.cold[i]!];
      log(`round ${i + 1}: cold editor ${Math.round(a.editor_ready_ms)} vs ${Math.round(b.editor_ready_ms)} ms, compile ${Math.round(a.first_compile_ms)} vs ${Math.round(b.first_compile_ms)} ms (this build vs baseline)`);
    }
  } finally {
    await browser.close();
    await new Promise((ok) => now.server.close(ok));
    await new Promise((ok) => base.server.close(ok));
  }
  const cold = (rs: Cold[]) => ({
    graph_drawn_ms: median(rs.map((r) => r.graph_drawn_ms)),
    editor_ready_ms: median(rs.map((r) => r.editor_ready_ms)),
    first_compile_ms: median(rs.map((r) => r.first_compile_ms)),
    js_before_graph_gzip_kb: Math.round(median(rs.map((r) => r.js_before_graph_gzip)) / 102.4) / 10,
  });
  const repeat = (rs: Repeat[]) => ({
    graph_drawn_ms: median(rs.map((r) => r.graph_drawn_ms)),
    editor_ready_ms: median(rs.map((r) => r.editor_ready_ms)),
    first_compile_ms: median(rs.map((r) => r.first_compile_ms)),
    controlled_by_service_worker: rs.every((r) => r.controlled),
  });
  return {
    baseline,
    loads,
    load_average_before: load_before,
    load_average_after: loadavg().map((x) => Math.round(x * 10) / 10),
    this_build: { cold: cold(rec.now.cold), repeat: repeat(rec.now.repeat) },
    baseline_build: { cold: cold(rec.base.cold), repeat: repeat(rec.base.repeat) },
    raw: {
      this_build: rec.now.cold.map((r) => [Math.round(r.graph_drawn_ms), Math.round(r.editor_ready_ms), Math.round(r.first_compile_ms)]),
      baseline_build: rec.base.cold.map((r) => [Math.round(r.graph_drawn_ms), Math.round(r.editor_ready_ms), Math.round(r.first_compile_ms)]),
    },
  };
}
