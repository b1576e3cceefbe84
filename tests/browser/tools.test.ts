// The workspace's tools and small fixes (issue 11), in Chromium against the production
// build, driven by the keyboard and mouse as a user would: the `?` shortcut sheet, Reset
// to the example's original, filters that reset and say when they hide everything, the
// callback budget refusing 0, a scenario typo reported once with the graph marked as the
// last good run, a lesson solved now vs before, and errors without doubled prefixes.
// Screenshots of each go to docs/ (linked from the README).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useSession, type TestPage, docShot } from "./harness.ts";
import { markers, openPlayground, replaceText, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;
let page: Page;
before(async () => {
  t = await openPlayground(s);
  page = t.page;
});

const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null);

test("`?` opens the shortcut sheet outside text fields; Esc and a click outside close it, focus returns; also from Settings", async () => {
  const sheet = page.getByTestId("shortcut-sheet");
  // Typed in the editor, `?` is a character.
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("?");
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].startsWith("?"));
  assert.equal(await sheet.count(), 0, "no sheet while typing in the editor");
  await page.keyboard.press("ControlOrMeta+Z");
  await page.waitForFunction(() => !(window as any).__playground.snapshot().sources["router.ts"].startsWith("?"));

  // On a button, `?` opens the sheet; it lists the table's shortcuts with their keys.
  await page.getByTestId("run").focus();
  await page.keyboard.press("Shift+?");
  await sheet.waitFor();
  assert.equal(await sheet.getAttribute("aria-modal"), "true");
  const text = await sheet.innerText();
  for (const line of [/Ctrl\s*\+\s*Enter\s+Run the scenario again/, /Ctrl\s*\+\s*Shift\s*\+\s*S\s+Copy a share link/, /Ctrl\s*\+\s*1…9\s+Switch to editor tab/, /\?\s+Show these shortcuts/, /Ctrl\s*\+\s*Space\s+Complete/, /Esc\s+Close/]) {
    assert.match(text, line);
  }
  await docShot(page, "shortcuts.png");
  await page.keyboard.press("Escape");
  await sheet.waitFor({ state: "detached" });
  assert.equal(await activeTestId(), "run", "focus back on Run");

  // A click outside the sheet closes it too.
  await page.keyboard.press("Shift+?");
  await sheet.waitFor();
  await page.mouse.click(5, 890);
  await sheet.waitFor({ state: "detached" });
  assert.equal(await activeTestId(), "run");

  // From the Settings menu; focus returns to ⚙.
  await page.getByTestId("settings-button").click();
  await page.getByTestId("open-shortcuts").click();
  await sheet.waitFor();
  await page.keyboard.press("Escape");
  await sheet.waitFor({ state: "detached" });
  assert.equal(await activeTestId(), "settings-button");

  // The table's run shortcut is the one the app answers: Ctrl+Enter starts a run.
  const runs = (await snapshot(page)).runsStarted;
  await page.keyboard.press("ControlOrMeta+Enter");
  await page.waitForFunction((n) => (window as any).__playground.snapshot().runsStarted > n, runs);
  await settled(page);
  assert.deepEqual(t.consoleErrors, []);
});

test("Reset to the example's original: asks first, restores every file; the edited text stays in Recent drafts", async () => {
  const original = (await snapshot(page)).sources;
  const reset = page.getByTestId("reset-example");
  assert.equal(await reset.isDisabled(), true, "nothing to reset yet");
  // Edit both files by typing.
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("// my change\n");
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n# my note\n");
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["scenario.yaml"].includes("# my note"));
  const edited = (await snapshot(page)).sources;
  assert.ok(edited["router.ts"]!.startsWith("// my change"));

  // Asks first; Esc cancels and changes nothing.
  await reset.click();
  const confirm = page.getByTestId("reset-confirm");
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /router\.ts, scenario\.yaml go back to buddy-list-router/);
  assert.match(await confirm.innerText(), /Recent drafts/);
  await docShot(page, "reset.png");
  await page.keyboard.press("Escape");
  await confirm.waitFor({ state: "detached" });
  assert.deepEqual((await snapshot(page)).sources, edited);

  // Confirmed (Enter on the focused Reset): every file as shipped, the tab stays.
  await reset.click();
  await page.getByTestId("confirm-reset").waitFor();
  assert.equal(await activeTestId(), "confirm-reset");
  await page.keyboard.press("Enter");
  await page.waitForFunction((o) => JSON.stringify((window as any).__playground.snapshot().sources) === o, JSON.stringify(original));
  assert.equal(await page.getByRole("tab", { name: "scenario.yaml", exact: true }).getAttribute("aria-selected"), "true");
  assert.equal(await reset.isDisabled(), true);
  await settled(page, 60000);

  // The replaced text is in Recent drafts: opening that draft brings it back.
  await page.getByTestId("recent-drafts").click();
  const menu = page.getByTestId("recent-drafts-menu");
  await menu.waitFor();
  const others = menu.locator('[role="menuitem"][data-current="false"]');
  let found = false;
  for (let i = 0; i < (await others.count()) && !found; i++) {
    await others.nth(i).click();
    found = await page
      .waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].startsWith("// my change"), null, { timeout: 3000 })
      .then(() => true, () => false);
    if (!found) {
      await page.getByTestId("recent-drafts").click();
      await menu.waitFor();
    }
  }
  assert.ok(found, "a Recent draft holds the edited version");
  assert.equal((await snapshot(page)).sources["scenario.yaml"], edited["scenario.yaml"]);
  await settled(page, 60000);
  assert.deepEqual(t.consoleErrors, []);
});

