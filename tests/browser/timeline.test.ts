// The timeline and the consistency checker, as a user meets them: scrub to the start,
// step event by event and play; the clock and the graph follow. An asymmetric router
// shows a consistency warning next to the code and in the inspector.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { deliveredBy, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await t.page.getByRole("heading", { name: "Presence Router Playground" }).waitFor();
  await settled(t.page, 90000);
});

const graphDeliveries = () => t.page.locator('[data-testid="delivery-graph"]').getAttribute("data-deliveries").then(Number);
const clock = () => t.page.getByTestId("timeline-clock").innerText();

const waitGraph = (n: number) =>
  t.page.waitForFunction((k) => Number(document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-deliveries")) === k, n, { timeout: 10000 });

test("the default example opens at an informative moment; scrub, step and play move the clock and the graph", async () => {
  const page = t.page;
  const snap = await snapshot(page);
  // Not the end: the first moment every receiving user has received presence, Dave's
  // first sync at 20 s (src/ui/timeline/opening.ts). Later deliveries are still to come.
  assert.equal(snap.time, 20_000);
  assert.match(await clock(), /\+00:20\.000/);
  await waitGraph(deliveredBy(snap));
  assert.ok(deliveredBy(snap) < snap.deliveries.length);

  await page.getByLabel("Simulated time").fill("0");
  await page.waitForFunction(() => (window as any).__playground.snapshot().time === 0);
  // At +0 only Alice's and Bob's first syncs have returned.
  const atStart = snap.deliveries.filter((d) => d.at <= 0).length;
  assert.ok(atStart > 0 && atStart < deliveredBy(snap));
  await waitGraph(atStart);
  const atZero = await clock();
  const nextDelivery = Math.min(...snap.deliveries.filter((d) => d.at > 0).map((d) => d.at));

  // Step forward event by event until the next delivery shows up in the graph.
  let steps = 0;
  while ((await graphDeliveries()) === atStart && steps < 50) {
    await page.getByRole("button", { name: "Next event" }).click();
    steps++;
  }
  const afterSteps = (await snapshot(page)).time!;
  assert.ok(afterSteps >= nextDelivery, `stepping reached the next delivery (${afterSteps} ≥ ${nextDelivery})`);
  assert.ok((await graphDeliveries()) > atStart);
  assert.notEqual(await clock(), atZero, "the clock shows the new time");

  await page.getByRole("button", { name: "Previous event" }).click();
  assert.ok((await snapshot(page)).time! < afterSteps, "stepping back goes back");

  // Play at 1000×: the clock runs to the end and every delivery is drawn.
  await page.getByLabel("Speed").selectOption("1000");
  await page.getByRole("button", { name: "Play" }).click();
  const lastDelivery = Math.max(...snap.deliveries.map((d) => d.at));
  await page.waitForFunction((last) => (window as any).__playground.snapshot().time >= last, lastDelivery, { timeout: 20000 });
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-deliveries")) === n,
    snap.deliveries.length,
    { timeout: 20000 },
  );
  assert.deepEqual(t.consoleErrors, []);
});

test("playing then pausing draws the graph of the paused time: the same colours as scrubbing there", async () => {
  const page = t.page;
  const snap = await snapshot(page);
  const ALICE = "@alice:example.org";
  const drawn = () => page.evaluate(() => (window as any).__playground.graphDrawn() as { nodes: Record<string, string>; edges: Record<string, string> });
  await page.getByLabel("Simulated time").fill("0");
  await page.waitForFunction(() => (window as any).__playground.snapshot().time === 0);
  await page.getByLabel("Speed").selectOption("10");
  await page.getByRole("button", { name: "Play" }).click();
  // Alice's client syncs as unavailable from 1 m until it stops at 2 m: pause in between.
  await page.waitForFunction(() => (window as any).__playground.snapshot().time >= 65_000, null, { timeout: 30000 });
  await page.getByRole("button", { name: "Pause" }).click();
  const paused = (await snapshot(page)).time!;
  assert.ok(paused >= 65_000 && paused < 120_000, `paused at ${paused}`);
  const expected = snap.deliveries.filter((d) => d.at <= paused).length;
  await waitGraph(expected);
  // The renderer's data catches up on its next frame.
  await page.waitForFunction((a) => (window as any).__playground.graphDrawn()?.nodes[a] === "#eab308", ALICE, { timeout: 10000 });
  const played = await drawn();
  assert.equal(played.nodes[ALICE], "#eab308", "Alice is drawn unavailable");
  assert.equal(Object.keys(played.edges).length, Number(await t.page.locator('[data-testid="delivery-graph"]').getAttribute("data-edges")) + Number(await t.page.locator('[data-testid="delivery-graph"]').getAttribute("data-decisions")));
  // The same moment reached by scrubbing (a fresh view, not the played one): the same drawing.
  await page.getByLabel("Simulated time").fill("0");
  await waitGraph(snap.deliveries.filter((d) => d.at <= 0).length);
  // Playback times are fractional; every event time is a whole ms, so the whole ms below
  // draws the same moment (the slider's step is 1 ms).
  const whole = Math.floor(paused);
  await page.getByLabel("Simulated time").fill(String(whole));
  await page.waitForFunction((p) => (window as any).__playground.snapshot().time === p, whole);
  await waitGraph(expected);
  // Order-free comparison, in the page, until the renderer's next frame has processed it.
  const same = `(want) => {
    const d = window.__playground.graphDrawn();
    const eq = (a, b) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
    return d !== null && eq(d.nodes, want.nodes) && eq(d.edges, want.edges);
  }`;
  await page.waitForFunction(same, played, { timeout: 10000 }).catch(() => undefined);
  assert.deepEqual(await drawn(), played);
  await page.getByLabel("Speed").selectOption("1000");
  assert.deepEqual(t.consoleErrors, []);
});

test("while it plays only what shows the time changes: the graph's filter bar, the Events tab's filters and the Presence tab's user list are left alone", async () => {
  const page = t.page;
  await page.getByLabel("Simulated time").fill("0");
  await page.waitForFunction(() => (window as any).__playground.snapshot().time === 0);
  await page.getByRole("tab", { name: "Events" }).click();
  // Attribute changes, per place, while the clock runs (React re-rendering an input resets
  // its attributes: a filter bar re-rendered every frame shows up here).
  await page.evaluate(`(() => {
    const counts = (window.__mutations = { filters: 0, events: 0, slider: 0, clock: 0 });
    const bar = document.querySelector('[aria-label="Graph filters"]');
    const events = document.querySelector('[aria-label="user filter"]').parentElement;
    const slider = document.querySelector('[aria-label="Simulated time"]');
    const clock = document.querySelector('[data-testid="timeline-clock"]');
    const watch = (el, key) => new MutationObserver((l) => (counts[key] += l.length)).observe(el, { subtree: true, attributes: true, characterData: true, childList: true });
    watch(bar, "filters");
    watch(events, "events");
    watch(slider, "slider");
    watch(clock, "clock");
  })()`);
  await page.getByLabel("Speed").selectOption("10");
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().time >= 20_000, null, { timeout: 30000 });
  await page.getByRole("button", { name: "Pause" }).click();
  const m = (await page.evaluate("window.__mutations")) as { filters: number; events: number; slider: number; clock: number };
  assert.ok(m.slider > 5 && m.clock > 5, `the slider and the clock follow the time: ${JSON.stringify(m)}`);
  assert.equal(m.filters, 0, `the graph's filter bar was re-rendered while playing: ${JSON.stringify(m)}`);
  assert.equal(m.events, 0, `the Events tab's filters were re-rendered while playing: ${JSON.stringify(m)}`);
  // The Presence tab: its playhead moves, its list of users (checkboxes) stays.
  await page.getByRole("tab", { name: "Presence" }).click();
  await page.getByTestId("presence-lanes").waitFor();
  await page.evaluate(`(() => {
    const counts = (window.__lanes = { users: 0, lanes: 0 });
    const root = document.querySelector('[data-testid="presence-lanes"]');
    new MutationObserver((l) => (counts.users += l.length)).observe(root.querySelector("fieldset"), { subtree: true, attributes: true, childList: true, characterData: true });
    new MutationObserver((l) => (counts.lanes += l.length)).observe(root.querySelector("svg"), { subtree: true, attributes: true, childList: true });
  })()`);
  const from = (await snapshot(page)).time!;
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction((t0) => (window as any).__playground.snapshot().time >= t0 + 20_000, from, { timeout: 30000 });
  await page.getByRole("button", { name: "Pause" }).click();
  const lanes = (await page.evaluate("window.__lanes")) as { users: number; lanes: number };
  assert.ok(lanes.lanes > 5, `the lanes' playhead follows the time: ${JSON.stringify(lanes)}`);
  assert.equal(lanes.users, 0, `the Presence tab's user list was re-rendered while playing: ${JSON.stringify(lanes)}`);
  await page.getByRole("tab", { name: "Events" }).click();
  await page.getByLabel("Speed").selectOption("1000");
  assert.deepEqual(t.consoleErrors, []);
});

