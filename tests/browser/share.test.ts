// Permalinks, drafts and embed mode end to end in Chromium against the production build:
// share → open in a fresh browser → the same trace byte for byte; broken links raise a
// banner and never touch the draft; reload restores the draft; two tabs keep their own
// edits; storage failure degrades to memory; embed mode shows the graph without editor.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { allowClipboard, clickDownloadTrace, editorReady, openExample, replaceText, settled, snapshot, ROUTE_TO_BOB } from "./playground.ts";
import { comparable } from "./shareTrace.ts";

const s = useSession();

const ROUTER = ROUTE_TO_BOB;

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
    presence: { user: "@alice:example.org", state: online, status_msg: "shared <b>not html</b>" }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: offline }
  - at: 1s
    sync: { user: "@carol:example.org", set_presence: offline }
`;


async function fresh(url = s.baseUrl): Promise<TestPage> {
  const t = await s.newPage();
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(url);
  await settled(t.page, 180000); // a cold start under load: esbuild-wasm and the sandbox
  return t;
}

/** Clicks "Download run trace (JSON)" and returns the file's text. */
async function traceJson(page: Page): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), clickDownloadTrace(page)]);
  return readFile((await dl.path())!, "utf8");
}

async function share(page: Page): Promise<string> {
  await page.getByTestId("share").click();
  const input = page.getByTestId("share-link");
  await input.waitFor();
  await page.getByTestId("share-status").filter({ hasText: "copied" }).waitFor();
  const link = await input.inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.keyboard.press("Escape");
  return link;
}

/** Waits until the autosave has stored exactly this text for the file. */
async function saved(page: Page, file: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([f, t]) => {
      const id = sessionStorage.getItem("prp:tab-draft");
      const d = id && JSON.parse(localStorage.getItem("prp:draft:" + id) ?? "null");
      const src = f === "scenario.yaml" ? d?.state.scenario : d?.state.files.find((x: [string, string]) => x[0] === f)?.[1];
      return src === t;
    },
    [file, text] as const,
    { timeout: 5000 },
  );
}

const activeTab = (page: Page) => page.getByRole("tablist", { name: "files" }).locator('[role="tab"][aria-selected="true"]').innerText();

// Pages are shared between tests where a test needs no fresh profile: a fresh page costs
// a cold start (Monaco, its TypeScript worker, esbuild-wasm), ~15 CPU-seconds.
let link = "";
/** The first test's tab: its draft holds ROUTER and SCENARIO. */
let a: TestPage;
/** The first test's second context, opened from the link. */
let b: TestPage;

test("share → open in a fresh browser context gives the identical run trace", async () => {
  a = await fresh();
  await editorReady(a.page);
  await replaceText(a.page, "router.ts", ROUTER);
  await replaceText(a.page, "scenario.yaml", SCENARIO);
  const snapA = await settled(a.page);
  assert.equal(snapA.runStatus, "ok");
  await a.page.getByRole("tab", { name: "router.ts", exact: true }).click();
  const traceA = await traceJson(a.page);
  link = await share(a.page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#v1\.[dpz]\./);
  assert.ok(Number(await a.page.getByTestId("share-length").getAttribute("data-length").catch(() => "0")) >= 0);

  b = await fresh(link);
  const snapB = await snapshot(b.page);
  assert.deepEqual(snapB.sources, snapA.sources);
  assert.equal(await activeTab(b.page), "router.ts");
  assert.equal(snapB.time, snapA.time);
  // Identical byte for byte except the wall-clock `ms` of router calls (shareTrace.ts).
  assert.equal(comparable(await traceJson(b.page)), comparable(traceA), "the traces differ");
  // The fragment is cleared: a reload restores the (new) draft, not the link.
  assert.ok(!b.page.url().includes("#"), b.page.url());
  await b.page.reload();
  const again = await settled(b.page, 90000);
  assert.deepEqual(again.sources, snapA.sources);
  assert.deepEqual(b.consoleErrors, []);
});

test("broken links show a dismissible banner and leave the draft intact", async () => {
  const page = a.page;
  const before = (await snapshot(page)).sources;
  await saved(page, "router.ts", ROUTER);
  const frag = link.slice(link.indexOf("#"));
  // Opened on a page load (the boot path), or pasted into the open tab (a same-document
  // hashchange: the page is not reloaded). Both paths go through the same openFragment.
  const cases: Array<[string, RegExp, "load" | "hashchange"]> = [
    ["#garbage!!", /not a Presence Router Playground link/, "load"],
    [frag.slice(0, Math.floor(frag.length * 0.6)), /cut|decompress|malformed|valid/, "load"],
    ["#v9.d.AAAA", /version 9/, "hashchange"],
    ["#v1.q.AAAA", /Unknown compression/, "hashchange"],
  ];
  for (const [hash, msg, how] of cases) {
    if (how === "load") {
      await page.goto("about:blank");
      await page.goto(s.baseUrl + hash);
    } else await page.evaluate((h) => (location.hash = h), hash);
    const banner = page.getByTestId("link-error");
    await banner.waitFor({ timeout: 90000 });
    assert.match(await banner.innerText(), msg, hash);
    assert.match(await banner.innerText(), /current work is unchanged/);
    const snap = await settled(page, 90000);
    assert.deepEqual(snap.sources, before, `draft replaced by ${hash}`);
    assert.ok(!page.url().includes("#"));
    await banner.getByRole("button", { name: "Dismiss" }).click();
    await banner.waitFor({ state: "detached" });
  }
  // A bad link pasted into an open tab, without dismissing the banner first.
  await page.evaluate(() => {
    location.hash = "#v1.d.%%%";
  });
  await page.getByTestId("link-error").waitFor();
  assert.deepEqual((await snapshot(page)).sources, before);
});

test("a valid link opens as a new draft; the previous one stays in Recent drafts", async () => {
  const page = a.page;
  const mine = (await snapshot(page)).sources;
  // A link to an example, made in another context (the first test's second one).
  await openExample(b.page, "buddy-list-router");
  const exampleLink = await share(b.page);
  const exampleSources = (await snapshot(b.page)).sources;
  assert.notDeepEqual(exampleSources, mine);
  await page.goto("about:blank");
  await page.goto(exampleLink);
  const opened = await settled(page, 90000);
  assert.deepEqual(opened.sources, exampleSources);
  await page.getByTestId("recent-drafts").click();
  const items = page.getByTestId("recent-drafts-menu").getByRole("menuitem");
  assert.ok((await items.count()) >= 2);
  await page.locator('[data-testid="recent-drafts-menu"] [data-current="false"]').first().click();
  await page.waitForFunction((m) => JSON.stringify((window as any).__playground.snapshot().sources) === JSON.stringify(m), mine);
  // Reload restores the draft this tab is on now.
  await page.reload();
  assert.deepEqual((await settled(page, 90000)).sources, mine);
});

test("reload restores the draft; two tabs editing at once keep their own edits", async () => {
  const t1 = await fresh();
  await editorReady(t1.page);
  const one = ROUTER.replace("RouteToOne", "TabOne");
  await replaceText(t1.page, "router.ts", one);
  await saved(t1.page, "router.ts", one);
  // A second tab in the same browser (shared localStorage) starts from a copy.
  const page2 = await t1.context.newPage();
  await page2.goto(s.baseUrl);
  await settled(page2, 90000);
  assert.equal((await snapshot(page2)).sources["router.ts"], one);
  await editorReady(page2);
  const two = ROUTER.replace("RouteToOne", "TabTwo");
  const oneLater = ROUTER.replace("RouteToOne", "TabOneLater");
  await replaceText(page2, "router.ts", two);
  await replaceText(t1.page, "router.ts", oneLater);
  await saved(page2, "router.ts", two);
  await saved(t1.page, "router.ts", oneLater);
  await t1.page.reload();
  await page2.reload();
  assert.equal((await settled(t1.page, 90000)).sources["router.ts"], oneLater);
  assert.equal((await settled(page2, 90000)).sources["router.ts"], two);
});

test("long links warn about chat clients and offer the zip", async () => {
  const t = a;
  await editorReady(t.page);
  let junk = "";
  let x = 12345;
  for (let i = 0; i < 3000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    junk += "abcdefghijklmnopqrstuvwxyz0123456789"[x % 36];
  }
  const text = `// ${junk}\n` + ROUTER;
  await replaceText(t.page, "router.ts", text);
  await t.page.keyboard.press("ControlOrMeta+Shift+S");
  await t.page.getByTestId("share-too-long").waitFor();
  assert.ok(Number(await t.page.getByTestId("share-length").getAttribute("data-length")) > 2000);
  const [dl] = await Promise.all([t.page.waitForEvent("download"), t.page.getByRole("button", { name: "Download as .zip" }).click()]);
  assert.match(dl.suggestedFilename(), /\.zip$/);
});

