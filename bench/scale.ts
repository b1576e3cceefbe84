// The "10,000 users on 20 servers" example in the browser (issue 14 part 4), opened by its
// URL on a fresh page: when its run starts and ends, when the grouped graph is drawn, and
// the page's long tasks (PerformanceObserver "longtask", ≥ 50 ms) while the run goes and
// after its result arrives. Everything is stamped inside the page; nothing here fails.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { freshPage } from "./browser.ts";

export interface ScaleOpen {
  /** Navigation → the run's start, its result, the grouped graph drawn (ms). */
  run_start_ms: number;
  result_ms: number;
  graph_ms: number;
  /** Long tasks whose start falls in [run start, result): count and the longest (ms). */
  long_tasks_during_run: number;
  longest_during_run_ms: number;
  /** Long tasks from the result until 2 s after the graph: the arrival's cost. */
  long_tasks_after_result: number;
  longest_after_result_ms: number;
  /** Progress reports the status line showed. */
  progress_steps: number;
}

type Stamps = { running?: number; ok?: number; graph?: number; progress: number; lastProgress?: number; tasks: Array<[number, number]> };

export async function benchScaleExample(dir: string, opens: number): Promise<{ opens: ScaleOpen[]; median: Partial<Record<keyof ScaleOpen, number>> }> {
  const { url, server } = await serveDist(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results: ScaleOpen[] = [];
  try {
    for (let i = 0; i < opens; i++) {
      const page = await freshPage(browser);
      await page.addInitScript(() => {
        const st: Stamps = { progress: 0, tasks: [] };
        (window as unknown as { __scale: Stamps }).__scale = st;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) st.tasks.push([e.startTime, e.duration]);
        }).observe({ type: "longtask", buffered: true });
        let last = "";
        new MutationObserver(() => {
          const s = document.querySelector('[data-testid="status"]');
          const run = s?.getAttribute("data-run-status");
          const text = s?.textContent ?? "";
          if (run === "running" && st.running === undefined && document.querySelector('[data-testid="examples-button"]')?.textContent?.includes("scale-10k-users")) st.running = performance.now();
          if (st.running !== undefined && text !== last && /\d+ %/.test(text)) {
            st.progress++;
            st.lastProgress = performance.now();
          }
          last = text;
          if (run === "ok" && st.running !== undefined && st.ok === undefined) st.ok = performance.now();
          const g = document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-groups") ?? "";
          if (st.ok !== undefined && st.graph === undefined && g.split(" ").length === 20) st.graph = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        type Stamps = { running?: number; ok?: number; graph?: number; progress: number; lastProgress?: number; tasks: Array<[number, number]> };
      });
      await page.goto(`${url}#example=scale-10k-users`);
      await page.waitForFunction(() => (window as unknown as { __scale: Stamps }).__scale.graph !== undefined, null, { timeout: 300_000, polling: 1000 });
      await page.waitForTimeout(2000);
      const st = await page.evaluate(() => (window as unknown as { __scale: Stamps }).__scale);
      // The run ends with its last progress report; what starts after it is the result's
      // arrival (reply check, the events built in slices, store, render) and counts as
      // after the run. Without progress reports, the status turning "ok" ends the run.
      const ends = ([s, d]: [number, number]) => s + d;
      const runEnd = st.lastProgress ?? st.ok! - 50;
      const during = st.tasks.filter((t) => t[0] >= st.running! && t[0] < runEnd && ends(t) < st.ok! - 50);
      const after = st.tasks.filter((t) => !during.includes(t) && t[0] >= st.running! && t[0] < st.graph! + 2000);
      if (process.env.BENCH_SCALE_TASKS) process.stderr.write(`tasks: ${JSON.stringify(st.tasks.map(([s, d]) => [Math.round(s - st.running!), Math.round(d)]))} last progress at ${Math.round((st.lastProgress ?? NaN) - st.running!)} ok at ${Math.round(st.ok! - st.running!)}\n`);
      const r = (x: number) => Math.round(x);
      results.push({
        run_start_ms: r(st.running!),
        result_ms: r(st.ok!),
        graph_ms: r(st.graph!),
        long_tasks_during_run: during.length,
        longest_during_run_ms: r(Math.max(0, ...during.map(([, d]) => d))),
        long_tasks_after_result: after.length,
        longest_after_result_ms: r(Math.max(0, ...after.map(([, d]) => d))),
        progress_steps: st.progress,
      });
      process.stderr.write(`bench/scale: ${JSON.stringify(results.at(-1))}\n`);
      await page.context().close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median: Partial<Record<keyof ScaleOpen, number>> = {};
  for (const k of Object.keys(results[0] ?? {}) as Array<keyof ScaleOpen>) {
    const xs = results.map((x) => x[k]).sort((a, b) => a - b);
    median[k] = xs[Math.floor((xs.length - 1) / 2)]!;
  }
  return { opens: results, median };
}
