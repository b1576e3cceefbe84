// The editor helps with Python modules (issue 13), typed with the keyboard in Chromium
// against the production build: `self._module_api.` + Ctrl+Space lists the ModuleApi
// members with their signatures and docs, and hovering PresenceRouter shows its doc.
// Completion works from the text alone: it does not wait for Pyodide or the run.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage, docShot } from "./harness.ts";
import { cursorTo, editorReady, lineOf, openPlayground, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
});

test("self._module_api. + Ctrl+Space in a .py file lists the ModuleApi members with signature and doc", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator('[data-testid="example-card"][data-name="example-presence-router-py"]').getByRole("button", { name: /Open example/ }).click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "example-presence-router-py", null, { timeout: 30000 });
  await page.getByRole("tab", { name: "my_router.py", exact: true }).click();
  await editorReady(page);
  const source = (await snapshot(page)).sources["my_router.py"]!;
  await page.locator(".view-lines").click();
  await cursorTo(page, lineOf(source, "self._module_api = module_api"), "end");
  await page.keyboard.press("Enter");
  await page.keyboard.type("self._module_api.");
  await page.keyboard.press("Escape"); // the list may open on "." by itself: close it, then ask
  await page.keyboard.press("Control+Space");
  const rows = page.locator(".suggest-widget .monaco-list-row");
  await rows.filter({ hasText: "send_local_online_presence_to" }).first().waitFor({ timeout: 15000 });
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent ?? ""));
  assert.ok(labels[0]!.includes("server_name"), `the table's order, ours first:\n${labels.join("\n")}`);
  assert.ok(labels.some((l) => l.includes("register_presence_router_callbacks")), labels.join("\n"));
  // Down to send_local_online_presence_to and open its details: signature and doc.
  const index = labels.findIndex((l) => l.includes("send_local_online_presence_to"));
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Control+Space"); // toggles the details pane
  const details = page.locator(".suggest-details", { hasText: "R67" });
  await details.first().waitFor({ timeout: 15000 });
  assert.match(await details.first().innerText(), /async send_local_online_presence_to\(users\) -> None/);
  const box = (await page.locator(".suggest-widget").boundingBox())!;
  const dbox = (await details.first().boundingBox())!;
  const ed = (await page.locator(".monaco-editor").first().boundingBox())!;
  const y = Math.max(0, box.y - 80);
  const right = Math.max(box.x + box.width, dbox.x + dbox.width) + 10;
  await docShot(page, "python-completion.png", { x: ed.x, y, width: right - ed.x, height: Math.max(box.y + box.height, dbox.y + dbox.height) - y + 10 });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["my_router.py"].includes("self._module_api.send_local_online_presence_to\n"), null, { timeout: 10000 });
});

test("hovering PresenceRouter in a .py file shows its doc and module", async () => {
  const page = t.page;
  await page.keyboard.press("Escape");
  await page.mouse.move(0, 0);
  // The word's own box: Monaco's spans may hold more than one token.
  const at = await page.evaluate((word) => {
    for (const span of document.querySelectorAll(".view-lines span span")) {
      const node = span.firstChild;
      const i = node?.textContent?.search(new RegExp(`\\b${word}\\b`)) ?? -1;
      if (!node || i < 0) continue;
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + word.length);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  }, "PresenceRouter");
  assert.ok(at, "PresenceRouter is on screen");
  await page.mouse.move(at.x, at.y);
  const hover = page.locator(".monaco-hover", { hasText: "ALL_USERS constant" });
  await hover.first().waitFor({ timeout: 15000 });
  const text = await hover.first().innerText();
  assert.match(text, /class PresenceRouter {2}# synapse\.events\.presence_router/);
});
