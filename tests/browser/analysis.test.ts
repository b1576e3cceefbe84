// Understanding a run (issue 12), as a user meets it: after an edit of the legacy
// ExamplePresenceRouter that removes a delivery, the Changes tab lists it and the graph draws it as a removed ghost edge; a
// module that throws is named as the cause in the strip above the code, with a link to
// its line; the swimlane (of the default example, and of timeouts-and-devices) shows
// online → unavailable → offline at the right times; a router written to hide a
// room-mate gets the "routers only add" finding.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSession, type TestPage } from "./harness.ts";
import { lineOf, openExample, openPlayground, replaceText, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
});

const SHOTS = process.env.SCREENSHOT_DIR;

async function runOf(text: string): Promise<void> {
  await t.page.waitForFunction((sc) => {
    const snap = (window as any).__playground.snapshot();
    return snap.settled && snap.sources["scenario.yaml"] === sc;
  }, text, { timeout: 60000 });
}

test("the swimlane of the default example shows online → unavailable → offline at the right times", async () => {
  const page = t.page;
  // The page as it opens: the default example, nothing edited yet.
  const snap = await snapshot(page);
  assert.equal(snap.example, "buddy-list-router"); // DEFAULT_EXAMPLE in src/ui/examples.ts
  await page.getByRole("tab", { name: /^Presence/ }).click();
  const lane = page.locator('[data-testid="lane"][data-user="@alice:example.org"]');
  await lane.waitFor();
  // Online from her client's first sync at 0 s; at 1:00 her client syncs as unavailable
  // (R11); it stops at 2:00, and her device times out 30 s after her last sync STARTED
  // (1:30, S4), on the next 5 s tick (R25, R26): 2:05.
  assert.equal(await lane.getAttribute("data-states"), "0:online 60000:unavailable 125000:offline");
  // Dave, who sees her through the router only, runs on.
  assert.equal(await page.locator('[data-testid="lane"][data-user="@dave:example.org"]').getAttribute("data-states"), "20000:online");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/presence-default.png` });
});

test("the Cost tab projects the legacy example to N users by running it 2× and 4× in the sandbox", async () => {
  const page = t.page;
  // The example tests/cli/sim.test.ts projects with the CLI.
  await openExample(page, "example-presence-router");
  await page.getByRole("tab", { name: /^Cost/ }).click();
  const target = page.getByTestId("scale-target");
  await target.fill("1000");
  await page.getByTestId("scale-run").click();
  const section = page.getByTestId("scale");
  await page.waitForFunction(() => document.querySelector('[data-testid="scale"]')?.getAttribute("data-status") === "done", null, { timeout: 120000 });
  const head = await section.locator("thead").innerText();
  assert.match(head, /4 users \(1×\)/);
  assert.match(head, /8 users \(2×\)/);
  assert.match(head, /16 users \(4×\)/);
  assert.match(head, /at 1000 users/);
  const wake = section.locator('[data-testid="scale-row"][data-metric="wakeups"]');
  assert.equal(await wake.getAttribute("data-growth"), "linear");
  // The CLI prints the same projection for the same world (tests/cli/sim.test.ts): wake-ups grow 0.429 per user.
  assert.equal(await wake.getAttribute("data-projected"), "429.1");
  assert.equal(await section.locator('[data-testid="scale-row"][data-metric="edus"]').getAttribute("data-growth"), "constant");
  await section.locator("table").scrollIntoViewIfNeeded();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/cost-scale.png` });
});

test("an edit that removes a delivery shows in the Changes tab and on the graph", async () => {
  const page = t.page;
  const before = await openExample(page, "example-presence-router");
  const carolToGobbler = (d: { source: string; viewer: string }) => d.source === "@carol:example.org" && d.viewer === "@presence_gobbler:example.org";
  assert.ok(before.deliveries.some(carolToGobbler), "the legacy example delivers Carol to the gobbler");
  // Blacklist Carol too: her update is no longer routed to the gobbler.
  const scenario = before.sources["scenario.yaml"]!.replace('blacklisted_users: ["@bob:example.org"]', 'blacklisted_users: ["@bob:example.org", "@carol:example.org"]');
  assert.notEqual(scenario, before.sources["scenario.yaml"]);
  await replaceText(page, "scenario.yaml", scenario);
  await runOf(scenario);
  assert.ok(!(await snapshot(page)).deliveries.some(carolToGobbler));

  await page.getByRole("tab", { name: /^Changes/ }).click();
  const removed = page.getByTestId("changes-removed");
  await removed.waitFor();
  assert.equal(await removed.getAttribute("data-count"), "1");
  assert.match(await removed.innerText(), /@carol:example\.org → @presence_gobbler:example\.org/);
  assert.match(await page.getByTestId("run-summary").innerText(), /3 deliveries · \d+ router calls · 0 EDUs · expectations \d+\/\d+/);
  // The graph draws the removed pair as a ghost edge.
  await page.waitForFunction(() => (window as any).__playground.graphEdgeKeys().includes("removed\t@carol:example.org\t@presence_gobbler:example.org"), null, { timeout: 10000 });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/changes-tab.png` });
});

test("a module that throws is named as the cause in the strip, with a link to its line", async () => {
  const page = t.page;
  const original = readFileSync("examples/example-presence-router/router.ts", "utf8");
  const anchor = "  async get_interested_users(user_id: string)";
  const code = original.replace(/(  async get_interested_users\(user_id: string\)[^\n]*\n)/, `$1    if (user_id.startsWith("@presence_gobbler")) throw new TypeError("no interest list for " + user_id);\n`);
  assert.notEqual(code, original);
  const line = lineOf(code, "throw new TypeError") ;
  assert.ok(lineOf(code, anchor) === line - 1);
  await replaceText(page, "router.ts", code);
  await page.waitForFunction((c) => {
    const snap = (window as any).__playground.snapshot();
    return snap.settled && snap.runStatus === "ok" && snap.sources["router.ts"] === c;
  }, code, { timeout: 60000 });
  const strip = page.getByTestId("consistency-strip");
  await strip.waitFor();
  const text = await strip.innerText();
  assert.match(text, /The presence router failed/);
  assert.match(text, new RegExp(`get_interested_users in router\\.ts raised TypeError: no interest list for @presence_gobbler:example\\.org at router\\.ts:${line}:\\d+`));
  await strip.getByTestId("cause-link").click();
  const cursor = await page.evaluate(() => (window as any).__playground.cursor());
  assert.equal(cursor.file, "router.ts");
  assert.equal(cursor.line, line);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/strip-cause.png` });
});

