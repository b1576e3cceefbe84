// Python modules (issue 13): where Pyodide's time goes in Node (each stage alone), a
// Python run in Node, and in Chromium the live graph of a Python example opened by its
// direct URL (#example=modern-docs-router-py) after navigation and edit → graph for a Python module, with the stages each run reported
// (protocol.ts RunTiming, read from window.__perf). Budgets (2-core machine): open a
// Python example ≤ 4 s to the graph; edit → graph median ≤ 300 ms, p95 ≤ 600 ms.
// Numbers only: nothing here fails on time.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadPyodide } from "pyodide";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { run } from "../src/pipeline/index.ts";
import { PYODIDE_ENV, importBridge, prepareBridge, type PyodideLike } from "../src/python/host.ts";
import { focusTab, freshPage, settled } from "./browser.ts";

const EXAMPLE = "examples/modern-docs-router-py";
const files = { "router.py": readFileSync(`${EXAMPLE}/router.py`, "utf8") };
const scenario = readFileSync(`${EXAMPLE}/scenario.yaml`, "utf8");

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN);
  return { n: s.length, median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1] ?? NaN) };
}
const log = (m: string) => process.stderr.write(`bench python: ${m}\n`);
const since = (t: number) => Math.round(performance.now() - t);

/** Median of each stage over runs' timing records (protocol.ts RunTiming). */
function stageMedians(timings: Array<Record<string, number>>): Record<string, number> {
  const keys = [...new Set(timings.flatMap((t) => Object.keys(t)))];
  return Object.fromEntries(keys.map((k) => [k, stats(timings.map((t) => t[k]).filter((x): x is number => typeof x === "number")).median]));
}

/**
 * Pyodide's start in Node, stage by stage: the wasm compile alone, loadPyodide (wasm
 * instance, stdlib, Python's start), importing the synapse package and bridge, the
 * memory snapshot taken after that import and a start restored from it, then runs.
 */
export async function benchPythonNode(runs: number) {
  const dir = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
  let t = performance.now();
  await WebAssembly.compile(readFileSync(join(dir, "pyodide.asm.wasm")));
  const wasm_compile_ms = since(t);
  t = performance.now();
  const maker = (await loadPyodide({ env: PYODIDE_ENV, _makeSnapshot: true } as never)) as unknown as PyodideLike & { makeMemorySnapshot(): Uint8Array };
  const load_ms = since(t);
  t = performance.now();
  importBridge(maker);
  const import_synapse_ms = since(t);
  t = performance.now();
  const snap = maker.makeMemorySnapshot();
  const make_snapshot_ms = since(t);
  const restores: number[] = [];
  let py: PyodideLike | null = null;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    py = (await loadPyodide({ env: PYODIDE_ENV, _loadSnapshot: snap } as never)) as unknown as PyodideLike;
    prepareBridge(py);
    restores.push(performance.now() - t);
  }
  log(`Node: wasm compile ${wasm_compile_ms} ms, loadPyodide ${load_ms} ms, import synapse ${import_synapse_ms} ms, snapshot ${make_snapshot_ms} ms (${snap.length} bytes), restore+bridge ${JSON.stringify(stats(restores))}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t1 = performance.now();
    const r = await run({ scenario: { text: scenario, path: "scenario.yaml" }, files }, { esbuild, python: () => Promise.resolve(py!) });
    if (r.kind !== "ran") throw new Error(`bench python: ${r.kind}`);
    times.push(performance.now() - t1);
  }
  return {
    wasm_compile_ms,
    pyodide_load_ms: load_ms,
    import_synapse_ms,
    make_snapshot_ms,
    snapshot_bytes: snap.length,
    restore_snapshot_and_bridge_ms: stats(restores),
    run_ms: stats(times),
  };
}

/** Opens the Python example by its direct URL in `page`: ms to its live graph, the page's marks, the first run's stages. */
async function openPython(page: Page, url: string) {
  const name = EXAMPLE.split("/").pop();
  // The example's direct URL (#example=, src/share/route.ts): a visitor's first page.
  const t0 = Date.now();
  await page.goto(`${url}?bench#example=${name}`);
  // A failed run (the watchdog's budget on a loaded machine) ends the wait too, and is said.
  await page.waitForFunction((n) => {
    const s = (window as any).__playground?.snapshot();
    return s?.example === n && s.settled && ((s.runStatus === "ok" && s.deliveries.length > 0) || s.runFailure);
  }, name, { timeout: 600_000, polling: 50 });
  const failure = await page.evaluate(() => (window as any).__playground.snapshot().runFailure as string | null);
  if (failure) log(`the first run failed: ${failure}`);
  const open_ms = failure ? NaN : Date.now() - t0;
  const first = await page.evaluate(() => ({ runs: window.__perf!.runs ?? [], marks: window.__perf!.marks() }));
  const marks = Object.fromEntries(Object.entries(first.marks as Record<string, number>).map(([k, v]) => [k, Math.round(v)]));
  // The budget's point: the live run's graph on screen (the first graph frame, which for a
  // Python example is the live run's: there is no build-time run to draw before it).
  const graph_ms = marks["first-run"] !== undefined && marks["graph-drawn"] !== undefined && marks["first-run"] <= marks["graph-drawn"] ? marks["graph-drawn"] : NaN;
  return { open_ms, graph_ms, marks, timing: first.runs[first.runs.length - 1]?.timing };
}

