// What the first screen teaches, in Chromium against the production build: rule ids are
// links to the in-app glossary (searchable), the open example's description is shown
// under the header, and simulated times read +mm:ss.mmm everywhere with the absolute time
// on hover (router-call JSON annotates its timestamps). Also makes docs/glossary.png.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage, docShot } from "./harness.ts";
import { openPlayground, settled } from "./playground.ts";

const s = useSession();
let t: TestPage;
before(async () => {
  t = await openPlayground(s);
});

const OFFSET = /^\+\d{2}:\d{2}\.\d{3}$/;
const ABSOLUTE = /^2026-01-01 \d{2}:\d{2}:\d{2}\.\d{3} UTC$/;

test("the open example's description is under the header, and expands to its README", async () => {
  const page = t.page;
  const about = page.getByTestId("example-about");
  assert.equal(await about.getAttribute("data-example"), "buddy-list-router");
  assert.match(await about.innerText(), /About this example: Start here: buddies who see each other's presence/);
  assert.match(await page.getByTestId("example-about-summary").innerText(), /modern-style presence router \(`?modules:`?, R56\)/);
  await page.getByTestId("example-about-toggle").click();
  const body = page.getByTestId("example-about-body");
  assert.match(await body.innerText(), /Router only/);
  assert.equal(await page.getByTestId("example-about-toggle").getAttribute("aria-expanded"), "true");
  await page.screenshot({ path: "/tmp/teach-about.png" });
  // The README's rule ids are links too.
  assert.ok((await body.locator('[data-testid="rule-link"][data-rule="R64"]').count()) >= 1);
  await page.getByTestId("example-about-toggle").click();
  assert.equal(await body.count(), 0, "collapsed again");
});

test("a rule id is a link: hover shows the rule, a click opens its glossary entry; the glossary is searchable", async () => {
  const page = t.page;
  const link = page.getByTestId("example-about-summary").locator('[data-testid="rule-link"][data-rule="R56"]');
  // The hover line comes with the glossary's entries, loaded after the first live run (src/ui/lazy.ts).
  await page.waitForFunction((el) => el?.getAttribute("title")?.startsWith("R56 ") ?? false, await link.elementHandle(), { timeout: 30_000 });
  assert.match((await link.getAttribute("title"))!, /^R56 Modern registration: .*register_presence_router_callbacks/);
  await link.click();
  const dialog = page.getByTestId("glossary");
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute("data-rule"), "R56");
  assert.match(await page.getByTestId("glossary-entry").innerText(), /R56 Modern registration[\s\S]*8\. Presence router modules[\s\S]*Class\(config, api\)/);
  // Every rule and surprise is listed.
  assert.equal(await page.getByTestId("glossary-list").locator("button").count(), 98);
  // The search box has the focus: type as a user does.
  await page.keyboard.type("should_notify");
  const hits = await page.getByTestId("glossary-list").locator("button").evaluateAll((bs) => bs.map((b) => b.getAttribute("data-rule")));
  assert.ok(hits.includes("R24"), `R24 among ${hits.join(" ")}`);
  assert.ok(!hits.includes("R57"));
  await page.getByTestId("glossary-list").locator('button[data-rule="R24"]').click();
  assert.equal(await dialog.getAttribute("data-rule"), "R24");
  assert.match(await page.getByTestId("glossary-entry").innerText(), /R24 should_notify/);
  // "See also" links move between entries.
  await page.getByTestId("glossary-entry").locator('[data-testid="rule-link"][data-rule="R23"]').click();
  assert.equal(await dialog.getAttribute("data-rule"), "R23");
  await page.getByRole("searchbox", { name: "Search the rules" }).fill("");
  await page.getByRole("searchbox", { name: "Search the rules" }).fill("s8");
  await page.keyboard.press("Enter");
  assert.equal(await dialog.getAttribute("data-rule"), "S8");
  await page.getByRole("searchbox", { name: "Search the rules" }).fill("");
  await docShot(page, "glossary.png");
  await page.keyboard.press("Escape");
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(t.consoleErrors, []);
});

test("rule ids in an example's gallery card, a finding and a problem open the glossary", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const card = page.locator('[data-testid="example-card"][data-name="buggy-disagreeing-router"]');
  const chip = card.locator('[data-testid="rule-link"]').first();
  const id = (await chip.getAttribute("data-rule"))!;
  await chip.click();
  assert.equal(await page.getByTestId("glossary").getAttribute("data-rule"), id);
  await page.keyboard.press("Escape");
  assert.equal(await page.getByTestId("glossary").count(), 0);
  assert.equal(await page.getByTestId("gallery").count(), 1, "Escape closed the glossary only");
  await card.getByRole("button", { name: "Open example buggy-disagreeing-router" }).click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "buggy-disagreeing-router", null, { timeout: 30000 });
  await settled(page, 60000);
  assert.equal(await page.getByTestId("example-about").getAttribute("data-example"), "buggy-disagreeing-router");
  await page.getByRole("tab", { name: "Consistency" }).click();
  const findingLink = page.locator('[data-testid="consistency-panel"] [data-testid="rule-link"]').first();
  await findingLink.waitFor({ timeout: 30000 });
  const fid = (await findingLink.getAttribute("data-rule"))!;
  await findingLink.click();
  assert.equal(await page.getByTestId("glossary").getAttribute("data-rule"), fid);
  await page.keyboard.press("Escape");
  assert.deepEqual(t.consoleErrors, []);
});

test("times read +mm:ss.mmm with the absolute time on hover; router-call JSON shows timestamps' offsets", async () => {
  const page = t.page;
  await page.getByRole("button", { name: "Next event" }).click();
  const clock = page.getByTestId("timeline-clock");
  assert.match(await clock.innerText(), OFFSET);
  assert.match((await clock.getAttribute("title"))!, ABSOLUTE);
  await page.getByRole("tab", { name: "Router calls" }).click();
  const row = page.getByTestId("router-calls").locator("button").filter({ hasText: "get_users_for_states(" }).first();
  const cell = row.locator("time");
  assert.match(await cell.innerText(), OFFSET);
  assert.match((await cell.getAttribute("title"))!, ABSOLUTE);
  await row.click();
  const detail = page.getByTestId("router-call-detail");
  assert.match(await detail.locator("p time").first().innerText(), OFFSET);
  const json = await detail.innerText();
  assert.match(json, /"last_active_ts": \d{13}, \/\/ (\+\d{2}:\d{2}\.\d{3}|never)/);
  assert.match(json, /"last_federation_update_ts": \d+, \/\/ (\+\d{2}:\d{2}\.\d{3}|never)/);
  await page.screenshot({ path: "/tmp/teach-times.png" });
  // The events list uses the same format.
  await page.getByRole("tab", { name: "Events" }).click();
  assert.match(await page.getByTestId("events-list").locator("time").first().innerText(), OFFSET);
  assert.deepEqual(t.consoleErrors, []);
});
