// Where an edit's time goes (`npm run bench -- --only stages`): code edits on the default
// example and on the 1,000-user scenario, each edit's wall-clock stages as the page and
// the engine worker stamped them (src/ui/boot/perf.ts records, RunTiming from the worker
// and the frame). Medians per stage; never part of a trace.
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { freshPage, loadScenario, prepareEdits, settled, typeEdits, waitMarks } from "./browser.ts";
import { EDIT_1000, generateUiScenario } from "./browser-scenarios.ts";

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor((s.length - 1) / 2)]! * 10) / 10 : NaN;
};

async function stagesOf(page: Page, edits: number) {
  await prepareEdits(page, "code");
  const recs = await typeEdits(page, edits);
  const cols: Record<string, number[]> = {};
  const add = (k: string, v: number | undefined) => v !== undefined && (cols[k] ??= []).push(v);
  for (const r of recs as Array<Record<string, any>>) {
    add("total", r.drawn - r.edit);
    add("compile", r.compiled - r.edit);
    add("run_and_transfer", r.ran - r.compiled);
    add("store_to_graph", r.drawn - r.ran);
    for (const [k, v] of Object.entries((r.timing ?? {}) as Record<string, number>)) add(`worker.${k}`, v);
  }
  return Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, median(v)]));
}

export async function benchStages(dir: string, edits: number) {
  const { url, server } = await serveDist(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await freshPage(browser);
    await page.goto(url);
    await waitMarks(page, ["editor-ready", "first-run"]);
    await settled(page);
    const defaultExample = await stagesOf(page, edits);
    await page.context().close();
    const p2 = await loadScenario(browser, url, generateUiScenario(EDIT_1000));
    const users1000 = await stagesOf(p2, edits);
    return { dir, edits, default_example: defaultExample, users_1000: users1000 };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchStages(process.argv[2] ?? "dist", Number(process.argv[3] ?? 10));
  console.log(JSON.stringify(r, null, 1));
}
