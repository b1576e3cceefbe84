// Containment of runaway modules (docs/security.md): endless loops (callback, load,
// parse_config), endless promise chains, runaway recursion, memory exhaustion, an
// enormous result, and poisoned results. Each is stopped or skipped and explained; the
// page stays responsive while the worker spins; the next edit runs normally.
// Budgets are checked through the reported numbers, never by timing.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { lineOf, markers, openSettings, pairs, replaceText, settled, snapshot, openPlayground } from "./playground.ts";
import { GOOD_ROUTER, SCENARIO, problemsText } from "./hostile/helpers.ts";
import * as F from "./hostile/runaway.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  await settled(t.page);
});

async function setBudget(ms: number): Promise<void> {
  await openSettings(t.page);
  await t.page.getByTestId("budget").fill(String(ms));
  await t.page.getByTestId("budget").blur();
}

/** The next normal edit runs: fresh results, not stale. */
async function recovers(): Promise<void> {
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  const ok = await settled(t.page);
  assert.equal(ok.runStatus, "ok", ok.runFailure ?? "");
  assert.equal(ok.stale, false);
  assert.deepEqual(pairs(ok, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
}

test("an endless loop in a callback: stopped at the budget set in Settings, named, located; the page answers meanwhile", async () => {
  await setBudget(700);
  await replaceText(t.page, "router.ts", F.LOOP_IN_CALLBACK);
  // While the worker spins, the page responds to a click (the tab becomes selected).
  const events = t.page.getByRole("tab", { name: /^Events/ });
  const router = t.page.getByRole("tab", { name: /^Router calls/ });
  await router.click();
  await events.click();
  assert.equal(await events.getAttribute("aria-selected"), "true");
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts get_interested_users did not return within 700 ms \(at simulated \d+\.\d{3} s\)/);
  const ms = (await markers(t.page, "router.ts")).filter((m) => m.owner === "runtime");
  assert.equal(ms[0]?.line, lineOf(F.LOOP_IN_CALLBACK, "get_interested_users"));
  await setBudget(1000);
  await recovers();
});

test("an endless loop at module load is stopped and named", async () => {
  await replaceText(t.page, "router.ts", F.LOOP_AT_LOAD);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts module evaluation did not return within 1000 ms \(at simulated 0\.000 s\)/);
  await recovers();
});

test("an endless loop in parse_config is stopped, named and located", async () => {
  await replaceText(t.page, "router.ts", F.LOOP_IN_PARSE_CONFIG);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /router\.ts parse_config did not return within 1000 ms/);
  const ms = (await markers(t.page, "router.ts")).filter((m) => m.owner === "runtime");
  assert.equal(ms[0]?.line, lineOf(F.LOOP_IN_PARSE_CONFIG, "parse_config"));
  await recovers();
});

test("an endless promise chain in a callback is skipped (it cannot settle) and explained; the worker is replaced", async () => {
  await replaceText(t.page, "router.ts", F.MICROTASK_LOOP_IN_CALLBACK);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok");
  assert.match(await problemsText(t.page), /get_interested_users the returned Promise did not settle/);
  await recovers();
});

test("an endless promise chain started at load time does not block the next run", async () => {
  await replaceText(t.page, "router.ts", F.MICROTASK_LOOP_AT_LOAD);
  await settled(t.page);
  await recovers();
  await recovers();
});

test("runaway recursion is reported as the callback's error (R63)", async () => {
  await replaceText(t.page, "router.ts", F.RECURSION);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok");
  const problems = await problemsText(t.page);
  assert.match(problems, /get_interested_users threw: RangeError: Maximum call stack size exceeded/);
  await recovers();
});

test("memory exhaustion in a callback: the worker is stopped (watchdog or crash), the run fails with the callback named, a fresh worker serves the next run", async () => {
  await replaceText(t.page, "router.ts", F.OUT_OF_MEMORY);
  const snap = await settled(t.page, 60000);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /get_interested_users (did not return within 1000 ms|was running)/);
  await recovers();
});

test("an enormous result (a million entries) is refused with a warning and the run completes", async () => {
  await setBudget(10000); // building the Set itself takes a while on a slow machine
  await replaceText(t.page, "router.ts", F.HUGE_RESULT);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  assert.match(await problemsText(t.page), /get_interested_users returned more than 100000 items \(playground limit\); result skipped/);
  await setBudget(1000);
  assert.equal(snap.stale, false); // the run completed; only that result was skipped (R63)
  await recovers();
});

test("received states are frozen: mutating one throws, is reported, and the engine's records are untouched", async () => {
  await replaceText(t.page, "router.ts", F.MUTATE_STATES);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok");
  assert.match(await problemsText(t.page), /get_users_for_states threw: TypeError: Cannot assign to read only property 'state'/);
  assert.ok(snap.deliveries.every((d) => d.state !== "hacked"));
  await recovers();
});

test("poisoned results (Proxy, throwing getters) are validated: skipped with a warning, never reach the engine", async () => {
  await replaceText(t.page, "router.ts", F.POISONED);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? "");
  const problems = await problemsText(t.page);
  assert.match(problems, /trap sprung|getter sprung|could not be read|expected a UserPresenceState/);
  assert.match(problems, /get_interested_users.*(not a set|Set|Proxy)/i);
  assert.ok(snap.deliveries.every((d) => typeof d.state === "string"));
  await recovers();
});

test("no console errors and the page never stopped", async () => {
  const snap = await snapshot(t.page);
  assert.equal(snap.runStatus, "ok");
  assert.deepEqual(t.consoleErrors, []);
});
