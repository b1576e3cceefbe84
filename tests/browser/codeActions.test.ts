// Code actions (the light bulb, Ctrl+.), in Chromium against the production build, with
// the keyboard as a user does: the buggy example's two consistency findings are marked
// on their callbacks' lines; Ctrl+. there offers the fix, Enter applies it, and after
// both the run is consistent (no finding, no strip, no type error). In scenario.yaml a
// misspelt user id gets "Change to …". One page, tests in order.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { cursorTo, markers, openExample, openPlayground, replaceText, snapshot } from "./playground.ts";

const SHOTS = process.env.SCREENSHOT_DIR;
const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
});

/**
 * Ctrl+. and the titles of the quick-fix menu once it shows `expected`. Pressed again
 * (after Escape) when the menu has not shown it within 5 s: once in CI (session 11) the
 * first Ctrl+. on a loaded machine never brought the menu up, while the next run passed.
 */
async function quickFixMenu(page: Page, expected: string): Promise<string[]> {
  const rows = page.locator(".action-widget .monaco-list-row.action");
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("ControlOrMeta+.");
    try {
      await rows.filter({ hasText: expected }).first().waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.keyboard.press("Escape");
    }
  }
  return rows.evaluateAll((els) => els.map((e) => e.textContent ?? ""));
}

