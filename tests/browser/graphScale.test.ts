// Issue 12 part 2 in the browser: a 2,000-user world shows a progress bar while it runs
// (issue 14 part 4), then is drawn as labelled groups, its
// layout comes from the layout worker, a click on a group shows that group's users (the
// others stay grouped), "Collapse all" closes it, and the fit button re-frames the graph.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { docShot, useSession, type TestPage } from "./harness.ts";
import { settled } from "./playground.ts";
import { graphWorld, TEAM_ROUTER, WORLD_2000 } from "../../bench/graph-worlds.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await s.newPage();
  await t.page.goto(s.baseUrl + "?bench");
  await settled(t.page, 120000);
});

const attr = (name: string) => t.page.getByTestId("delivery-graph").getAttribute(name);

test("a 2,000-user world shows groups; clicking one shows its users; collapse all; fit", async () => {
  const page = t.page;
  // The run's progress bar: every value it shows, as the header's status says it.
  await page.evaluate(() => {
    const seen: string[] = ((window as any).__progressSeen = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="run-progress"]');
      const v = bar?.getAttribute("aria-valuenow");
      if (v && seen.at(-1) !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
  await page.evaluate(([r, sc]) => (window as any).__bench.load({ "router.ts": r }, sc), [TEAM_ROUTER, graphWorld(WORLD_2000)] as const);
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "bench", null, { timeout: 30000 });
  await page.getByTestId("run-progress").waitFor({ timeout: 60000 });
  assert.match((await page.getByTestId("status").textContent()) ?? "", /running… \d+ %/);
  await page.waitForFunction(() => {
    const s = (window as any).__playground.snapshot();
    return s.settled && s.runStatus === "ok";
  }, null, { timeout: 300000 });
  const seen = (await page.evaluate(() => (window as any).__progressSeen as string[])).map(Number);
  assert.ok(seen.length >= 2, `the bar moved during the run: ${seen.join(", ")}`);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! > seen[i - 1]!, `it only rises: ${seen.join(", ")}`);
  assert.equal(await page.getByTestId("run-progress").count(), 0, "no bar once the run is done");
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-groups") !== "", null, { timeout: 30000 });
  assert.equal(await attr("data-groups"), "hs0.example=500 hs1.example=500 hs2.example=500 hs3.example=500");
  assert.equal(await attr("data-nodes"), "8", "4 hubs and 4 groups");
  assert.match(await page.getByTestId("graph-groups").innerText(), /2,000 users, grouped: click a group/);
  // The force layout answers from the worker (never computed on the page's thread).
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-layout") === "force", null, { timeout: 300000 });
  assert.ok(t.consoleErrors.length === 0, t.consoleErrors.join("\n"));

  // A code edit that changes no delivery runs again and keeps the force layout on screen:
  // no frame in the cluster layout first, no redraw at all (layoutClient answeredLayoutOf).
  // (The force layout's own frame first: two animation frames.)
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    new MutationObserver((l) => (w.__frames += l.length)).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-labels-shown"] });
  });
  const runs = Number(await page.getByTestId("engine-sandbox").getAttribute("data-runs-sent"));
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\nexport const NOTE = 1;");
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="engine-sandbox"]')?.getAttribute("data-runs-sent")) > n, runs, { timeout: 10000 });
  await page.waitForFunction(() => {
    const s = (window as any).__playground.snapshot();
    return s.settled && s.runStatus === "ok";
  }, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as { __frames: number }).__frames), 0);
  assert.equal(await attr("data-layout"), "force");

  const at = await page.evaluate(() => (window as any).__playground.graphNodeAt("grp:hs1.example"));
  assert.ok(at, "the group is drawn");
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-drill") === "hs1.example", null, { timeout: 10000 });
  assert.equal(await attr("data-groups"), "hs0.example=500 hs2.example=500 hs3.example=500", "the other groups stay grouped");
  assert.equal(await attr("data-nodes"), String(4 + 3 + 500));
  const user = await page.evaluate(() => (window as any).__playground.graphNodeAt("@u1:hs1.example"));
  assert.ok(user, "a user of the opened group is drawn");

  // Opening a group zoomed onto it; fit shows the whole graph, zoom in, fit again.
  const ratio = () => page.evaluate(() => (window as any).__playground.graphCamera().ratio as number);
  await page.waitForFunction(() => (window as any).__playground.graphCamera().ratio < 0.5, null, { timeout: 5000 });
  const fit = async () => {
    await page.getByRole("button", { name: "Fit" }).click();
    await page.waitForFunction(() => Math.abs((window as any).__playground.graphCamera().ratio - 1) < 1e-6, null, { timeout: 5000 });
    assert.equal(await ratio(), 1);
  };
  await fit();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.waitForFunction(() => (window as any).__playground.graphCamera().ratio < 0.99, null, { timeout: 5000 });
  await fit();

  await page.getByRole("button", { name: "Collapse all" }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-drill") === "", null, { timeout: 10000 });
  assert.equal(await attr("data-groups"), "hs0.example=500 hs1.example=500 hs2.example=500 hs3.example=500");
});

test("the 10,000-user example opens from the gallery, shows its progress while it runs, and draws 20 server groups", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  const card = dialog.locator('[data-testid="example-card"][data-name="scale-10k-users"]');
  assert.match(await card.getByTestId("example-size").innerText(), /10,000 users on 20 servers/);
  await card.getByRole("button", { name: "Open example scale-10k-users" }).click();
  await dialog.waitFor({ state: "detached" });
  // Before its first trace, the graph says how far the run is.
  await page.waitForFunction(() => /Running… \d+ % of the simulated time/.test(document.querySelector('[data-testid="graph-empty"]')?.textContent ?? ""), null, { timeout: 60000 });
  await page.getByTestId("run-progress").waitFor({ timeout: 10000 });
  await page.waitForFunction(() => {
    const s = (window as any).__playground.snapshot();
    return s.example === "scale-10k-users" && s.settled && s.runStatus === "ok";
  }, null, { timeout: 300000, polling: 1000 });
  const groups = Array.from({ length: 20 }, (_, i) => `hs${i}.example=500`).join(" ");
  await page.waitForFunction((g) => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-groups") === g, groups, { timeout: 30000 });
  assert.equal(await attr("data-nodes"), "40", "20 hubs and 20 groups");
  assert.match(await page.getByTestId("graph-groups").innerText(), /10,000 users, grouped/);
  assert.equal(await page.getByTestId("graph-empty").count(), 0);
  assert.equal(await page.evaluate(() => (window as any).__playground.snapshot().runFailure), null);
  await docShot(page, "scale-example.png");
  // Its full link is long (the 1.1 MB scenario); unchanged, the example's direct link is offered.
  await page.getByTestId("share").click();
  await page.getByTestId("share-too-long").waitFor({ timeout: 10000 });
  assert.ok(Number(await page.getByTestId("share-length").getAttribute("data-length")) > 100_000);
  assert.match(await page.getByTestId("share-example-link").inputValue(), /^http:\/\/[^#]+#example=scale-10k-users$/);
  await page.keyboard.press("Escape");
  assert.ok(t.consoleErrors.length === 0, t.consoleErrors.join("\n"));
});
