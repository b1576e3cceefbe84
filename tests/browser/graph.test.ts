// The delivery graph's decisions and layout, as a user meets them (issue 12 parts 1–2):
// routing to a user who never syncs draws a dashed "routed, not delivered: no sync" edge
// and a flag; the two-server example shows every user's label.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { cursorTo, lineOf, openExample, openPlayground, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

before(async () => {
  t = await openPlayground(s);
});

const graph = () => t.page.getByTestId("delivery-graph");

test("routing to a user with no sync draws a distinct routed-not-delivered edge and a flag", async () => {
  const page = t.page;
  // The legacy ExamplePresenceRouter's always_send_to_users.
  const before = (await openExample(page, "example-presence-router")).sources["scenario.yaml"]!;
  const line = lineOf(before, "always_send_to_users:");
  // Type the new target at the end of the list, as a user would.
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft"); // before the closing ]
  await page.keyboard.type(', "@carol:example.org"');
  await page.waitForFunction(() => /always_send_to_users: \["@presence_gobbler:example.org", "@carol:example.org"\]/.test((window as any).__playground.snapshot().sources["scenario.yaml"]), null, { timeout: 10000 });
  await settled(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-flags")?.includes("no_sync:@carol:example.org"), null, { timeout: 10000 });
  const edges = (await graph().getAttribute("data-decision-edges"))!.split(" ");
  assert.ok(edges.includes("no_sync:@alice:example.org>@carol:example.org"), edges.join("\n"));
  // Carol still receives nothing: the edge is a decision, not a delivery.
  assert.ok(!(await snapshot(page)).deliveries.some((d) => d.viewer === "@carol:example.org"));
  assert.match(await page.getByTestId("graph-flags").innerText(), /@carol:example\.org has no sync in this scenario: add a client/);
  assert.ok(await page.getByTestId("legend-no_sync").isVisible(), "the legend explains the dashed style");
});

test("the two-server example shows all four user labels", async () => {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator('[data-testid="example-card"][data-name="two-server-federation"]').getByRole("button", { name: "Open example two-server-federation" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "two-server-federation", null, { timeout: 30000 });
  await settled(page);
  const users = ["@alice:example.org", "@bob:example.org", "@carol:matrix.org", "@dan:matrix.org"];
  const yaml = (await snapshot(page)).sources["scenario.yaml"]!;
  for (const u of users) assert.ok(yaml.includes(`"${u}": {}`), `${u} is a user of the example`);
  // Sigma writes the labels it drew after its next frame, which can come after the store
  // settled: until then the attributes describe the previous example's graph (also four
  // users), so wait for this graph's labels, not for a count.
  const want = [...users].sort().join(" ");
  await page.waitForFunction((w) => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-labels") === w, want, { timeout: 10000 }).catch(() => {});
  assert.equal(await graph().getAttribute("data-labels"), want);
  assert.equal(await graph().getAttribute("data-labels-shown"), String(users.length));
});

test("a re-run whose graph is the same does not redraw it; one that changes it does", async () => {
  const page = t.page;
  const scenario = (await openExample(page, "buddy-list-router")).sources["scenario.yaml"]!;
  // Sigma's afterRender writes data-labels-shown on every frame it draws (DeliveryGraph).
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    // The whole page: a graph mounted again is counted too.
    new MutationObserver((l) => (w.__frames += l.length)).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-labels-shown"] });
  });
  const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  const runsSent = async () => Number(await page.getByTestId("engine-sandbox").getAttribute("data-runs-sent"));
  const runs = await runsSent();
  // New code that routes nothing differently: it runs, and the graph stays as drawn.
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+End");
  // Pasted in one go: typed key by key, the half-typed line would not compile, and the
  // error banners that come and go resize the graph (a legitimate redraw).
  await page.keyboard.insertText("\nexport const NOTE = 1;");
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="engine-sandbox"]')?.getAttribute("data-runs-sent")) > n, runs, { timeout: 10000 });
  await settled(page);
  await page.waitForTimeout(300); // a frame sigma scheduled would have come by now
  assert.equal(await frames(), 0);
  // A fifth user: a new node, so the graph is drawn again.
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await cursorTo(page, lineOf(scenario, '"@dave:example.org": {}'), "end");
  await page.keyboard.insertText('\n"@erin:example.org": {}'); // the editor keeps the indent
  await page.waitForFunction(() => (window as any).__playground.snapshot().sources["scenario.yaml"].includes('  "@erin:example.org": {}'), null, { timeout: 10000 });
  await settled(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="delivery-graph"]')?.getAttribute("data-nodes") === "6", null, { timeout: 10000 });
  await page.waitForFunction(() => (window as unknown as { __frames: number }).__frames > 0, null, { timeout: 10000 });
  assert.ok((await frames()) > 0);
});