/** Moves the menu's focus to the row titled `title` with the arrow keys, and applies it. */
async function choose(page: Page, titles: string[], title: string): Promise<void> {
  const i = titles.findIndex((x) => x.includes(title));
  assert.ok(i >= 0, `"${title}" in ${titles.join(" | ")}`);
  // The menu opens with its first action focused.
  for (let k = 0; k < i; k++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

const consistencyMarkers = async (page: Page) => (await markers(page, "router.ts")).filter((m) => m.owner === "consistency");

test("buggy-disagreeing-router: Ctrl+. on each marked callback applies the fix, and the run becomes consistent", async () => {
  const page = t.page;
  await openExample(page, "buggy-disagreeing-router");
  await page.getByTestId("consistency-strip").waitFor();
  await page.waitForFunction(() => (window as any).__playground.markers("router.ts").filter((m: any) => m.owner === "consistency").length === 2, null, { timeout: 20000 });
  const ms = await consistencyMarkers(page);
  const code = (await snapshot(page)).sources["router.ts"]!;
  const lineOfText = (needle: string) => code.split("\n").findIndex((l) => l.includes(needle)) + 1;
  const gis = lineOfText("async get_interested_users(");
  const gufs = lineOfText("async get_users_for_states(");
  assert.deepEqual(ms.map((m) => m.line).sort((a, b) => a - b), [gufs, gis].sort((a, b) => a - b));
  assert.match(ms.find((m) => m.line === gis)!.message, /@bob:example\.org would be woken for @alice:example\.org's update/);

  // 1. Bob is woken for Alice but may not see her: let him see her.
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await cursorTo(page, gis);
  const titles = await quickFixMenu(page, "Let @bob:example.org see @alice:example.org");
  if (SHOTS) {
    // The menu and the marked lines above it.
    const box = (await page.locator(".action-widget").first().boundingBox())!;
    const y = Math.max(0, box.y - 260);
    await page.screenshot({ path: `${SHOTS}/code-action.png`, clip: { x: 0, y, width: Math.max(900, box.x + box.width + 20), height: box.y - y + box.height + 40 } });
  }
  await choose(page, titles, "Let @bob:example.org see @alice:example.org");
  await page.waitForFunction(() => /new Set\(\[\.\.\.visible, "@alice:example\.org"\]\)/.test((window as any).__playground.snapshot().sources["router.ts"]), null, { timeout: 10000 });
  await page.waitForFunction(() => {
    const p = (window as any).__playground;
    const snap = p.snapshot();
    return snap.settled && snap.runStatus === "ok" && p.markers("router.ts").filter((m: any) => m.owner === "consistency").length === 1;
  }, null, { timeout: 60000 });
  const left = await consistencyMarkers(page);
  assert.equal(left[0]!.line, gufs);
  assert.match(left[0]!.message, /@carol:example\.org sees @alice:example\.org on sync/);

  // 2. Carol may see Alice but is never woken: route Alice's updates to her.
  await page.locator(".monaco-editor .view-lines").first().click();
  await cursorTo(page, gufs);
  const titles2 = await quickFixMenu(page, "Route @alice:example.org's updates to @carol:example.org");
  await choose(page, titles2, "Route @alice:example.org's updates to @carol:example.org");
  await page.waitForFunction(() => {
    const p = (window as any).__playground;
    const snap = p.snapshot();
    return snap.settled && snap.runStatus === "ok" && /@carol:example\.org", new Set/.test(snap.sources["router.ts"]) && p.markers("router.ts").every((m: any) => m.owner !== "consistency");
  }, null, { timeout: 60000 });
  assert.equal(await page.getByTestId("consistency-strip").count(), 0);
  // Bob now sees Alice.
  const snap = await snapshot(page);
  assert.ok(snap.deliveries.some((d) => d.source === "@alice:example.org" && d.viewer === "@bob:example.org"));
  // And the edits type-check in the editor's TypeScript (it re-checks after a delay).
  await page.waitForTimeout(1500);
  assert.deepEqual((await markers(page, "router.ts")).filter((m) => m.owner === "typescript" && m.severity === "error"), []);
});

test("scenario.yaml: a misspelt user id gets 'Change to …' from Ctrl+., and the run is back", async () => {
  const page = t.page;
  const original = (await snapshot(page)).sources["scenario.yaml"]!;
  const typo = original.replace('presence: { user: "@alice:example.org", state: online', 'presence: { user: "@alcie:example.org", state: online');
  assert.notEqual(typo, original);
  await replaceText(page, "scenario.yaml", typo);
  await page.waitForFunction(() => (window as any).__playground.markers("scenario.yaml").some((m: any) => /unknown user @alcie:example\.org; did you mean @alice:example\.org\?/.test(m.message)), null, { timeout: 20000 });
  const line = typo.split("\n").findIndex((l) => l.includes("@alcie")) + 1;
  await cursorTo(page, line);
  // The marker starts at the value: move onto it with the keyboard.
  const col = typo.split("\n")[line - 1]!.indexOf('"@alcie');
  const indent = typo.split("\n")[line - 1]!.search(/\S/);
  for (let i = indent; i < col + 2; i++) await page.keyboard.press("ArrowRight");
  const titles = await quickFixMenu(page, "Change to @alice:example.org");
  assert.ok(titles.some((x) => x.includes("Add @alcie:example.org to users")), titles.join(" | "));
  await choose(page, titles, "Change to @alice:example.org");
  await page.waitForFunction((o) => {
    const snap = (window as any).__playground.snapshot();
    return snap.sources["scenario.yaml"] === o && snap.settled && snap.runStatus === "ok";
  }, original, { timeout: 60000 });
});

test("router.ts: a misspelt name gets TypeScript's 'Change spelling' from Ctrl+., offered once", async () => {
  const page = t.page;
  const original = (await snapshot(page)).sources["router.ts"]!;
  const typo = `${original.trimEnd()}\n\nconst counter = 1;\nexport const doubled = countr * 2;\n`;
  await replaceText(page, "router.ts", typo);
  await page.waitForFunction(() => (window as any).__playground.markers("router.ts").some((m: any) => m.owner === "typescript" && /Cannot find name 'countr'/.test(m.message)), null, { timeout: 30000 });
  const lines = typo.split("\n");
  const line = lines.findIndex((l) => l.includes("countr *")) + 1;
  await cursorTo(page, line);
  for (let i = 0; i < lines[line - 1]!.indexOf("countr") + 2; i++) await page.keyboard.press("ArrowRight");
  const titles = await quickFixMenu(page, "Change spelling to 'counter'");
  // TypeScript's fixes come from one provider (tsCodeFixes.ts replaces Monaco's own): listed once.
  assert.equal(titles.filter((x) => x.includes("Change spelling to 'counter'")).length, 1, titles.join(" | "));
  await choose(page, titles, "Change spelling to 'counter'");
  await page.waitForFunction(() => /export const doubled = counter \* 2;/.test((window as any).__playground.snapshot().sources["router.ts"]), null, { timeout: 10000 });
});
