// `npm run bench`: prints benchmark numbers as JSON. Not a test: nothing here passes or
// fails on time. Options:
//   --only engine|browser|python   one part only (python: Pyodide in Node and Chromium;
//                           with --baseline DIR also Python and cold-load rounds on both builds)
//   --quick                 a smaller engine shape, fewer browser samples (a fast look)
//   BENCH_ENGINE_RUNS=N     (environment) engine runs, each in a fresh process (default 3,
//                           1 with --quick): time budgets on the median, heap on the worst
//   --no-build              measure the existing dist/ (default: `vite build` first)
//   --docs                  also write docs/performance.md from the results
//   --baseline DIR          also code edits A/B against another build's dist (interleaved);
//                           `--only ab --baseline DIR` runs just that
//   --only stages           where an edit's time goes: each code edit's wall-clock stages
//                           (compile, request to the worker, run, reply back, its check, drawing)
//   --only python-open      the Python example opened by its URL alone (3 or 5 times; with
//                           --baseline DIR alternating with that build); needs dist/
//   --only load             the cold loads alone (default graph drawn, editor usable, first
//                           live compile, first live run; median of 3, or 5 without --quick);
//                           with --baseline DIR also alternating loads of both builds
//   --only scale            the 10,000-user example opened by its URL (1 or 3 times): run and
//                           graph times, the page's long tasks while it runs and after; needs dist/
//   --only watchdog         the heartbeat module's stop time (1 s budget), also on --baseline DIR
//   --only playback         the 2,000-user playback alone (frame times); with --baseline DIR
//                           alternating rounds on both builds
//   --gpu                   Chromium without forced software GL (SwiftShader); the report
//                           names the WebGL renderer it got (SwiftShader when there is no GPU)
//   BENCH_PAUSE_MS=N        (environment) TypeScript code edits wait N ms after each graph
//                           (a person's pace) instead of typing the next key at once
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const want = (part: string) => !only || only === part;

const out: Record<string, unknown> = { machine: { cores: (await import("node:os")).cpus().length, node: process.version } };
if (want("engine")) {
  // Each run in a fresh process (bench/engine-once.ts); identical runs vary by ±15 % on
  // these shared machines, so the budgets are judged on the median of several.
  const { summariseEngineRuns } = await import("./engine.ts");
  const n = Number(process.env.BENCH_ENGINE_RUNS ?? (quick ? 1 : 3));
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync("npx", ["tsx", "bench/engine-once.ts", ...(quick ? ["--quick"] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", 2], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error("bench: the engine run failed");
    runs.push(JSON.parse(r.stdout));
  }
  out.engine = summariseEngineRuns(runs);
}
const baseAt = args.indexOf("--baseline");
const baseline = baseAt >= 0 ? args[baseAt + 1] : undefined;
const gpu = args.includes("--gpu");
if (want("browser") || want("bytes") || (only === "ab" && baseline)) {
  if (!args.includes("--no-build")) {
    // stdout stays JSON only: the build's log goes to stderr.
    const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: ["ignore", 2, 2] });
    if (r.status !== 0) throw new Error("bench: `vite build` failed");
  }
  const { measureBytes } = await import("./bytes.ts");
  const bytes = measureBytes("dist");
  out.bytes = bytes;
  if (want("browser")) {
    const { benchBrowser } = await import("./browser.ts");
    out.browser = await benchBrowser(bytes, { ...(quick ? { loads: 3, edits: 10, renderSeconds: 3 } : { loads: 5, edits: 30, renderSeconds: 5 }), gpu });
  }
  if (baseline && (want("browser") || only === "ab")) {
    const { benchAB } = await import("./browser.ts");
    out.edit_ab = await benchAB(baseline, quick ? 10 : 30);
  }
}
if (only === "playback") {
  if (!args.includes("--no-build")) {
    const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: ["ignore", 2, 2] });
    if (r.status !== 0) throw new Error("bench: `vite build` failed");
  }
  const { benchPlayback } = await import("./playback.ts");
  out.playback = await benchPlayback({ seconds: quick ? 3 : 5, rounds: quick ? 2 : 4, gpu, baseline });
}
if (only === "load") {
  if (!args.includes("--no-build")) {
    const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: ["ignore", 2, 2] });
    if (r.status !== 0) throw new Error("bench: `vite build` failed");
  }
  const { measureBytes } = await import("./bytes.ts");
  const { benchColdLoads } = await import("./browser.ts");
  out.load = await benchColdLoads(measureBytes("dist"), quick ? 3 : 5, gpu);
  if (baseline) {
    // Cold loads alternating between this build and the baseline's (same machine load).
    const { benchColdLoadAB } = await import("./python.ts");
    out.load_ab = await benchColdLoadAB(baseline, quick ? 3 : 5);
  }
}
if (only === "stages") {
  const { benchStages } = await import("./stages.ts");
  out.stages = await benchStages("dist", quick ? 10 : 30);
}
if (only === "python-open") {
  // Only the Python example's open by URL, alternating with --baseline DIR when given.
  const { benchPythonOpen } = await import("./python.ts");
  out.python_open = await benchPythonOpen(quick ? 3 : 5, baseline);
}
if (only === "scale") {
  // The 10,000-user example opened by its URL (issue 14 part 4); needs a build in dist/.
  const { benchScaleExample } = await import("./scale.ts");
  out.scale_example = await benchScaleExample("dist", quick ? 1 : 3);
}
if (only === "watchdog") {
  // The heartbeat module (1 s budget) on this build (and the baseline): stop time, feed, next edit.
  const { benchWatchdog } = await import("./browser.ts");
  out.watchdog = { now: await benchWatchdog("dist", quick ? 2 : 5), ...(baseline && { base: await benchWatchdog(baseline, quick ? 2 : 5) }) };
}
if (only === "python") {
  // Python modules (issue 13): only on request (`--only python`; needs a build in dist/).
  const { benchPythonBrowser, benchPythonNode } = await import("./python.ts");
  out.python = { node: await benchPythonNode(quick ? 3 : 10), browser: await benchPythonBrowser(quick ? 5 : 20) };
  if (baseline) {
    // Interleaved rounds on this build and the baseline (same machine load for both).
    const { benchPythonAB, benchColdLoadAB } = await import("./python.ts");
    (out.python as Record<string, unknown>).ab = await benchPythonAB(baseline, quick ? 2 : 3, quick ? 5 : 10);
    (out.python as Record<string, unknown>).typescript_cold_load_ab = await benchColdLoadAB(baseline, quick ? 3 : 5);
  }
}
console.log(JSON.stringify(out, null, 2));
if (args.includes("--docs")) {
  const { renderReport } = await import("./report.ts");
  (await import("node:fs")).writeFileSync("docs/performance.md", renderReport(out));
}