test("a router written to hide a room-mate gets the 'routers only add' finding, with the callback's line and the levers", async () => {
  const page = t.page;
  await openExample(page, "router-cannot-restrict");
  const strip = page.getByTestId("consistency-strip");
  await strip.waitFor();
  assert.equal(await strip.getAttribute("data-kind"), "cannot_restrict");
  assert.equal(await strip.getAttribute("data-findings"), "2");
  const text = await strip.innerText();
  assert.match(text, /A presence router cannot restrict, it can only add/);
  assert.match(text, /get_interested_users\('@alice:example\.org'\) at \+00:10\.000 lists @bob:example\.org but not @eve:example\.org/);
  assert.match(text, /exclude_rooms_from_presence \(R74\)/);
  assert.match(text, /federation_domain_whitelist \(R75, R33\)/);
  const code = readFileSync("examples/router-cannot-restrict/router.ts", "utf8");
  const line = lineOf(code, "get_interested_users: async");
  await strip.getByTestId("callback-link").click();
  const cursor = await page.evaluate(() => (window as any).__playground.cursor());
  assert.equal(cursor.file, "router.ts");
  assert.equal(cursor.line, line);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/strip-cannot-restrict.png` });
  // The Consistency tab lists both findings with their line.
  await strip.getByRole("button", { name: "Show all" }).click();
  const summary = page.getByTestId("consistency-summary");
  await summary.waitFor();
  assert.equal(await summary.getAttribute("data-findings"), "2");
  const lines = page.getByTestId("finding-line");
  assert.equal(await lines.count(), 2);
  assert.equal(await lines.first().innerText(), `router.ts:${line}`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/consistency-cannot-restrict.png` });
});

test("the swimlane of timeouts-and-devices shows online → unavailable → offline at the right times", async () => {
  const page = t.page;
  await openExample(page, "timeouts-and-devices");
  await page.getByRole("tab", { name: /^Presence/ }).click();
  const lane = page.locator('[data-testid="lane"][data-user="@alice:example.org"]');
  await lane.waitFor();
  // Online at 5 s (first sync), idle after 5 min of no activity (R26), offline once no device syncs.
  assert.equal(await lane.getAttribute("data-states"), "5000:online 320000:unavailable 380000:offline");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/presence-tab.png` });
  assert.deepEqual(t.consoleErrors, []);
});

test("the active cross-check follows the graph: it finds the unexercised disagreement, and a probe that hangs stops only the check", async () => {
  const page = t.page;
  await openExample(page, "unexercised-disagreement");
  await page.getByRole("tab", { name: /^Consistency/ }).click();
  const section = page.getByTestId("crosscheck");
  // The check runs after the run's result (the graph is drawn first) and fills the section in.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="crosscheck"]');
    return el && el.getAttribute("data-pending") === null && el.getAttribute("data-disagreements") !== null;
  }, null, { timeout: 60000 });
  assert.equal(await section.getAttribute("data-disagreements"), "1");
  assert.equal(await section.getAttribute("data-unexercised"), "1");
  assert.match(await section.innerText(), /visible, not routed|routed, not visible/);
  // Erin never goes unavailable in the run, only in the probes: a loop there hangs the check alone.
  const code = readFileSync("examples/unexercised-disagreement/router.ts", "utf8");
  const hanging = code.replace("for (const s of states) if (TEAM", 'for (const s of states) if (s.user_id === "@erin:example.org" && s.state === "unavailable") for (;;) {}\n        for (const s of states) if (TEAM');
  assert.notEqual(hanging, code);
  await replaceText(page, "router.ts", hanging);
  await page.waitForFunction(() => /did not return within/.test(document.querySelector('[data-testid="crosscheck"]')?.textContent ?? ""), null, { timeout: 60000 });
  const snap = await snapshot(page);
  assert.equal(snap.runStatus, "ok"); // the run's graph stays: only its cross-check was stopped
  assert.match(await section.innerText(), /Not run: router\.ts.*get_users_for_states.*did not return within 1000 ms .*: the cross-check was stopped \(the run's graph stands\)\. Look for an endless loop\.$/m);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/crosscheck-hang.png` });
});