test("filters that hide everything say so with Clear filters; opening an example resets them", async () => {
  // Events tab: a user filter that matches nothing.
  await page.getByRole("tab", { name: /^Events/ }).click();
  const userFilter = page.getByLabel("user filter");
  await userFilter.click();
  await page.keyboard.type("@nobody");
  const hint = page.getByTestId("events-filter-hint");
  await hint.waitFor();
  assert.match(await hint.innerText(), /No event matches these filters/);
  // The graph: a search that matches no user hides every delivery.
  const search = page.getByLabel("Search user");
  await search.click();
  await page.keyboard.type("@nobody");
  const graphHint = page.getByTestId("graph-filter-hint");
  await graphHint.waitFor();
  assert.match(await graphHint.innerText(), /The filters hide all \d+ deliveries so far/);
  await docShot(page, "filter-hint.png");

  await hint.getByRole("button", { name: "Clear filters" }).click();
  await hint.waitFor({ state: "detached" });
  assert.equal(await userFilter.inputValue(), "");
  await graphHint.getByRole("button", { name: "Clear filters" }).click();
  await graphHint.waitFor({ state: "detached" });
  assert.equal(await search.inputValue(), "");
  assert.ok(Number(await page.getByTestId("delivery-graph").getAttribute("data-edges")) > 0);

  // Filters set, then another example opened: they are gone.
  await userFilter.click();
  await page.keyboard.type("@nobody");
  await search.click();
  await page.keyboard.type("@nobody");
  await page.getByTestId("examples-button").click();
  await page.locator('[data-testid="example-card"][data-name="two-server-federation"] button').first().click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "two-server-federation");
  await settled(page, 60000);
  assert.equal(await userFilter.inputValue(), "");
  assert.equal(await search.inputValue(), "");
  assert.equal(await page.getByTestId("events-filter-hint").count(), 0);
  assert.equal(await page.getByTestId("graph-filter-hint").count(), 0);
  assert.deepEqual(t.consoleErrors, []);
});

test("a callback budget of 0 (or -5, or text) is refused at the field; the previous budget stays", async () => {
  await page.getByTestId("settings-button").click();
  const field = page.getByTestId("budget");
  const before = await field.inputValue();
  assert.equal(before, "1000");
  for (const [typed, why] of [["0", /0 ms is too short/], ["-5", /-5 ms is too short/], ["abc", /"abc" is not a number/]] as const) {
    await field.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(typed);
    const err = page.getByTestId("budget-error");
    await err.waitFor();
    assert.match(await err.innerText(), why);
    assert.match(await err.innerText(), /The budget stays 1000 ms/);
    assert.equal(await field.getAttribute("aria-invalid"), "true");
  }
  await docShot(page, "budget-error.png");
  // Leaving the field shows the budget in force again.
  await page.keyboard.press("Tab");
  assert.equal(await field.inputValue(), "1000");
  // A valid budget clears the message.
  await field.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("2000");
  await page.getByTestId("budget-error").waitFor({ state: "detached" });
  assert.equal(await field.getAttribute("aria-invalid"), "false");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("1000");
  await page.keyboard.press("Escape");
  await settled(page, 60000);
});

