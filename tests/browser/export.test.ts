// Export menu end to end: the downloaded .zip, and the downloaded module + scenario.yaml,
// run through the headless runner (src/cli/sim.ts) give exactly the playground's
// "Download run trace (JSON)"; homeserver.yaml dialog; graph as SVG and PNG.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { unzipSync } from "fflate";
import { parse } from "yaml";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { allowClipboard, clickDownloadTrace, settled, snapshot } from "./playground.ts";
import { comparable } from "./shareTrace.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await s.newPage();
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile((await dl.path())!) };
}

async function exportItem(page: Page, name: RegExp): Promise<{ name: string; bytes: Buffer }> {
  return download(page, async () => {
    await page.getByTestId("export").click();
    await page.getByRole("menuitem", { name }).click();
  });
}

function sim(scenarioPath: string): string {
  const r = spawnSync("npx", ["tsx", "src/cli/sim.ts", scenarioPath, "--format", "json"], { encoding: "utf8", timeout: 180000 });
  assert.ok(r.stdout.length > 0, `sim printed nothing: ${r.stderr}`);
  return r.stdout;
}

let traceJson = "";

test("the .zip runs in the headless runner to the playground's exact trace", async () => {
  const trace = await download(t.page, () => clickDownloadTrace(t.page));
  traceJson = trace.bytes.toString("utf8");
  const zip = await exportItem(t.page, /Everything as \.zip/);
  assert.match(zip.name, /\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  const snap = await snapshot(t.page);
  assert.deepEqual(Object.keys(files).sort(), [...Object.keys(snap.sources), "README.txt"].sort());
  const dir = await mkdtemp(join(tmpdir(), "prp-zip-"));
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
  assert.match(Buffer.from(files["README.txt"]!).toString("utf8"), /npm run sim -- .*scenario\.yaml/);
  assert.equal(comparable(sim(join(dir, "scenario.yaml"))), comparable(traceJson));
});

test("the module .ts and scenario .yaml downloads run to the same trace", async () => {
  const snap = await snapshot(t.page);
  const dir = await mkdtemp(join(tmpdir(), "prp-files-"));
  const mods = Object.keys(snap.sources).filter((f) => f !== "scenario.yaml");
  for (const m of mods) {
    await t.page.getByRole("tab", { name: m, exact: true }).click();
    const f = await exportItem(t.page, /as \.ts$/);
    assert.equal(f.name, m);
    assert.equal(f.bytes.toString("utf8"), snap.sources[m]);
    await writeFile(join(dir, f.name), f.bytes);
  }
  const sc = await exportItem(t.page, /Scenario as \.yaml/);
  assert.equal(sc.name, "scenario.yaml");
  await writeFile(join(dir, "scenario.yaml"), sc.bytes);
  assert.equal(comparable(sim(join(dir, "scenario.yaml"))), comparable(traceJson));
});

test("homeserver.yaml snippet has Synapse's presence and modules shape", async () => {
  await t.page.getByTestId("export").click();
  await t.page.getByRole("menuitem", { name: /homeserver\.yaml/ }).click();
  const dialog = t.page.getByTestId("homeserver-dialog");
  await dialog.waitFor();
  const text = await t.page.getByTestId("homeserver-yaml").innerText();
  assert.match(text, /ported? .*Python|Python/);
  const y = parse(text);
  assert.equal(typeof y.presence.enabled, "boolean");
  assert.equal(typeof y.presence.include_offline_users_on_sync, "boolean");
  // The default example loads its router the modern way, under modules: (R56).
  assert.equal(y.presence.presence_router, undefined);
  assert.equal(y.modules.length, 1);
  assert.equal(y.modules[0].module, "router.BuddyRouter");
  assert.deepEqual(y.modules[0].config.buddies, [["@alice:example.org", "@dave:example.org"]]);
  const f = await download(t.page, () => dialog.getByRole("button", { name: "Download" }).click());
  assert.equal(f.name, "homeserver.yaml");
  assert.equal(f.bytes.toString("utf8").trim(), text.trim());
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.waitFor({ state: "detached" });
});

test("the delivery graph exports as SVG (from the model) and PNG", async () => {
  const svg = (await exportItem(t.page, /graph as SVG/)).bytes.toString("utf8");
  assert.match(svg, /^<\?xml[^]*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const nodes = Number(await t.page.getByTestId("delivery-graph").getAttribute("data-nodes"));
  const edges = Number(await t.page.getByTestId("delivery-graph").getAttribute("data-edges"));
  assert.equal((svg.match(/<circle data-node=/g) ?? []).length, nodes);
  assert.equal((svg.match(/<line data-edge=/g) ?? []).length, edges);
  assert.match(svg, /@alice:example\.org/);
  const png = await exportItem(t.page, /graph as PNG/);
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.bytes.length > 2000, `png too small: ${png.bytes.length}`);
  assert.deepEqual(t.consoleErrors, []);
});
