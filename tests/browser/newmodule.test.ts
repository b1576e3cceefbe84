// The new-module menu (issue 13 item 3), in Chromium against the production build: "+"
// after the editor tabs offers TypeScript and Python skeletons in both styles; a bad
// file name is explained before it is used; the new file opens in its own tab,
// compiles without a problem, and can be deleted again from the same menu.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { editorReady, openPlayground, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;
before(async () => {
  t = await openPlayground(s);
  await editorReady(t.page);
});

test("+ makes a TypeScript router from a skeleton; a wrong name is explained first", async () => {
  const page = t.page;
  await page.getByTestId("new-module").click();
  const menu = page.getByRole("menu", { name: "New module file" });
  assert.deepEqual(await menu.getByRole("menuitem").allInnerTexts().then((xs) => xs.slice(0, 4)), [
    "TypeScript router, modern (modules:)",
    "TypeScript router, legacy (presence_router)",
    "Python router, modern (modules:)",
    "Python router, legacy (presence_router)",
  ]);
  await menu.getByRole("menuitem", { name: "TypeScript router, modern (modules:)" }).click();
  const name = page.getByRole("textbox", { name: /file name/ });
  await name.waitFor();
  // The suggested name is free; typing replaces it (it is selected).
  await page.keyboard.type("team.py");
  await page.getByRole("alert").filter({ hasText: "must end in .ts" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Create" }).isDisabled(), true);
  await page.screenshot({ path: "reports/new-module-name.png" }).catch(() => {});
  await page.keyboard.press("Control+A");
  await page.keyboard.type("team.ts");
  await page.keyboard.press("Enter");

  await page.getByRole("tab", { name: "team.ts", exact: true }).waitFor();
  assert.equal(await page.getByRole("tab", { name: "team.ts", exact: true }).getAttribute("aria-selected"), "true");
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["team.ts"]?.includes("export default class TeamRouter"), null, { timeout: 30000 });
  // The editor shows the new file, and it compiles cleanly alongside the example.
  await page.locator(".monaco-editor .view-lines").filter({ hasText: "class TeamRouter" }).waitFor({ timeout: 30000 });
  const snap = await settled(page, 90000);
  assert.equal(snap.errors, 0);
  await page.screenshot({ path: "reports/new-module.png" }).catch(() => {});
});

test("the same menu deletes the module shown, after a confirmation", async () => {
  const page = t.page;
  await page.getByTestId("new-module").click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("menuitem", { name: "Delete team.ts…" }).click();
  await page.waitForFunction(() => !("team.ts" in (window as any).__playground.snapshot().sources), null, { timeout: 30000 });
  assert.equal(await page.getByRole("tab", { name: "team.ts", exact: true }).count(), 0);
  assert.ok(Object.keys((await snapshot(page)).sources).length >= 2, "the example's own files stay");
  assert.deepEqual(t.consoleErrors, []);
});
