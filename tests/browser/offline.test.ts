// The service worker (src/sw/sw.ts, issue 14): after one visit the app loads and works
// with the network gone: the graph is drawn, the editor takes a change, and the change
// compiles (esbuild-wasm) and runs (the engine sandbox) into a new graph.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, type Session } from "./harness.ts";
import { editorReady, openPlayground, pairs, replaceText, settled, ROUTE_TO_BOB } from "./playground.ts";

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

test("after one visit the app loads offline, draws the graph, and an edit gives a new graph", async () => {
  const t = await openPlayground(s);
  // The worker registers after the first compile and the editor; ready = installed
  // (the whole precache fetched) and active.
  const scope = await t.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, s.baseUrl);
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.controller), null, "the first visit is not controlled");

  await t.context.setOffline(true);
  await t.page.reload();
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
  await t.page.locator("html[data-perf-graph-drawn]").waitFor({ state: "attached", timeout: 60000 });
  const first = await settled(t.page, 90000);
  assert.equal(first.compileStatus, "ok");
  assert.equal(first.runStatus, "ok");
  assert.ok(first.deliveries.length > 0);

  await editorReady(t.page);
  await replaceText(t.page, "router.ts", ROUTE_TO_BOB);
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  const snap = await settled(t.page, 90000);
  assert.equal(snap.compileStatus, "ok");
  assert.equal(snap.runStatus, "ok");
  assert.equal(snap.stale, false);
  assert.deepEqual(pairs(snap, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  assert.deepEqual(t.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
});
