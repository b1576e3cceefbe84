// Share and teach, in Chromium against the production build: the examples gallery opens
// an example (its deliveries in the graph), a lesson's starter fails a check and its
// solution turns every check green ("Lesson complete"), progress survives a reload, and
// an expectation's jump moves the timeline to the deciding event. No console errors.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { allowClipboard, editorReady, replaceText, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

const LESSON = "02-first-router";

before(async () => {
  t = await s.newPage();
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await t.page.getByRole("heading", { name: "Presence Router Playground" }).waitFor();
  await settled(t.page, 90000); // cold start: esbuild-wasm and the sandbox load
});

async function settledOn(example: string) {
  await t.page.waitForFunction(
    (ex) => {
      const snap = (window as any).__playground.snapshot();
      return snap.example === ex && snap.settled && snap.runStatus === "ok";
    },
    example,
    { timeout: 60000 },
  );
  return snapshot(t.page);
}

test("the gallery lists every example and opens one: its files load and the graph shows its deliveries", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.waitFor();
  const cards = dialog.getByTestId("example-card");
  // The examples load as the gallery opens ("Loading the examples…" until then).
  await cards.nth(9).waitFor({ timeout: 30000 });
  assert.ok((await cards.count()) >= 10, "one card per examples/* folder");
  // Every card's text wraps inside its card (the dialog opens from the one-line header,
  // whose white-space: nowrap it must not inherit): no line sticks out over a neighbour.
  const overflowing = await dialog.evaluate((d) =>
    [...d.querySelectorAll('[data-testid="example-card"]')].flatMap((c) => {
      const box = c.getBoundingClientRect();
      return [...c.querySelectorAll("h3, p, li")]
        .filter((el) => el.getBoundingClientRect().right > box.right + 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${c.getAttribute("data-name")}: ${el.tagName} "${el.textContent?.slice(0, 40)}"`);
    }),
  );
  assert.deepEqual(overflowing, []);
  const card = dialog.locator('[data-testid="example-card"][data-name="two-server-federation"]');
  assert.match(await card.innerText(), /Two servers, one shared room/);
  assert.match(await card.innerText(), /R33/, "the card names the rules it shows");
  await card.getByRole("button", { name: "Open example two-server-federation" }).click();
  await dialog.waitFor({ state: "detached" });
  const snap = await settledOn("two-server-federation");
  assert.ok(snap.sources["router.ts"]?.length, "the example's router.ts is in the editor");
  assert.match(snap.sources["scenario.yaml"]!, /matrix\.org/);
  assert.ok(snap.deliveries.some((d) => d.transport === "federation"), "federation deliveries");
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="graph"]')?.getAttribute("data-deliveries")) === n,
    snap.deliveries.length,
    { timeout: 10000 },
  );
  // Escape closes the gallery without loading anything.
  await page.getByTestId("examples-button").click();
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal((await snapshot(page)).example, "two-server-federation");
});

test("a lesson's starter fails a check; Show solution turns every check green and completes it", async () => {
  const page = t.page;
  await page.getByTestId("learn-button").click();
  const panel = page.getByTestId("learn-panel");
  await panel.waitFor();
  await panel.locator(`[data-testid="course-lesson"][data-id="${LESSON}"]`).click();
  await settledOn(`lesson:${LESSON}`);
  const checks = panel.getByTestId("checks");
  await page.waitForFunction(() => document.querySelector('[data-testid="checks"]')?.getAttribute("data-state") === "failing", null, { timeout: 30000 });
  assert.ok((await checks.locator('[data-testid="expectation"][data-ok="false"]').count()) >= 1, "the starter fails at least one check");
  assert.match(await checks.locator('[data-testid="expectation"][data-ok="false"]').first().innerText(), /\S/);
  assert.equal(await panel.getByTestId("lesson-complete").count(), 0);
  assert.match(await panel.getByTestId("lesson-title").innerText(), /\S/);

  // Hints come one at a time.
  const hintCount = await panel.getByTestId("hint").count();
  assert.equal(hintCount, 0);
  await panel.getByTestId("reveal-hint").click();
  assert.equal(await panel.getByTestId("hint").count(), 1);

  // The learner types something; Show solution asks first, then keeps it recoverable.
  const mine = (await snapshot(page)).sources["router.ts"]!;
  await panel.getByTestId("show-solution").click();
  await panel.getByTestId("confirm-solution").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="checks"]')?.getAttribute("data-state") === "complete", null, { timeout: 60000 });
  await panel.getByTestId("lesson-complete").waitFor();
  // Solved now: the badge says so, not "done before" (that is for an earlier visit).
  assert.equal((await panel.getByTestId("lesson-badge").innerText()).trim(), "✓ solved");
  const n = await checks.locator('[data-testid="expectation"]').count();
  assert.ok(n >= 2);
  assert.equal(await checks.locator('[data-testid="expectation"][data-ok="true"]').count(), n, "every check is green");
  assert.equal(await panel.locator(`[data-testid="course-lesson"][data-id="${LESSON}"]`).getAttribute("data-passed"), "true");
  assert.notEqual((await snapshot(page)).sources["router.ts"], mine);

  // The inspector's Expectations tab agrees.
  await page.getByRole("tab", { name: /Expectations/ }).click();
  assert.equal(await page.locator('[data-testid="expectations"] [data-testid="expectation"][data-ok="true"]').count(), n);

  // Restore my code brings the starter back, and the checks fail again.
  await panel.getByTestId("restore-code").click();
  await page.waitForFunction((code) => (window as any).__playground.snapshot().sources["router.ts"] === code, mine);
  await page.waitForFunction(() => document.querySelector('[data-testid="checks"]')?.getAttribute("data-state") === "failing", null, { timeout: 60000 });
});

test("an expectation's jump moves the timeline to the deciding event; its path opens scenario.yaml", async () => {
  const page = t.page;
  const jumps = page.locator('[data-testid="expectations"] [data-testid="expectation-jump"]');
  await jumps.first().waitFor();
  // Move the timeline away first, then jump.
  const end = Number(await page.getByTestId("timeline").first().getAttribute("data-time"));
  let target = -1;
  for (let i = 0; i < (await jumps.count()); i++) {
    const at = Number(await jumps.nth(i).getAttribute("data-at"));
    if (at !== end) {
      target = i;
      break;
    }
  }
  assert.ok(target >= 0, "an expectation decided before the end of the run");
  const at = Number(await jumps.nth(target).getAttribute("data-at"));
  await jumps.nth(target).click();
  await page.waitForFunction((a) => (window as any).__playground.snapshot().time === a, at, { timeout: 5000 });
  assert.equal(Number(await page.getByTestId("timeline").first().getAttribute("data-time")), at);
  assert.equal(await jumps.nth(target).locator("xpath=..").getAttribute("data-selected"), "true");

  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator('[data-testid="expectations"] [data-testid="expectation-path"]').first().click();
  assert.equal(await page.getByRole("tab", { name: "scenario.yaml", exact: true }).getAttribute("aria-selected"), "true");
});

test("progress and the learner's code survive a reload", async () => {
  const page = t.page;
  await editorReady(page);
  const mine = (await snapshot(page)).sources["router.ts"]! + "// my own note\n";
  await replaceText(page, "router.ts", mine);
  await page.waitForFunction(
    ([key, id, code]) => JSON.parse(localStorage.getItem(key!) ?? "{}")[id!]?.code === code,
    ["presence-router-playground:lessons:v1", LESSON, mine] as const,
    { timeout: 5000 },
  );
  await page.reload();
  await page.getByRole("heading", { name: "Presence Router Playground" }).waitFor();
  const panel = page.getByTestId("learn-panel");
  await panel.waitFor(); // Learn mode stays open
  await panel.locator(`[data-testid="course-lesson"][data-id="${LESSON}"][data-passed="true"]`).waitFor({ timeout: 10000 });
  assert.equal(await panel.getByTestId("course-done").innerText(), "1");
  // Starting the lesson again brings back the learner's code, not the starter or solution.
  await panel.locator('[data-testid="course-lesson"]').first().click();
  await settledOn(`lesson:01-shared-rooms`);
  await panel.locator(`[data-testid="course-lesson"][data-id="${LESSON}"]`).click();
  const snap = await settledOn(`lesson:${LESSON}`);
  assert.equal(snap.sources["router.ts"], mine);
});

test("no console errors, no off-site requests", () => {
  assert.deepEqual(t.consoleErrors, []);
  assert.deepEqual(t.offsiteRequests, []);
});
