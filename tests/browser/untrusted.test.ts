// Untrusted links, round two (issue 10 part B; docs/security.md "Attacks tried"): a module
// that keeps the watchdog quiet, tampering that would outlive its run, a forged trace
// event, a flood of console output (the trace-event limit is checked in
// tests/engine/recorder.limits.test.ts: reaching it takes minutes in a browser), and a hang inside a getter the
// engine reads. Each is stopped or contained with a message that names the limit, and
// the next edit runs normally. Budgets are checked through reported numbers, not timing.
import { test, before } from "node:test";
import { chromium } from "playwright-core";
import { serveDist } from "../../scripts/serve.ts";
import assert from "node:assert/strict";
import { CHROMIUM, TEST_CHROMIUM_ARGS, useSession, type TestPage } from "./harness.ts";
import { editorReady, pairs, replaceText, settled, openPlayground } from "./playground.ts";
import { GOOD_ROUTER, SCENARIO, consoleText, problemsText } from "./hostile/helpers.ts";
import * as F from "./hostile/round2.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  await settled(t.page);
});

/** The next normal edit runs: fresh results, not stale. */
async function recovers(): Promise<void> {
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  const ok = await settled(t.page);
  assert.equal(ok.runStatus, "ok", ok.runFailure ?? "");
  assert.equal(ok.stale, false);
  assert.deepEqual(pairs(ok, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
}

/** The watchdog feed of the last run (src/sandbox/iframe-runtime.ts timing: span_feed, span_messages, worker_isolated). */
async function lastRunFeed(page: TestPage["page"]): Promise<Record<string, number | undefined>> {
  const runs = await page.evaluate(() => window.__perf?.runs ?? []);
  const t = runs[runs.length - 1]?.timing ?? {};
  return { span_feed: t.span_feed, span_messages: t.span_messages, worker_isolated: t.worker_isolated };
}

/** `router` hangs get_users_for_states: the run fails at the 1 s budget, naming it; the next edit runs. */
async function stoppedAtBudget(router: string): Promise<void> {
  await replaceText(t.page, "scenario.yaml", F.LEGACY_SCENARIO);
  await replaceText(t.page, "router.ts", router);
  const snap = await settled(t.page, 20000);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts get_users_for_states did not return within 1000 ms \(at simulated \d+\.\d{3} s\)/);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  await recovers();
}

test("cross-origin isolated: the page, the sandbox frame and its engine worker are, and the watchdog reads shared memory (no span messages)", async () => {
  assert.equal(await t.page.evaluate(() => crossOriginIsolated), true, "the app page");
  const frame = t.page.frames().find((f) => /\/sandbox\.html(\?|$)/.test(f.url()));
  assert.ok(frame, "the sandbox frame");
  assert.equal(await frame.evaluate(() => crossOriginIsolated), true, "the sandbox frame");
  assert.equal(await t.page.getByTestId("engine-sandbox").getAttribute("data-span-feed"), "shared");
  await replaceText(t.page, "router.ts", GOOD_ROUTER.replace("RouteToBob", "RouteToBob2"));
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.deepEqual(await lastRunFeed(t.page), { span_feed: 1, span_messages: 0, worker_isolated: 1 });
});

test("module code cannot reach the watchdog's shared buffer: nothing reachable from the worker's global is one or a view onto one", async () => {
  await replaceText(t.page, "router.ts", F.SEARCH_SHARED);
  const snap = await settled(t.page, 30000);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.match(await consoleText(t.page), /isolated: true; searched over 1000 objects: shared buffers 0, views on one 0/);
  await recovers();
});

test("a module that replaces Atomics, Map and typed-array methods and then hangs is still stopped at the budget, named", async () => {
  await stoppedAtBudget(F.PATCH_AND_HANG);
});

test("without cross-origin isolation (a host that sends no COEP) the watchdog uses its message feed and still stops the heartbeat; the next edit runs", async () => {
  const { url, server } = await serveDist(process.env.DIST_DIR ?? "dist", 0, { isolation: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: TEST_CHROMIUM_ARGS, headless: true });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.addInitScript(() => {
      try {
        localStorage.setItem("prp.firstVisitSeen.v1", "1");
      } catch {
        // the engine sandbox (opaque origin) has no storage
      }
    });
    await page.goto(url);
    await settled(page, 90000);
    await editorReady(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.equal(await page.getByTestId("engine-sandbox").getAttribute("data-span-feed"), "messages");
    await replaceText(page, "scenario.yaml", SCENARIO);
    await replaceText(page, "router.ts", GOOD_ROUTER);
    const ok = await settled(page);
    assert.equal(ok.runStatus, "ok", ok.runFailure ?? "");
    const feed = await lastRunFeed(page);
    assert.equal(feed.span_feed, 0);
    assert.equal(feed.worker_isolated, 0);
    assert.ok((feed.span_messages ?? 0) > 0, JSON.stringify(feed));
    await replaceText(page, "scenario.yaml", F.LEGACY_SCENARIO);
    await replaceText(page, "router.ts", F.HEARTBEAT);
    const stopped = await settled(page, 20000);
    assert.equal(stopped.runStatus, "failed");
    assert.match(stopped.runFailure ?? "", /router\.ts get_users_for_states did not return within 1000 ms/);
    await replaceText(page, "scenario.yaml", SCENARIO);
    await replaceText(page, "router.ts", GOOD_ROUTER);
    const next = await settled(page);
    assert.equal(next.runStatus, "ok", next.runFailure ?? "");
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});

test("a module that calls its own router method in a loop cannot keep the watchdog quiet: stopped at the budget, named; the next edit runs", async () => {
  await stoppedAtBudget(F.HEARTBEAT);
});

test("nothing a module does to the worker's realm survives its run: globals and patched built-ins are gone in the next run", async () => {
  await replaceText(t.page, "router.ts", F.TAMPER);
  await settled(t.page);
  await replaceText(t.page, "router.ts", F.OBSERVER);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  const out = await consoleText(t.page);
  assert.match(out, /left behind: undefined/);
  assert.doesNotMatch(out, /left behind: \d/);
  await recovers();
});

test("a forged trace event (a log event with message: null) is refused as a malformed reply; the app keeps working", async () => {
  await replaceText(t.page, "router.ts", F.FORGE_STATE);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /malformed reply .*columns\.objects\[\d+\]\.message/);
  assert.equal(await t.page.getByTestId("editor").count(), 1, "the app did not blank");
  assert.deepEqual(t.consoleErrors, []);
  await recovers();
});

test("forged trace columns (string indexes out of bounds) are refused as a malformed reply; the app keeps working", async () => {
  await replaceText(t.page, "router.ts", F.FORGE_COLUMNS);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /malformed reply \(columns\.\w+/);
  assert.equal(await t.page.getByTestId("editor").count(), 1, "the app did not blank");
  assert.deepEqual(t.consoleErrors, []);
  await recovers();
});

test("console output beyond the per-run limit is dropped with a message naming the limit; the output up to it and the run's result are shown", async () => {
  await replaceText(t.page, "router.ts", F.FLOOD_CONSOLE);
  const snap = await settled(t.page, 60000);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  assert.match(await problemsText(t.page), /console output reached the playground limit of 10000 lines per run/);
  const out = await consoleText(t.page);
  assert.match(out, /line 0\b/);
  assert.doesNotMatch(out, /line 199999/);
  await recovers();
});

test("a hang in a getter the engine reads on a returned value is stopped by the callback budget and named", async () => {
  await replaceText(t.page, "router.ts", F.HANG_IN_GETTER);
  const snap = await settled(t.page, 20000);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts get_users_for_states \(reading its result\) did not return within 1000 ms/);
  await recovers();
});

test("a module that floods the worker's scheduler with user-blocking tasks from load on cannot starve the engine's clock: the run completes; the next edit runs", async () => {
  await replaceText(t.page, "router.ts", F.TASK_FLOOD);
  const snap = await settled(t.page, 20000);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  await recovers();
});

test("no console errors and the page never stopped", async () => {
  assert.deepEqual(t.consoleErrors, []);
});
