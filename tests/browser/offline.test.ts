// The service worker (src/sw/sw.ts, issue 14 item 1): after one visit the app loads and
// works with the network gone. The graph is drawn, a lazily loaded part (the examples
// gallery and another example's files) opens, and a code change compiles (esbuild-wasm)
// and runs (the engine sandbox, loaded from the HTTP cache under its content hash) into
// a new graph. Without the service worker the offline reload has no page at all. Python:
// Pyodide's files are cached the first time a Python example runs with the worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSession, type Session } from "./harness.ts";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { requestLog, serveDist } from "../../scripts/serve.ts";
import { allowClipboard, editorReady, openExample, pairs, replaceText, settled, ROUTE_TO_BOB, ROUTE_TO_BOB_SCENARIO } from "./playground.ts";

let s: Session;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s.close();
});

const SCENARIO = ROUTE_TO_BOB_SCENARIO;

test("after one visit the app loads offline, opens an example, and an edit compiles and runs into a new graph", async () => {
  const t = await s.newPage({ serviceWorker: true });
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
  await editorReady(t.page);
  // Registered after the first live run and the editor; `ready` = installed (the whole
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

test("a deploy's new service worker is offered in a banner; Reload switches to it and keeps the draft; another tab then reloads too", async () => {
  // A copy of the build whose sw.js changes under the open page, as a deploy would.
  const dir = mkdtempSync(join(tmpdir(), "sw-update-"));
  for (const f of readdirSync("dist")) {
    if (f === "sw.js" || f.endsWith(".html")) copyFileSync(join("dist", f), join(dir, f));
    else symlinkSync(resolve("dist", f), join(dir, f));
  }
  const { url, server } = await serveDist(dir);
  const context = await s.browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: "allow" });
  try {
    await context.addInitScript(() => {
      try {
        localStorage.setItem("prp.firstVisitSeen.v1", "1");
      } catch {
        // the sandbox frame has no storage
      }
    });
    await allowClipboard(context, url);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.goto(url);
    await settled(page, 90000);
    await editorReady(page);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload(); // now controlled by the first worker
    await settled(page, 90000);
    await editorReady(page);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
    assert.equal(await page.getByTestId("update-banner").count(), 0, "no banner without a new version");

    // A second tab of the same build, open while the first one switches.
    const other = await context.newPage();
    await other.goto(url);
    await settled(other, 90000);
    await replaceText(page, "router.ts", ROUTE_TO_BOB); // the user's work, saved as the tab's draft
    writeFileSync(join(dir, "sw.js"), readFileSync(join(dir, "sw.js"), "utf8") + "\n// deploy 2\n");
    await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
    const banner = page.getByTestId("update-banner");
    await banner.waitFor({ timeout: 60000 });
    assert.match((await banner.textContent()) ?? "", /A new version of the playground is ready/);
    await page.screenshot({ path: "reports/update-banner.png" });

    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    await Promise.all([page.waitForEvent("load", { timeout: 60000 }), banner.getByRole("button", { name: "Reload" }).click()]);
    await settled(page, 90000);
    assert.equal(await page.getByTestId("update-banner").count(), 0);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: reg?.waiting ?? null, controller: navigator.serviceWorker.controller?.state, url: navigator.serviceWorker.controller?.scriptURL };
    });
    assert.deepEqual(state, { waiting: null, controller: "activated", url: firstWorker });
    assert.equal((await page.evaluate(() => (window as any).__playground.snapshot())).sources["router.ts"], ROUTE_TO_BOB);
    // The other tab still runs the older build under the new worker: its banner's Reload
    // reloads it at once (there is no waiting worker left to ask).
    const otherBanner = other.getByTestId("update-banner");
    await otherBanner.waitFor({ timeout: 60000 });
    await Promise.all([other.waitForEvent("load", { timeout: 30000 }), otherBanner.getByRole("button", { name: "Reload" }).click()]);
    await settled(other, 90000);
    assert.equal(await other.getByTestId("update-banner").count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Pyodide's files are cached the first time a Python example runs, and it runs offline afterwards", async () => {
  const t = await s.newPage({ serviceWorker: true });
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
  await editorReady(t.page);
  await t.page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const pythonRan = (page: typeof t.page) =>
    page.waitForFunction(() => {
      const snap = (window as any).__playground.snapshot();
      return snap.example === "modern-docs-router-py" && snap.settled && snap.runStatus === "ok" && snap.deliveries.length > 0;
    }, null, { timeout: 180000 });
  // Online, controlled by the worker: Pyodide's files go through it (and into its cache).
  await t.page.goto(`${s.baseUrl}#example=modern-docs-router-py`);
  await t.page.reload();
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
  await pythonRan(t.page);
  assert.ok(requestLog(s.server).some((u) => u.startsWith("/pyodide/")), "the first Python run fetched Pyodide");

  await t.context.setOffline(true);
  const served = requestLog(s.server).length;
  await t.page.reload();
  await pythonRan(t.page);
  assert.deepEqual(requestLog(s.server).slice(served).filter((u) => u !== "/sw.js"), []);
  assert.deepEqual(t.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
});
