// The service worker (src/sw/sw.ts, issue 14 item 1): after one visit the app loads and
// works with the network gone. The graph is drawn, a lazily loaded part (the examples
// gallery and another example's files) opens, and a code change compiles (esbuild-wasm)
// and runs (the engine sandbox, loaded from the HTTP cache under its content hash) into
// a new graph. Without the service worker the offline reload has no page at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, type Session } from "./harness.ts";
import { requestLog } from "../../scripts/serve.ts";
import { allowClipboard, editorReady, openExample, pairs, replaceText, settled, ROUTE_TO_BOB } from "./playground.ts";

let s: Session;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s.close();
});

const SCENARIO = `version: 1
servers:
  example.org:
    modules:
      - module: router.ts
users:
  "@alice:example.org": {}
  "@bob:example.org": {}
  "@carol:example.org": {}
steps:
  - at: 0s
    presence: { user: "@alice:example.org", state: online }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: offline }
  - at: 1s
    sync: { user: "@carol:example.org", set_presence: offline }
`;

test("after one visit the app loads offline, opens an example, and an edit compiles and runs into a new graph", async () => {
  const t = await s.newPage({ serviceWorker: true });
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
  await editorReady(t.page);
  // Registered after the first compile and the editor; `ready` = installed (the whole
  // precache fetched) and active. The first visit itself is not controlled.
  const scope = await t.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, s.baseUrl);
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.controller), null, "the first visit is not controlled");

  await t.context.setOffline(true);
  const served = requestLog(s.server).length;
  await t.page.reload();
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
  // The page answered by the worker keeps the server's isolation headers (the watchdog's
  // shared memory, src/sandbox/sharedSpans.ts).
  assert.equal(await t.page.evaluate(() => crossOriginIsolated), true);
  await t.page.locator("html[data-perf-graph-drawn]").waitFor({ state: "attached", timeout: 60000 });
  const first = await settled(t.page, 90000);
  assert.equal(first.runStatus, "ok");
  assert.ok(first.deliveries.length > 0);

  // A chunk the first visit may never have loaded by itself: the gallery and an example.
  const ex = await openExample(t.page, "gobbler-modern");
  assert.equal(ex.example, "gobbler-modern");
  assert.equal(ex.runStatus, "ok");

  await editorReady(t.page);
  await replaceText(t.page, "router.ts", ROUTE_TO_BOB);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  const snap = await settled(t.page, 90000);
  assert.equal(snap.compileStatus, "ok");
  assert.equal(snap.runStatus, "ok");
  assert.equal(snap.stale, false);
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  assert.deepEqual(t.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  // Nothing of all that came from the server. (The browser's own update check of the
  // service worker's script on a navigation is not under the page's offline emulation;
  // offline for real it fails and the installed worker stays.)
  assert.deepEqual(requestLog(s.server).slice(served).filter((u) => u !== "/sw.js"), []);
});

test("without the service worker (blocked), the same offline reload has no app", async () => {
  const t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
  await t.context.setOffline(true);
  await t.page.reload().catch(() => {}); // the navigation itself fails offline
  const hasApp = await t.page.evaluate(() => typeof (window as any).__playground === "object").catch(() => false);
  assert.equal(hasApp, false);
});