/**
 * `--only python-open [--baseline DIR]`: the Python example opened by its URL, `rounds`
 * times, a fresh context each, alternating with the baseline build when there is one
 * (same browser, same machine load for both).
 */
export async function benchPythonOpen(rounds: number, baseline?: string) {
  const builds = [{ name: "this_build", ...(await serveDist("dist")) }, ...(baseline ? [{ name: "baseline", ...(await serveDist(baseline)) }] : [])];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const rec: Record<string, Array<Awaited<ReturnType<typeof openPython>>>> = {};
  try {
    for (let i = 0; i < rounds; i++) {
      for (const b of builds) {
        const page = await freshPage(browser);
        const r = await openPython(page, b.url);
        await page.context().close();
        (rec[b.name] ??= []).push(r);
        log(`open ${i + 1} ${b.name}: ${r.open_ms} ms; graph-drawn ${r.marks["graph-drawn"]}; marks ${JSON.stringify(r.marks)}; first run ${JSON.stringify(r.timing && Object.fromEntries(Object.entries(r.timing).filter(([k]) => !k.endsWith("_at")).map(([k, v]) => [k, Math.round(v)])))}`);
      }
    }
  } finally {
    await browser.close();
    for (const b of builds) await new Promise((ok) => b.server.close(ok));
  }
  const keys = [...new Set(Object.values(rec).flat().flatMap((r) => Object.keys(r.marks)))];
  return Object.fromEntries(Object.entries(rec).map(([name, rs]) => [name, {
    navigation_to_python_graph_ms: stats(rs.map((r) => r.graph_ms)),
    navigation_to_settled_ms: stats(rs.map((r) => r.open_ms)),
    marks_median_ms: Object.fromEntries(keys.map((k) => [k, stats(rs.map((r) => r.marks[k]).filter((x): x is number => x !== undefined)).median])),
    first_run_stages_median_ms: stageMedians(rs.flatMap((r) => (r.timing ? [r.timing] : []))),
  }]));
}

/** How long a person looks at the graph before the next edit, in the paced and burst protocols. */
const PAUSE_MS = 1500;

/**
 * `rounds` times: `keys` keystrokes `gapMs` apart, the graph, then `pauseMs`. The edit
 * record of each round's last key (its graph time and its run's stages).
 */
async function editRounds(page: Page, rounds: number, keys: number, gapMs: number, pauseMs = PAUSE_MS) {
  const recs: Array<{ drawn?: number; edit: number; timing?: Record<string, number> }> = [];
  await page.waitForTimeout(pauseMs);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < keys; k++) {
      await page.keyboard.press("abcdefghijklmnopqrstuvwxyz"[(r * keys + k) % 26]!);
      if (k < keys - 1) await page.waitForTimeout(gapMs);
    }
    await settled(page, 600_000);
    recs.push(await page.evaluate(() => window.__perf!.edits[window.__perf!.edits.length - 1]!));
    await page.waitForTimeout(pauseMs);
  }
  return recs;
}
const lastKeyToGraph = (recs: Array<{ drawn?: number; edit: number }>) => stats(recs.map((r) => r.drawn! - r.edit));

