// The playground end to end in Chromium against the production build: default example,
// editing code and scenario, markers for compile/runtime/scenario problems, stale
// results, containment of a hanging callback. One page, reused across tests in order.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { allowClipboard, deliveredBy, editorReady, lineOf, markers, pairs, replaceText, settled, snapshot, ROUTE_TO_BOB, ROUTE_TO_BOB_SCENARIO } from "./playground.ts";

const s = useSession();
let t: TestPage;

const ROUTER = ROUTE_TO_BOB;

const SCENARIO = ROUTE_TO_BOB_SCENARIO;

before(async () => {
  t = await s.newPage();
  await t.page.setViewportSize({ width: 1280, height: 720 });
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
});

test("the default example loads and shows its deliveries", async () => {
  await t.page.getByRole("heading", { name: "Presence Router Playground" }).waitFor();
  const snap = await settled(t.page, 90000); // cold start: esbuild-wasm and the sandbox load
  assert.equal(snap.example, "buddy-list-router"); // DEFAULT_EXAMPLE in src/ui/examples.ts
  assert.equal(snap.compileStatus, "ok");
  assert.equal(snap.runStatus, "ok");
  assert.equal(snap.stale, false);
  const p = pairs(snap);
  // Buddies Alice and Dave see each other through the router alone ...
  assert.ok(p.includes("@alice:example.org>@dave:example.org"), p.join("\n"));
  assert.ok(p.includes("@dave:example.org>@alice:example.org"), p.join("\n"));
  // ... Dave never sees Bob; Alice sees her room-mate Bob (R50).
  assert.ok(!p.includes("@bob:example.org>@dave:example.org"), p.join("\n"));
  assert.ok(p.includes("@bob:example.org>@alice:example.org"), p.join("\n"));
  // The timeline opens when Dave's client has had its first sync (20 s), not at the end:
  // the graph draws the deliveries up to then.
  assert.equal(snap.time, 20_000);
  const graph = t.page.getByTestId("graph");
  assert.equal(Number(await graph.getAttribute("data-deliveries")), snap.deliveries.length);
  const drawn = t.page.getByTestId("delivery-graph");
  assert.equal(Number(await drawn.getAttribute("data-deliveries")), deliveredBy(snap));
  assert.ok(deliveredBy(snap) < snap.deliveries.length);
  assert.ok(Number(await t.page.getByTestId("events-list").getAttribute("data-count")) > 0);
});

test("typing a router change re-routes presence to another user", async () => {
  await editorReady(t.page);
  await replaceText(t.page, "router.ts", ROUTER);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  let snap = await settled(t.page);
  assert.equal(snap.compileStatus, "ok");
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  await replaceText(t.page, "router.ts", ROUTER.replace('"@bob:example.org"', '"@carol:example.org"'));
  snap = await settled(t.page);
  assert.equal(snap.stale, false);
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@carol:example.org"]);
});

/** Types `line` key by key on a new line at the end of router.ts; waits until the store has it. */
async function typeLineAtEnd(line: string): Promise<void> {
  await t.page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await t.page.locator(".monaco-editor .view-lines").first().click();
  await t.page.keyboard.press("ControlOrMeta+End");
  await t.page.keyboard.press("Enter");
  await t.page.keyboard.type(line);
  await t.page.waitForFunction((l) => (window as any).__playground.snapshot().sources["router.ts"].endsWith(l), line);
}

/** The newest run's wall-clock stages (RunTiming, src/worker/protocol.ts). */
function lastRunTiming(): Promise<Record<string, number>> {
  return t.page.evaluate(() => {
    const runs = (window as any).__perf.runs as Array<{ timing: Record<string, number> }>;
    return runs[runs.length - 1]?.timing ?? {};
  });
}

test("a comment-only edit does not run the engine again; a code edit does (issue 14)", async () => {
  const before = await settled(t.page);
  // Typed key by key: "/" alone is a syntax error (stale), "//" compiles back to the same code.
  await typeLineAtEnd("// a note");
  let snap = await settled(t.page);
  assert.equal(snap.compileStatus, "ok");
  assert.equal(snap.runsStarted, before.runsStarted, "a comment edit started a run");
  assert.equal(snap.stale, false);
  assert.deepEqual(snap.deliveries, before.deliveries);
  await t.page.keyboard.press("Enter");
  await t.page.keyboard.type("export const tag = 1;");
  await t.page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].endsWith("export const tag = 1;"));
  snap = await settled(t.page);
  assert.ok(snap.runsStarted > before.runsStarted, "a code edit must run");
  assert.equal(snap.runStatus, "ok");
});

