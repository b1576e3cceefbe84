// Recent drafts as a user meets them, in Chromium against the production build: edit the
// example by typing, open another example (twice: still one entry), see the edited draft
// marked "modified", rename it, delete it, undo, delete again. Also makes the README's
// screenshot docs/recent-drafts.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSession, docShot } from "./harness.ts";
import { openPlayground, settled } from "./playground.ts";
import type { Page } from "playwright-core";

const s = useSession();

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog");
  await dialog.locator(`[data-testid="example-card"][data-name="${name}"]`).getByRole("button", { name: /Open example/ }).click();
  await page.waitForFunction((n) => (window as any).__playground.snapshot().example === n, name, { timeout: 30000 });
}

function rows(page: Page) {
  return page.getByTestId("recent-drafts-menu").locator("[data-draft-row]");
}

async function openMenu(page: Page): Promise<void> {
  if (await page.getByTestId("recent-drafts-menu").isVisible()) return;
  await page.getByTestId("recent-drafts").click();
  await page.getByTestId("recent-drafts-menu").waitFor();
}

test("edit, see the draft marked modified, rename it, delete it (undo, then for good)", async () => {
  const t = await openPlayground(s);
  const page = t.page;
  const start = (await settled(page)).example;
  // Type at the end of the module, as a user does.
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n// tried something");
  await page.waitForFunction(() => Object.values((window as any).__playground.snapshot().sources).some((t) => String(t).includes("// tried something")));

  const other = "timeouts-and-devices";
  await openExample(page, other);
  await openExample(page, start); // back to the edited draft? no: the example's original, a new entry
  await openExample(page, other); // the same example again: no new entry
  await settled(page, 90000);

  await openMenu(page);
  const names = async () => rows(page).getByTestId("draft-name").allInnerTexts();
  assert.deepEqual(await names(), [other, start, start], "newest first, one entry per content");
  const modified = async () => Promise.all((await rows(page).all()).map(async (r) => (await r.getByTestId("draft-modified").count()) === 1));
  // The current example untouched, its original, the edited one (modified).
  assert.deepEqual(await modified(), [false, false, true]);
  assert.equal(await rows(page).first().getByRole("menuitem").getAttribute("data-current"), "true");

  // Rename the edited draft.
  const edited = rows(page).nth(2);
  await edited.getByTestId("draft-rename").click();
  const input = page.getByTestId("draft-name-input");
  await input.press("ControlOrMeta+A");
  await input.pressSequentially("my experiment");
  await input.press("Enter");
  assert.deepEqual(await names(), [other, start, "my experiment"]);
  await docShot(page, "recent-drafts.png", { x: 0, y: 0, width: 1280, height: 420 });

  // This tab's draft cannot be deleted; another can, with undo.
  assert.equal(await rows(page).first().getByTestId("draft-delete").isDisabled(), true);
  await page.getByRole("button", { name: "Delete my experiment" }).click();
  assert.deepEqual(await names(), [other, start]);
  assert.match(await page.getByTestId("draft-deleted").innerText(), /Deleted “my experiment”/);
  await page.getByTestId("draft-undo").click();
  assert.deepEqual(await names(), [other, start, "my experiment"]);
  await page.getByRole("button", { name: "Delete my experiment" }).click();
  assert.deepEqual(await names(), [other, start]);

  // Gone for good: a reload lists the same two.
  await page.reload();
  await settled(page, 90000);
  await openMenu(page);
  assert.deepEqual(await names(), [other, start]);
  assert.deepEqual(t.consoleErrors, []);
});
