// Untrusted links, round two (issue 10 part B; docs/security.md "Attacks tried"): a module
// that keeps the watchdog quiet, tampering that would outlive its run, a forged trace
// event, a flood of console output (the trace-event limit is checked in
// tests/engine/recorder.limits.test.ts: reaching it takes minutes in a browser), and a hang inside a getter the
// engine reads. Each is stopped or contained with a message that names the limit, and
// the next edit runs normally. Budgets are checked through reported numbers, not timing.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { pairs, replaceText, settled, openPlayground } from "./playground.ts";
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

test("a module that calls its own router method in a loop cannot keep the watchdog quiet: stopped at the budget, named; the next edit runs", async () => {
  await replaceText(t.page, "scenario.yaml", F.LEGACY_SCENARIO);
  await replaceText(t.page, "router.ts", F.HEARTBEAT);
  const snap = await settled(t.page, 20000);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts get_users_for_states did not return within 1000 ms \(at simulated \d+\.\d{3} s\)/);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  await recovers();
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

test("a forged trace event (a sync event with next_batch: null) is refused as a malformed reply; the app keeps working", async () => {
  await replaceText(t.page, "router.ts", F.FORGE_STATE);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /malformed reply .*columns\.objects\[\d+\]\.next_batch/);
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

test("no console errors and the page never stopped", async () => {
  assert.deepEqual(t.consoleErrors, []);
});