test("a misspelt step action is one scenario error at its line; the graph shows it is the last good run", async () => {
  const sc = (await snapshot(page)).sources["scenario.yaml"]!;
  assert.match(sc, /\n {4}presence: \{/);
  const bad = sc.replace(/\n {4}presence: \{/, "\n    presense: {");
  await replaceText(page, "scenario.yaml", bad);
  await page.locator('[data-testid="status"][data-run-status="failed"]').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId("status").innerText(), /scenario\.yaml has errors/);
  assert.doesNotMatch(await page.getByTestId("status").innerText(), /run failed/);
  // One problem, at the key, with the action it meant.
  await page.getByRole("tab", { name: /^Problems/ }).click();
  const problems = page.getByTestId("problems").locator("li");
  assert.equal(await problems.count(), 1);
  assert.match(await problems.first().innerText(), /unknown key "presense" in a step; did you mean presence\?/);
  // The editor underlines it once: the schema's marker, no "needs one action", no "Missing property".
  await page.waitForFunction(() => (window as any).__playground.markers("scenario.yaml").some((m: any) => m.message.includes('"presense"')), null, { timeout: 20000 });
  await page.waitForTimeout(500); // both sources have answered for this text
  const ms = await markers(page, "scenario.yaml");
  assert.deepEqual(ms.map((m) => m.message), ['unknown key "presense"; did you mean presence?']);
  // The graph: dimmed, labelled as the last good run, with the reason.
  const graph = page.getByTestId("delivery-graph");
  assert.equal(await graph.getAttribute("data-stale"), "true");
  assert.match(await page.getByTestId("graph-stale").innerText(), /Last good run · scenario\.yaml has errors/);
  await docShot(page, "stale-graph.png");
  // Fixed: the label goes.
  await replaceText(page, "scenario.yaml", sc);
  await page.getByTestId("graph-stale").waitFor({ state: "detached", timeout: 30000 });
  await settled(page, 60000);
  assert.deepEqual(t.consoleErrors, []);
});

test("a thrown Error reads 'Error: boom' once, in Router calls and Events", async () => {
  const code = (await snapshot(page)).sources["router.ts"]!;
  // A legacy method or a modern callback, whichever the open example has.
  const anchor = /(get_users_for_states(?::\s*async)?\s*\([^)]*\)[^{]*\{)/;
  assert.match(code, anchor);
  await replaceText(page, "router.ts", code.replace(anchor, '$1\n    throw new Error("boom");'));
  await page.waitForFunction(() => (window as any).__playground.snapshot().errors >= 0 && (window as any).__playground.snapshot().settled, null, { timeout: 60000 });
  await page.getByRole("tab", { name: /^Router calls/ }).click();
  await page.locator('[data-testid="router-calls"] button.text-red-600').first().click();
  const detail = await page.getByTestId("router-call-detail").innerText();
  assert.match(detail, /Error: boom/);
  const body = await page.locator("body").innerText();
  assert.doesNotMatch(body, /Error: Error:/);
  await page.getByRole("tab", { name: /^Events/ }).click();
  const events = await page.getByTestId("events-list").innerText();
  assert.match(events, /router\.ts get_users_for_states raised Error: boom/);
  assert.doesNotMatch(events, /router\.ts: router\.ts/);
  await replaceText(page, "router.ts", code);
  await settled(page, 60000);
});

test("a lesson solved now says 'solved'; after a reload it says 'done before'", async () => {
  const p = await s.newPage();
  await p.page.goto(s.baseUrl);
  await settled(p.page, 90000);
  await p.page.getByTestId("learn-button").click();
  const panel = p.page.getByTestId("learn-panel");
  await panel.locator('[data-testid="course-lesson"][data-id="01-shared-rooms"]').click();
  await p.page.waitForFunction(() => (window as any).__playground.snapshot().example === "lesson:01-shared-rooms");
  assert.equal(await panel.getByTestId("lesson-badge").count(), 0);
  await panel.getByTestId("show-solution").click();
  await panel.getByTestId("confirm-solution").click();
  await panel.getByTestId("lesson-complete").waitFor({ timeout: 60000 });
  assert.equal((await panel.getByTestId("lesson-badge").innerText()).trim(), "✓ solved");
  await docShot(p.page, "lesson-solved.png");
  await p.page.reload();
  await settled(p.page, 90000);
  await p.page.getByTestId("learn-panel").getByTestId("lesson-badge").waitFor();
  assert.equal((await p.page.getByTestId("learn-panel").getByTestId("lesson-badge").innerText()).trim(), "✓ done before");
  assert.deepEqual(p.consoleErrors, []);
});