test("code edits take the scenario's parse from an earlier worker; a scenario edit parses afresh (issue 14)", async () => {
  // RunTiming.parse_handed (src/worker/protocol.ts): 1 when the run's fresh worker got the
  // parse from the frame instead of parsing the YAML itself.
  const handed = async () => (await lastRunTiming()).parse_handed;
  const codeEdit = async (line: string) => {
    await typeLineAtEnd(line);
    const snap = await settled(t.page);
    assert.equal(snap.runStatus, "ok");
  };
  await codeEdit("export const handed1 = 1;");
  await codeEdit("export const handed2 = 2;");
  assert.equal(await handed(), 1, "an unchanged scenario was parsed again by the run's worker");
  await replaceText(t.page, "scenario.yaml", SCENARIO + "# a new scenario text\n");
  await t.page.waitForFunction(() => (window as any).__playground.snapshot().sources["scenario.yaml"].endsWith("# a new scenario text\n"));
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok");
  assert.equal(await handed(), 0, "a changed scenario must be parsed from its new text");
});

test("a syntax error puts an esbuild marker on its line and keeps the last graph, marked stale", async () => {
  const before = await snapshot(t.page);
  const broken = ROUTER.replace("const TARGET = ", "const TARGET = = ");
  await replaceText(t.page, "router.ts", broken);
  const snap = await settled(t.page);
  assert.equal(snap.compileStatus, "error");
  assert.equal(snap.stale, true);
  assert.deepEqual(snap.deliveries, before.deliveries);
  await t.page.getByTestId("stale-badge").waitFor();
  await t.page.waitForFunction(() => (window as any).__playground.markers("router.ts").some((m: any) => m.owner === "esbuild"));
  const ms = (await markers(t.page, "router.ts")).filter((m) => m.owner === "esbuild");
  assert.equal(ms[0]!.line, lineOf(broken, "const TARGET"));
  // Fixing it clears the marker and the stale badge.
  await replaceText(t.page, "router.ts", ROUTER);
  const fixed = await settled(t.page);
  assert.equal(fixed.stale, false);
  assert.deepEqual((await markers(t.page, "router.ts")).filter((m) => m.owner === "esbuild"), []);
});

test("a throwing callback puts a runtime marker on the TypeScript line that threw", async () => {
  const throwing = ROUTER.replace(
    "get_interested_users: async (user_id: string) =>",
    'get_interested_users: async (user_id: string) => {\n        if (user_id) throw new Error("boom in get_interested_users");\n        return',
  ).replace("new Set<string>(),\n", "new Set<string>();\n      },\n");
  await replaceText(t.page, "router.ts", throwing);
  const snap = await settled(t.page);
  assert.equal(snap.compileStatus, "ok", JSON.stringify(snap.diagnostics));
  assert.equal(snap.runStatus, "ok");
  await t.page.waitForFunction(() => (window as any).__playground.markers("router.ts").some((m: any) => m.owner === "runtime"));
  const ms = (await markers(t.page, "router.ts")).filter((m) => m.owner === "runtime");
  assert.equal(ms[0]!.line, lineOf(throwing, "throw new Error"));
  assert.match(ms[0]!.message, /boom in get_interested_users/);
});

test("a scenario mistake shows a YAML marker on the right line and keeps the last graph", async () => {
  await replaceText(t.page, "router.ts", ROUTER);
  const good = await settled(t.page);
  const wrong = SCENARIO.replace('sync: { user: "@carol:example.org"', 'sync: { user: "@carl:example.org"');
  await replaceText(t.page, "scenario.yaml", wrong);
  const snap = await settled(t.page);
  assert.equal(snap.stale, true);
  assert.deepEqual(snap.deliveries, good.deliveries);
  await t.page.waitForFunction(() => (window as any).__playground.markers("scenario.yaml").some((m: any) => m.owner === "scenario"));
  const ms = (await markers(t.page, "scenario.yaml")).filter((m) => m.owner === "scenario" && m.severity === "error");
  assert.equal(ms[0]!.line, lineOf(wrong, "@carl:example.org"));
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  assert.equal((await settled(t.page)).stale, false);
});

