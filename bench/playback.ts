// Playback of the 2,000-user world (issue 14 item 5): requestAnimationFrame deltas in the
// page while the timeline plays at 1000×. `--only playback` runs it alone; `--gpu`
// launches Chromium without forcing software GL (SwiftShader), and reports the WebGL
// renderer it got: without a GPU Chromium falls back to SwiftShader anyway, and the
// report says so.
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { loadScenario } from "./browser.ts";
import { RENDER_2000, generateUiScenario } from "./browser-scenarios.ts";

/** Flags that force software GL: left out with `--gpu`. */
const SOFTWARE_GL = new Set(["--disable-gpu", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]);

export function chromiumArgs(gpu: boolean): string[] {
  return gpu ? [...CHROMIUM_ARGS.filter((a) => !SOFTWARE_GL.has(a)), "--ignore-gpu-blocklist", "--enable-gpu-rasterization"] : CHROMIUM_ARGS;
}

const round = (x: number) => Math.round(x * 10) / 10;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN);
  return { n: s.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? NaN) };
};

/** The WebGL renderer string the page gets (SwiftShader's name when there is no GPU). */
export async function glRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
    if (!gl) return "no WebGL";
    const ext = gl.getExtension("WEBGL_debug_renderer_info");
    return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

/** Starts playback from 0 at 1000× on a page showing RENDER_2000's trace. */
export async function startPlayback(page: Page): Promise<void> {
  await page.getByLabel("Speed").selectOption("1000");
  // Play at the end replays from 0.
  await page.getByRole("button", { name: "Play" }).click();
}

/** rAF deltas (ms) over `seconds` of playback. */
export async function frameDeltas(page: Page, seconds: number): Promise<number[]> {
  // A string, not a function: tsx's keepNames would wrap inner functions in __name().
  return (await page.evaluate(`new Promise((done) => {
    const out = [];
    let last = 0;
    const t0 = performance.now();
    requestAnimationFrame(function f(now) {
      if (last) out.push(now - last);
      last = now;
      if (now - t0 < ${seconds * 1000}) requestAnimationFrame(f);
      else done(out);
    });
  })`)) as number[];
}

export async function playbackOn(browser: Browser, url: string, seconds: number) {
  const page = await loadScenario(browser, url, generateUiScenario(RENDER_2000));
  const shape = await page.evaluate(() => {
    const g = document.querySelector('[data-testid="delivery-graph"]') as HTMLElement;
    return { nodes: Number(g.dataset.nodes), deliveries: Number((document.querySelector('[data-testid="graph"]') as HTMLElement).dataset.deliveries) };
  });
  const renderer = await glRenderer(page);
  // Steady state: the force layout (layout worker) has answered and been drawn.
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-layout") === "force", undefined, { timeout: 300_000, polling: 100 });
  await startPlayback(page);
  const frames = await frameDeltas(page, seconds);
  const playing = await page.evaluate(() => document.querySelector('[aria-label="Pause"]') !== null);
  await page.context().close();
  const mean = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
  return { scenario: RENDER_2000, graph_nodes: shape.nodes, deliveries: shape.deliveries, speed: 1000, seconds, still_playing_at_end: playing, gl_renderer: renderer, frame_ms: stats(frames), fps_mean: round(1000 / mean) };
}

/**
 * `--only playback [--gpu] [--baseline DIR]`: `rounds` playbacks, alternating with the
 * baseline build when one is given (same machine load for both).
 */
export async function benchPlayback(opts: { seconds: number; rounds: number; gpu: boolean; baseline?: string }) {
  const now = await serveDist("dist");
  const base = opts.baseline ? await serveDist(opts.baseline) : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(opts.gpu), headless: true });
  try {
    const runs: { now: Awaited<ReturnType<typeof playbackOn>>[]; base: Awaited<ReturnType<typeof playbackOn>>[] } = { now: [], base: [] };
    for (let i = 0; i < opts.rounds; i++) {
      runs.now.push(await playbackOn(browser, now.url, opts.seconds));
      process.stderr.write(`bench/playback: round ${i + 1} this build ${JSON.stringify(runs.now.at(-1)!.frame_ms)}\n`);
      if (base) {
        runs.base.push(await playbackOn(browser, base.url, opts.seconds));
        process.stderr.write(`bench/playback: round ${i + 1} baseline ${JSON.stringify(runs.base.at(-1)!.frame_ms)}\n`);
      }
    }
    const p95s = (rs: typeof runs.now) => rs.map((r) => r.frame_ms.p95);
    const renderer = runs.now[0]?.gl_renderer ?? "";
    return {
      gpu_requested: opts.gpu,
      gl_renderer: renderer,
      software_gl: /swiftshader/i.test(renderer),
      note: opts.gpu && /swiftshader/i.test(renderer) ? "--gpu asked for the GPU, but Chromium found none: these are SwiftShader (software GL) numbers" : undefined,
      load_average: (await import("node:os")).loadavg().map(round),
      this_build: { ...runs.now[0]!, p95_each: p95s(runs.now), p95_median: stats(p95s(runs.now)).median },
      baseline: base ? { dir: opts.baseline, p95_each: p95s(runs.base), p95_median: stats(p95s(runs.base)).median } : undefined,
      budget: { p95_frame_ms: 20 },
    };
  } finally {
    await browser.close();
    await new Promise((ok) => now.server.close(ok));
    if (base) await new Promise((ok) => base.server.close(ok));
  }
}