export async function benchPythonBrowser(edits: number, dist = "dist") {
  const { url, server } = await serveDist(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await freshPage(browser);
    const first = await openPython(page, url);
    const open_ms = first.open_ms;
    const graph_ms = first.graph_ms;
    const marks = first.marks;
    log(`navigation → Python graph ${graph_ms} ms (settled ${open_ms} ms); marks ${JSON.stringify(marks)}; first run ${JSON.stringify(first.timing)}`);
    await focusTab(page, 1);
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("# bench ");
    await settled(page, 600_000);
    const recs = await editRounds(page, edits, 1, 0, 0);
    const edit = lastKeyToGraph(recs);
    const stages = stageMedians(recs.flatMap((r) => (r.timing ? [r.timing] : [])));
    log(`edit → graph, back to back ${JSON.stringify(edit)}; stages ${JSON.stringify(stages)}`);
    // A person's pace: each edit after its graph and PAUSE_MS of looking at it.
    const pacedRecs = await editRounds(page, edits, 1, 0);
    const paced = lastKeyToGraph(pacedRecs);
    // Paced, each run's spare restored while the page was idle: the restore's own cost.
    const pacedStages = stageMedians(pacedRecs.flatMap((r) => (r.timing ? [r.timing] : [])));
    log(`edit → graph, paced ${JSON.stringify(paced)}; stages ${JSON.stringify(pacedStages)}`);
    // Typing: 5 keys 100 ms apart, then the graph, then a pause; timed from the last key.
    const bursts = lastKeyToGraph(await editRounds(page, Math.max(4, Math.round(edits / 2)), 5, 100));
    log(`last key of a burst → graph ${JSON.stringify(bursts)}`);
    const round = (o: Record<string, number> | undefined) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, Math.round(v)]));
    return {
      navigation_to_python_graph_ms: graph_ms,
      navigation_to_settled_ms: open_ms,
      marks_ms: marks,
      first_run_stages_ms: round(first.timing),
      edit_to_graph_ms: edit,
      edit_to_graph_paced_ms: paced,
      burst_last_key_to_graph_ms: bursts,
      edit_stages_median_ms: stages,
      edit_stages_paced_median_ms: pacedStages,
      budget: { navigation_to_python_graph_ms: 4000, edit_median_ms: 300, edit_p95_ms: 600 },
      protocols: `back to back: each key as soon as the previous key's graph is drawn (every run needs a freshly restored interpreter, so this measures how fast restores keep up); paced: a key, its graph, then ${PAUSE_MS} ms; bursts: 5 keys 100 ms apart, its graph, then ${PAUSE_MS} ms, timed from the last key`,
      note: "each run uses a fresh engine worker with a fresh interpreter; stages: python_wait = the run waited for its worker's interpreter, pyodide = loadPyodide in the worker (restored from the frame's memory snapshot when snapshot = 1), instantiate = its wasm instance, bridge = the synapse package's bridge made ready, run = the scenario run, spare_age = the worker's age when its run was sent",
    };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

/**
 * Python open and edit → graph on this build and a baseline build (`--baseline DIR`),
 * alternating whole rounds (a fresh browser each) so both see the same machine load.
 */
export async function benchPythonAB(baseline: string, rounds: number, edits: number) {
  type R = Awaited<ReturnType<typeof benchPythonBrowser>>;
  const res: { now: R[]; base: R[] } = { now: [], base: [] };
  for (let i = 0; i < rounds; i++) {
    res.now.push(await benchPythonBrowser(edits, "dist"));
    res.base.push(await benchPythonBrowser(edits, baseline));
  }
  const summary = (rs: R[]) => ({
    navigation_to_python_graph_ms: stats(rs.map((r) => r.navigation_to_python_graph_ms)),
    edit_to_graph_median_ms: stats(rs.map((r) => r.edit_to_graph_ms.median)),
    edit_to_graph_p95_ms: stats(rs.map((r) => r.edit_to_graph_ms.p95)),
    edit_stages_median_ms: stageMedians(rs.map((r) => r.edit_stages_median_ms)),
  });
  return { baseline, rounds, edits_per_round: edits, this_build: summary(res.now), baseline_build: summary(res.base), rounds_raw: res };
}

/** The TypeScript path's cold load on this build and a baseline build, alternating loads. */
export async function benchColdLoadAB(baseline: string, loads: number) {
  const { coldLoad } = await import("./browser.ts");
  const { measureBytes } = await import("./bytes.ts");
  const now = await serveDist("dist");
  const base = await serveDist(baseline);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const rec = { now: [] as Array<Awaited<ReturnType<typeof coldLoad>>>, base: [] as Array<Awaited<ReturnType<typeof coldLoad>>> };
    const [bn, bb] = [measureBytes("dist"), measureBytes(baseline)];
    for (let i = 0; i < loads; i++) {
      // ABBA: the first load of a pair tends to be slower (an A/A run showed it), so the order alternates.
      if (i % 2 === 0) {
        rec.now.push(await coldLoad(browser, now.url, bn));
        rec.base.push(await coldLoad(browser, base.url, bb));
      } else {
        rec.base.push(await coldLoad(browser, base.url, bb));
        rec.now.push(await coldLoad(browser, now.url, bn));
      }
      log(`cold load ${i + 1}: graph ${Math.round(rec.now[i]!.graph_drawn_ms)} vs ${Math.round(rec.base[i]!.graph_drawn_ms)} ms (this build vs baseline); marks ${JSON.stringify(rec.now[i]!.marks)} vs ${JSON.stringify(rec.base[i]!.marks)}`);
    }
    const sum = (rs: typeof rec.now) => ({
      graph_drawn_ms: stats(rs.map((r) => r.graph_drawn_ms)).median,
      editor_ready_ms: stats(rs.map((r) => r.editor_ready_ms)).median,
      first_compile_ms: stats(rs.map((r) => r.first_compile_ms)).median,
      first_live_run_ms: stats(rs.map((r) => r.first_live_run_ms ?? NaN)).median,
      js_before_graph_gzip_kb: Math.round(stats(rs.map((r) => r.js_before_graph_gzip)).median / 102.4) / 10,
    });
    return { baseline, loads, this_build: sum(rec.now), baseline_build: sum(rec.base) };
  } finally {
    await browser.close();
    await new Promise((ok) => now.server.close(ok));
    await new Promise((ok) => base.server.close(ok));
  }
}
