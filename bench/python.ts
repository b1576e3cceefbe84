// Python modules (issue 13): Pyodide's start in Node, a Python run in Node, and in
// Chromium the live graph of a Python scenario after navigation and edit → graph for a
// Python module. Budgets (2-core machine): open a Python example ≤ 4 s to the graph;
// edit → graph median ≤ 300 ms, p95 ≤ 600 ms. Numbers only: nothing here fails on time.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { run } from "../src/pipeline/index.ts";
import { loadPythonNode } from "../src/python/node.ts";
import { focusTab, freshPage, settled, waitMarks } from "./browser.ts";

const EXAMPLE = "examples/modern-docs-router-py";
const files = { "router.py": readFileSync(`${EXAMPLE}/router.py`, "utf8") };
const scenario = readFileSync(`${EXAMPLE}/scenario.yaml`, "utf8");

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN);
  return { n: s.length, median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1] ?? NaN) };
}
const log = (m: string) => process.stderr.write(`bench python: ${m}\n`);

export async function benchPythonNode(runs: number) {
  const t0 = performance.now();
  const py = await loadPythonNode();
  const load_ms = Math.round(performance.now() - t0);
  log(`Pyodide load in Node ${load_ms} ms`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await run({ scenario: { text: scenario, path: "scenario.yaml" }, files }, { esbuild, python: () => Promise.resolve(py) });
    if (r.kind !== "ran") throw new Error(`bench python: ${r.kind}`);
    times.push(performance.now() - t);
  }
  return { pyodide_load_ms: load_ms, run_ms: stats(times) };
}

export async function benchPythonBrowser(edits: number) {
  const { url, server } = await serveDist("dist");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await freshPage(browser);
    const t0 = Date.now();
    await page.goto(url + "?bench");
    await waitMarks(page, ["editor-ready", "first-run"]);
    await settled(page);
    await page.evaluate(([f, sc]) => (window as any).__bench.load(f, sc), [files, scenario] as const);
    await page.waitForFunction(() => {
      const s = (window as any).__playground.snapshot();
      return s.example === "bench" && s.settled && s.runStatus === "ok" && s.deliveries.length > 0;
    }, undefined, { timeout: 600_000, polling: 50 });
    const open_ms = Date.now() - t0;
    log(`navigation → Python graph ${open_ms} ms`);
    await focusTab(page, 1);
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("# bench ");
    await settled(page, 600_000);
    const from = await page.evaluate(() => window.__perf!.edits.length);
    for (let i = 0; i < edits; i++) {
      await page.keyboard.press("abcdefghijklmnopqrstuvwxyz"[i % 26]!);
      await settled(page, 600_000);
    }
    const recs = await page.evaluate((n) => window.__perf!.edits.slice(n), from);
    const edit = stats(recs.map((r) => r.drawn! - r.edit));
    log(`edit → graph ${JSON.stringify(edit)}`);
    return {
      navigation_to_python_graph_ms: open_ms,
      edit_to_graph_ms: edit,
      budget: { navigation_to_python_graph_ms: 4000, edit_median_ms: 300, edit_p95_ms: 600 },
      note: "each run uses a fresh engine worker; its Pyodide starts while the previous run is in flight (pre-warmed spare), so an edit that comes before the spare is warm waits for it",
    };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}