test("an asymmetric router shows a consistency warning next to the code and in the inspector", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  // The keyboard lands on the first card's Open button (focused once the cards are there).
  await page.waitForFunction(() => {
    const a = document.activeElement;
    return a?.getAttribute("aria-label")?.startsWith("Open example ") === true && a.closest('[data-testid="example-card"]') === document.querySelector('[data-testid="example-card"]');
  }, null, { timeout: 15000 });
  await dialog.locator('[data-testid="example-card"][data-name="buggy-disagreeing-router"]').getByRole("button", { name: /Open example/ }).click();
  await page.waitForFunction(() => {
    const snap = (window as any).__playground.snapshot();
    return snap.example === "buggy-disagreeing-router" && snap.settled && snap.runStatus === "ok";
  }, null, { timeout: 60000 });
  const strip = page.getByTestId("consistency-strip");
  await strip.waitFor();
  assert.ok(Number(await strip.getAttribute("data-findings")) >= 2);
  assert.match(await strip.innerText(), /would be woken .* but .* sync will not include/i);
  await strip.getByRole("button", { name: "Show all" }).click();
  const summary = page.getByTestId("consistency-summary");
  await summary.waitFor();
  assert.equal(await summary.getAttribute("data-findings"), await strip.getAttribute("data-findings"));
  assert.match(await page.getByTestId("inspector").innerText(), /get_interested_users/);

  // A consistent example shows no strip.
  await page.getByTestId("examples-button").click();
  await dialog.locator('[data-testid="example-card"][data-name="gobbler-modern"]').getByRole("button", { name: /Open example/ }).click();
  await page.waitForFunction(() => {
    const snap = (window as any).__playground.snapshot();
    return snap.example === "gobbler-modern" && snap.settled && snap.runStatus === "ok";
  }, null, { timeout: 60000 });
  assert.equal(await strip.count(), 0);
  assert.deepEqual(t.consoleErrors, []);
  assert.deepEqual(t.offsiteRequests, []);
});