test("a hanging callback is stopped by the watchdog and the page stays responsive", async () => {
  const hanging = ROUTER.replace(
    "get_interested_users: async (user_id: string) =>",
    "get_interested_users: async (user_id: string) => {\n        while (user_id) {}\n        return",
  ).replace("new Set<string>(),\n", "new Set<string>();\n      },\n");
  await replaceText(t.page, "router.ts", hanging);
  // The main thread is not blocked while the worker spins.
  const t0 = Date.now();
  await t.page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 500);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "failed");
  assert.match(snap.runFailure ?? "", /get_interested_users did not return within 1000 ms/);
  assert.equal(snap.stale, true);
  const ms = (await markers(t.page, "router.ts")).filter((m) => m.owner === "runtime");
  assert.equal(ms[0]?.line, lineOf(hanging, "get_interested_users"));
  // A fresh worker serves the next run.
  await replaceText(t.page, "router.ts", ROUTER);
  const ok = await settled(t.page);
  assert.equal(ok.runStatus, "ok");
  assert.equal(ok.stale, false);
});

test("the engine runs in a sandboxed, opaque-origin iframe", async () => {
  const frame = t.page.getByTestId("engine-sandbox");
  assert.equal(await frame.getAttribute("sandbox"), "allow-scripts");
  // Its own document (a srcdoc would inherit the app's CSP); see security.test.ts.
  assert.match((await frame.getAttribute("src")) ?? "", /\/sandbox\.html\?v=[0-9a-f]{16}$/);
});

test("after a pause the next run's fresh worker has warmed its engine up (issue 10's cost)", async () => {
  // RunTiming.warmed (src/worker/engine.worker.ts): the ms its spare spent running the
  // scenario with the stand-in router, asked by the frame once no run was in flight for
  // 200 ms. The edit after the pause is one keystroke, so one run: a line typed key by key
  // can start several runs (each state that compiles), the later ones in unwarmed spares.
  await typeLineAtEnd("export const warm = 1;");
  assert.equal((await settled(t.page)).runStatus, "ok");
  await t.page.waitForTimeout(2000);
  const runs = await t.page.evaluate(() => (window as any).__perf.runs.length as number);
  await t.page.keyboard.press("ArrowLeft"); // before the ";"
  await t.page.keyboard.press("2");
  await t.page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].endsWith("export const warm = 12;"));
  assert.equal((await settled(t.page)).runStatus, "ok");
  assert.equal(await t.page.evaluate(() => (window as any).__perf.runs.length as number), runs + 1, "one keystroke, one run");
  const paused = await lastRunTiming();
  assert.ok(paused.warmed! > 0, `warmed after a pause: ${JSON.stringify(paused)}`);
});

test("a big scenario's run starts no spare worker until it has answered (the spare's parse would share the cores with it)", async () => {
  await typeLineAtEnd("export const spare = 1;");
  assert.equal((await settled(t.page)).runStatus, "ok");
  const ordinary = await lastRunTiming();
  assert.equal(ordinary.spares_during_run, 1, `an ordinary run: the next run's spare starts during it: ${JSON.stringify(ordinary)}`);
  const original = await t.page.evaluate(() => (window as any).__playground.snapshot().sources["scenario.yaml"] as string);
  // Over the frame's 256 KB threshold (BIG_SCENARIO_CHARS, src/worker/protocol.ts) by a YAML comment.
  const big = `${original}\n${"# padding that makes the scenario text over 256 KB long\n".repeat(5200)}`;
  assert.ok(big.length > 256 * 1024 && big.length < 320 * 1024);
  await replaceText(t.page, "scenario.yaml", big);
  assert.equal((await settled(t.page, 60_000)).runStatus, "ok");
  const first = await lastRunTiming();
  assert.equal(first.spares_during_run, 0, JSON.stringify(first));
  await t.page.waitForTimeout(1500);
  // One keystroke, one run: the worker it gets was started once the big run had answered.
  await t.page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await t.page.locator(".monaco-editor .view-lines").first().click();
  await t.page.keyboard.press("ControlOrMeta+End");
  await t.page.keyboard.press("ArrowLeft"); // before the ";"
  await t.page.keyboard.press("2");
  await t.page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].endsWith("export const spare = 12;"));
  assert.equal((await settled(t.page, 60_000)).runStatus, "ok");
  const next = await lastRunTiming();
  assert.ok(next.spare_age > 1000, `a spare started after the big run answered, not a worker started for this run: ${JSON.stringify(next)}`);
  assert.equal(next.spares_during_run, 0, JSON.stringify(next));
  await replaceText(t.page, "scenario.yaml", original);
  assert.equal((await settled(t.page)).runStatus, "ok");
});

test("no console errors and no request left 127.0.0.1", () => {
  assert.deepEqual(t.consoleErrors, []);
  assert.deepEqual(t.offsiteRequests, []);
});
