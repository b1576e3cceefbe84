// Regenerates the graph screenshots of the README (docs/graph-4.png, graph-200.png,
// graph-2000.png) from the production build: the two-server
// example (4 users) and the generated worlds of bench/graph-worlds.ts, loaded through
// the `?bench` hook, each once the layout worker has answered.
//   npm run build && npx tsx scripts/graph-screenshots.ts [outDir]
import { readdirSync, readFileSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "./serve.ts";
import { graphWorld, TEAM_ROUTER, WORLD_200, WORLD_2000 } from "../bench/graph-worlds.ts";

const out = process.argv[2] ?? "docs";
const { url, server } = await serveDist("dist");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

async function open(files: Record<string, string>, scenario: string, users: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => localStorage.setItem("prp.firstVisitSeen.v1", "1"));
  const page = await context.newPage();
  await page.goto(url + "?bench");
  await page.waitForFunction(() => (window as any).__playground?.snapshot().settled === true, null, { timeout: 300_000 });
  await page.evaluate(([f, s]) => (window as any).__bench.load(f, s), [files, scenario] as const);
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "bench", null, { timeout: 60_000 });
  await page.waitForFunction(() => { const s = (window as any).__playground.snapshot(); return s.settled && s.runStatus === "ok"; }, null, { timeout: 300_000 });
  if (users > 60) await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-layout") === "force", null, { timeout: 300_000 });
  await page.waitForTimeout(1500);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.getByTestId("graph").screenshot({ path: `${out}/${name}` });
  process.stderr.write(`wrote ${out}/${name}\n`);
}

try {
  const dir = "examples/two-server-federation";
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f !== "scenario.yaml" && f !== "README.md") files[f] = readFileSync(`${dir}/${f}`, "utf8");
  await shot(await open(files, readFileSync(`${dir}/scenario.yaml`, "utf8"), 4), "graph-4.png");
  await shot(await open({ "router.ts": TEAM_ROUTER }, graphWorld(WORLD_200), 200), "graph-200.png");
  const big = await open({ "router.ts": TEAM_ROUTER }, graphWorld(WORLD_2000), 2000);
  await shot(big, "graph-2000.png");
} finally {
  await browser.close();
  server.close();
}
