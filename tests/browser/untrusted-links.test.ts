// The link/draft/compiler side of round two; the sandbox side is in untrusted.test.ts.
// Untrusted links, round two (issue 10, docs/security.md "Attacks tried"): each attack
// that got through once, tried again in Chromium against the production build. A link
// is code from a stranger: it must never blank the app, cost the user a draft, freeze
// the tab, or break the compiler for the rest of the session.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { openPlayground, replaceText, settled, snapshot } from "./playground.ts";
import { GOOD_ROUTER, SCENARIO } from "./hostile/helpers.ts";
import { encodeState } from "../../src/share/codec.ts";
import { lzBombData } from "../links/bombs.ts";

const s = useSession();
/** A third-party site: another origin (port) on the same machine. */
let evil: { server: Server; url: string; html: string };

before(async () => {
  evil = { server: createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(evil.html)), url: "", html: "" };
  await new Promise<void>((ok) => evil.server.listen(0, "127.0.0.1", ok));
  const addr = evil.server.address();
  evil.url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/`;
});
after(async () => {
  await new Promise((ok) => evil?.server.close(ok));
});

const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";

function link(code: string, view: { tab: string | null; user: string | null; time: number } = { tab: "router.ts", user: null, time: 0 }): string {
  return "#" + encodeState({ files: [["router.ts", code]], scenario: SCENARIO, view });
}

/** The app is up: header, editor tabs and graph are on the page. */
async function appIsUp(page: Page): Promise<void> {
  await page.getByTestId("share").waitFor({ timeout: 90000 });
  await page.getByRole("tablist", { name: "files" }).waitFor();
}

const draftIds = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("prp:draft:")).sort());

/** Five drafts the user edited two days ago (old format: no `edited` field). */
async function plantOldDrafts(page: Page): Promise<string[]> {
  return page.evaluate((state) => {
    const ids: string[] = [];
    const old = Date.now() - 2 * 24 * 3600 * 1000;
    for (let i = 0; i < 5; i++) {
      const id = `users-old-work-${i}`;
      localStorage.setItem(`prp:draft:${id}`, JSON.stringify({ id, origin: "new", created: old + i, updated: old + i, state: { ...state, files: [["router.ts", `// my work ${i}\n`]] } }));
      ids.push(`prp:draft:${id}`);
    }
    return ids;
  }, { files: [], scenario: SCENARIO, view: { tab: null, user: null, time: 0 } });
}

test("attack: a link whose view.tab is __proto__ (blanked the app for good) is refused; the app stays up, also after reload", async () => {
  const t: TestPage = await openPlayground(s);
  const before = (await snapshot(t.page)).sources;
  const bad = link(GOOD_ROUTER, { tab: "__proto__", user: null, time: 0 });
  await t.page.goto("about:blank");
  await t.page.goto(s.baseUrl + bad);
  const banner = t.page.getByTestId("link-error");
  await banner.waitFor({ timeout: 90000 });
  assert.match(await banner.innerText(), /malformed at view\.tab: names no file of the link/);
  await appIsUp(t.page);
  assert.deepEqual((await settled(t.page, 90000)).sources, before);
  await t.page.screenshot({ path: `${SHOTS}/link-error-banner.png` });
  await t.page.reload();
  await appIsUp(t.page);
  assert.deepEqual((await settled(t.page, 90000)).sources, before);
});

