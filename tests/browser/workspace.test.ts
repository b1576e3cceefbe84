// The workspace orients a newcomer and never jumps, in Chromium against the production
// build: the first-visit card shows once; the header keeps its height when a run fails;
// on a 390×844 phone a lesson can be read and its checks seen. The pages also make the
// README's screenshots (docs/first-screen.png, docs/phone.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSession, docShot } from "./harness.ts";
import { editorReady, replaceText, settled, openPlayground, allowClipboard } from "./playground.ts";

const s = useSession();

test("the first-visit card appears on the first visit only, and Start lesson 1 opens the lesson", async () => {
  const t = await s.newPage({ firstVisit: true });
  await t.page.goto(s.baseUrl);
  const card = t.page.getByTestId("first-visit");
  await card.waitFor({ timeout: 30000 });
  assert.match(await card.innerText(), /presence-router module/);
  await settled(t.page, 90000);
  await editorReady(t.page);
  await docShot(t.page, "first-screen.png");
  await card.getByTestId("first-visit-lesson").click();
  await t.page.waitForFunction(() => (window as any).__playground.snapshot().example === "lesson:01-shared-rooms", null, { timeout: 30000 });
  await t.page.getByTestId("learn-panel").waitFor();
  assert.equal(await card.count(), 0, "closed");
  await t.page.reload();
  await settled(t.page, 90000);
  assert.equal(await t.page.getByTestId("first-visit").count(), 0, "not shown again after a reload");
  assert.deepEqual(t.consoleErrors, []);
});

test("Escape closes the first-visit card, but an Escape that closes the examples gallery over it does not", async () => {
  const t = await s.newPage({ firstVisit: true });
  await t.page.goto(s.baseUrl);
  const card = t.page.getByTestId("first-visit");
  await card.waitFor({ timeout: 30000 });
  await settled(t.page, 90000);
  await t.page.getByTestId("examples-button").click();
  const gallery = t.page.getByTestId("gallery");
  await gallery.waitFor();
  await t.page.keyboard.press("Escape");
  await gallery.waitFor({ state: "detached" });
  assert.equal(await card.count(), 1, "the card stays while the gallery takes the key");
  await t.page.keyboard.press("Escape");
  await card.waitFor({ state: "detached", timeout: 5000 });
  assert.deepEqual(t.consoleErrors, []);
});

test("the header keeps its height and the editor does not move when a run fails", async () => {
  const t = await openPlayground(s);
  const page = t.page;
  const box = async () => {
    const h = (await page.getByTestId("header").boundingBox())!;
    const ed = (await page.locator(".monaco-editor").first().boundingBox())!;
    return { headerHeight: h.height, editorTop: ed.y };
  };
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  const before = await box();
  const scenario = (await page.evaluate(() => (window as any).__playground.snapshot().sources["scenario.yaml"])) as string;
  await replaceText(page, "scenario.yaml", scenario);
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("durashun: 1m\n"); // a typo at the top level: the run cannot start
  await page.locator('[data-testid="status"][data-run-status="failed"]').waitFor({ timeout: 30000 });
  await page.getByTestId("stale-badge").waitFor();
  assert.match(await page.getByTestId("status").innerText(), /scenario\.yaml has errors/);
  assert.deepEqual(await box(), before);
  assert.deepEqual(t.consoleErrors, []);
});

test("on a 390×844 phone, lesson 1 can be read and its checks seen; the graph fits the screen", async () => {
  const t = await s.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await allowClipboard(t.context, s.baseUrl);
  const page = t.page;
  await page.goto(s.baseUrl);
  await settled(page, 90000);
  await page.getByTestId("learn-button").click();
  await page.locator('[data-testid="course-lesson"][data-id="01-shared-rooms"]').click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "lesson:01-shared-rooms", null, { timeout: 30000 });
  await settled(page);
  const inView = async (testId: string) => {
    const b = (await page.getByTestId(testId).first().boundingBox())!;
    return b.x >= 0 && b.x + b.width <= 390 && b.y >= 0 && b.y + b.height <= 844 && b.height > 0;
  };
  assert.ok(await inView("lesson-title"), "the lesson's title is on screen");
  assert.ok(await inView("checks"), "its checks are on screen without scrolling");
  await page.getByTestId("checks").locator('[data-testid="checks-summary"]').waitFor();
  const bodyText = await page.getByTestId("lesson-body").innerText();
  assert.ok(bodyText.length > 200, "the instructions are there to read");
  const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(docWidth <= 390, `no sideways scrolling (page is ${docWidth} px wide)`);
  await docShot(page, "phone.png");
  assert.deepEqual(t.consoleErrors, []);
});