test("storage that refuses to work degrades to memory with one notice", async () => {
  const t = await s.newPage();
  await t.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  await t.page.goto(s.baseUrl);
  const snap = await settled(t.page, 90000);
  assert.equal(snap.runStatus, "ok");
  await t.page.getByTestId("storage-notice").waitFor();
  assert.match(await t.page.getByTestId("storage-notice").innerText(), /in memory only/);
});

test("embed mode shows the graph and timeline, no editor, and never writes drafts", async () => {
  const frag = link.slice(link.indexOf("#"));
  const t = await s.newPage();
  await t.page.goto(`${s.baseUrl}?embed=graph${frag}`);
  const snap = await settled(t.page, 90000);
  assert.equal(snap.runStatus, "ok");
  assert.equal(snap.sources["router.ts"], ROUTER);
  await t.page.getByTestId("delivery-graph").waitFor();
  assert.ok(Number(await t.page.getByTestId("delivery-graph").getAttribute("data-deliveries")) > 0);
  await t.page.getByTestId("timeline").first().waitFor();
  assert.equal(await t.page.locator('[data-testid="editor"]').count(), 0);
  assert.equal(await t.page.getByRole("tablist", { name: "files" }).count(), 0);
  const open = t.page.getByTestId("open-in-playground");
  assert.equal(await open.getAttribute("target"), "_blank");
  await t.page.waitForFunction(() => document.querySelector('[data-testid="open-in-playground"]')?.getAttribute("href")?.includes("#v1."));
  const href = (await open.getAttribute("href"))!;
  assert.ok(!href.includes("embed"), href);
  const keys = await t.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("prp:draft:")));
  assert.deepEqual(keys, []);
  // The same state as the full app: open it there.
  const full = await fresh(href);
  assert.equal((await snapshot(full.page)).sources["router.ts"], ROUTER);

  const e = await s.newPage();
  await e.page.goto(`${s.baseUrl}?embed=editor`);
  await settled(e.page, 90000);
  await e.page.getByTestId("delivery-graph").waitFor();
  await e.page.getByRole("tablist", { name: "files" }).waitFor();
});