// Each test opens its own page: one attack's damage must not fail the next test.
test("attack: a 109 KB lz-string link (froze the tab 17 s) is refused before decompression, naming the limit", async () => {
  // Opened in a new tab straight away (a first load of the app is a cold start).
  const { page } = await s.newPage();
  await page.goto(`${s.baseUrl}#v1.z.${lzBombData(109_000)}`);
  const banner = page.getByTestId("link-error");
  await banner.waitFor({ timeout: 90000 });
  assert.match(await banner.innerText(), /over 3000 characters \(the playground's limit\)/);
  await appIsUp(page);
  assert.equal((await settled(page, 90000)).runStatus, "ok");
});

test("a panel that crashes shows which panel and the error, the rest keeps working, the crashed view is not restored, Reset view recovers", async () => {
  const { page } = await openPlayground(s);
  await replaceText(page, "router.ts", GOOD_ROUTER);
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  await page.evaluate(() => (window as any).__playground.failPanel("delivery graph"));
  const box = page.locator('[data-testid="panel-error"][data-panel="delivery graph"]');
  await box.waitFor();
  assert.match(await box.innerText(), /The delivery graph crashed/);
  assert.match(await box.getByTestId("panel-error-message").innerText(), /Error: injected test fault in the delivery graph panel/);
  await page.screenshot({ path: `${SHOTS}/panel-error.png` });
  // The rest of the app works: the editor takes an edit and the run finishes.
  const edited = GOOD_ROUTER.replace("RouteToBob", "RouteToBobAfterCrash");
  await replaceText(page, "router.ts", edited);
  assert.equal((await settled(page)).runStatus, "ok");
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  // Stored without the view that crashed: a reload opens the first file, code kept.
  await page.waitForFunction(() => {
    const id = sessionStorage.getItem("prp:tab-draft");
    const d = id && JSON.parse(localStorage.getItem("prp:draft:" + id) ?? "null");
    return d && d.state.view.tab === null && d.state.files[0][1].includes("RouteToBobAfterCrash");
  });
  await box.getByTestId("reset-view").click();
  await page.getByTestId("delivery-graph").waitFor();
  assert.equal(await page.locator('[data-testid="panel-error"]').count(), 0);
  await page.reload();
  const snap = await settled(page, 90000);
  assert.equal(snap.sources["router.ts"], edited);
  const active = await page.getByRole("tablist", { name: "files" }).locator('[role="tab"][aria-selected="true"]').innerText();
  assert.equal(active, "router.ts");

  // The whole app has a boundary too: never a blank page.
  await page.evaluate(() => (window as any).__playground.failPanel("playground"));
  const pageBox = page.locator('[data-testid="panel-error"][data-panel="playground"]');
  await pageBox.waitFor();
  await pageBox.getByTestId("reset-view").click();
  await appIsUp(page);
});

test("attack: 20,000 nested parentheses (broke the compiler until reload) give a clear message, and the next edit compiles", async () => {
  const { page } = await openPlayground(s);
  const nested = `${GOOD_ROUTER}\nexport const deep = ${"(".repeat(20000)}1${")".repeat(20000)};\n`;
  await replaceText(page, "router.ts", nested);
  const bad = await settled(page, 90000);
  assert.equal(bad.compileStatus, "error");
  await replaceText(page, "router.ts", GOOD_ROUTER);
  const good = await settled(page, 90000);
  assert.equal(good.compileStatus, "ok", JSON.stringify(good.diagnostics).slice(0, 500));
  assert.equal(good.runStatus, "ok");
  // The failed compile said what happened.
  assert.ok(bad.diagnostics.some((d) => /The compiler itself failed on this code .*restarted/.test(d.message)), JSON.stringify(bad.diagnostics).slice(0, 500));
});

test("attack: a burst of hashchanges opens one link; 31 links one by one delete none of the user's edited drafts", async () => {
  const { page } = await openPlayground(s);
  const planted = await plantOldDrafts(page);
  const before = await draftIds(page);
  // A burst: 31 links within a few ms → one new draft (the last link).
  await page.evaluate((links) => links.forEach((l) => (location.hash = l)), Array.from({ length: 31 }, (_, i) => link(`// burst ${i}\n${GOOD_ROUTER}`)));
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].startsWith("// burst 30"));
  const afterBurst = await draftIds(page);
  assert.equal(afterBurst.filter((k) => !before.includes(k)).length, 1, "one draft for the burst");
  // One by one, each opened: the store fills with link drafts, which go first.
  for (let i = 0; i < 31; i++) {
    await page.evaluate((l) => (location.hash = l), link(`// one by one ${i}\n${GOOD_ROUTER}`));
    await page.waitForFunction((n) => (window as any).__playground.snapshot().sources["router.ts"].startsWith(`// one by one ${n}\n`), i);
  }
  const after = await draftIds(page);
  for (const k of planted) assert.ok(after.includes(k), `${k} was deleted`);
  assert.ok(after.length <= 31, String(after.length));
  // Opening the same link again reuses its draft.
  await page.evaluate((l) => (location.hash = l), link(`// one by one 29\n${GOOD_ROUTER}`));
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["router.ts"].startsWith("// one by one 29\n"));
  assert.deepEqual(await draftIds(page), after);
});

test("attack: a third-party page that navigates its popup of the playground to links cannot reach it (COOP), and framing is refused outside embed mode", async () => {
  const u = await openPlayground(s);
  const planted = await plantOldDrafts(u.page);
  const before = await draftIds(u.page);
  const links = Array.from({ length: 31 }, (_, i) => s.baseUrl + link(`// popup ${i}\n${GOOD_ROUTER}`));
  evil.html = `<!doctype html><title>evil</title><body><script>
    const w = window.open(${JSON.stringify(s.baseUrl)});
    let i = 0;
    const links = ${JSON.stringify(links)};
    setTimeout(function next() {
      try { w.location.href = links[i]; } catch (e) { document.title = "blocked: " + e; }
      if (++i < links.length) setTimeout(next, 300); else document.body.dataset.done = "1";
    }, 3000);
  </script>
  <iframe id="app" src="${s.baseUrl}"></iframe>
  <iframe id="embed" src="${s.baseUrl}?embed=graph${link(GOOD_ROUTER)}" width="800" height="500"></iframe>`;
  const attacker = await u.context.newPage();
  const popup = u.context.waitForEvent("page");
  await attacker.goto(evil.url);
  const p = await popup;
  await attacker.locator("body[data-done]").waitFor({ timeout: 60000 });
  // The popup never opened any of the links: no draft holds one, and none was deleted.
  assert.ok(!p.url().includes("#"), p.url());
  const texts = await u.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("prp:draft:")).map((k) => localStorage.getItem(k) ?? ""));
  assert.ok(!texts.some((x) => x.includes("// popup")), "a link from the third-party page was opened");
  const after = await draftIds(u.page);
  for (const k of before) assert.ok(after.includes(k), `${k} was deleted`);
  for (const k of planted) assert.ok(after.includes(k));
  // Framing: the full app is refused in another site's frame; embed mode works there.
  const embed = attacker.frames().find((f) => f.url().includes("embed=graph"));
  assert.ok(embed, attacker.frames().map((f) => f.url()).join(", "));
  await embed.getByTestId("delivery-graph").waitFor({ timeout: 90000 });
  // Inside another site's page the embed is not cross-origin isolated: the watchdog
  // uses its message feed there (src/sandbox/sharedSpans.ts needs isolation).
  assert.equal(await embed.evaluate(() => crossOriginIsolated), false);
  await embed.locator('[data-testid="engine-sandbox"][data-span-feed]').waitFor({ state: "attached", timeout: 30000 });
  assert.equal(await embed.getByTestId("engine-sandbox").getAttribute("data-span-feed"), "messages");
  const app = attacker.frames().find((f) => f !== attacker.mainFrame() && !f.url().includes("embed"));
  assert.equal(await app?.locator('[data-testid="share"]').count().catch(() => 0), 0, "the full app rendered inside a third-party frame");
});
