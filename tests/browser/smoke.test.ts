import { test } from "node:test";
import assert from "node:assert/strict";
import { useSession } from "./harness.ts";

const s = useSession();

test("the page loads with its title and no console errors", async () => {
  const t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await t.page.getByRole("heading", { name: "Presence Router Playground" }).waitFor();
  assert.deepEqual(t.consoleErrors, []);
  assert.deepEqual(t.offsiteRequests, []);
});

// Issue 14 (JS before the first graph): code the first graph does not need is not part of
// what it waits for (src/ui/lazy.ts); it is fetched once the page has settled, so the app
// still has it when the network goes away. Each marker is a string of that code's own
// (minification keeps strings). Worker scripts (the engine worker's source, Monaco's
// workers) parse scenarios themselves: they are not the app's first chunk.
const LAZY_MARKERS = [
  { what: "the YAML library", marker: "Implicit keys need to be on a single line" },
  { what: "the link codec", marker: "does not decompress; it may have been cut short" },
  { what: "the rule glossary's entries", marker: "Waking is not seeing" },
  { what: "the lessons' texts", marker: "see what Synapse does without one" },
  { what: "the other examples' texts", marker: "router sends every update to" },
];
test("the code and texts kept out of the first chunk are fetched after the first graph, not before it", async () => {
  const t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await t.page.waitForFunction(() => performance.getEntriesByName("graph-drawn", "mark").length > 0);
  /** Which markers the app's chunks hold (engine and editor workers aside), for chunks fetched before the graph or at any time. */
  const holding = (beforeGraph: boolean) =>
    t.page.evaluate(
      async ({ markers, beforeGraph }) => {
        const graph = performance.getEntriesByName("graph-drawn", "mark")[0]!.startTime;
        const js = performance.getEntriesByType("resource").filter((r) => {
          const path = new URL(r.name).pathname;
          return /\.js$/.test(path) && !path.includes("engine-worker") && !path.includes(".worker") && (!beforeGraph || r.startTime < graph);
        });
        // Each chunk is fetched (from the cache) once per page: the polls below repeat.
        const seen: Map<string, string> = ((window as any).__chunkTexts ??= new Map());
        const texts: string[] = [];
        for (const r of js) {
          if (!seen.has(r.name)) seen.set(r.name, await (await fetch(r.name)).text());
          texts.push(seen.get(r.name)!);
        }
        return { chunks: js.length, found: markers.filter((m) => texts.some((x) => x.includes(m))) };
      },
      { markers: LAZY_MARKERS.map((m) => m.marker), beforeGraph },
    );
  const early = await holding(true);
  assert.ok(early.chunks >= 1, "the app's own chunk loads before the graph");
  for (const { what, marker } of LAZY_MARKERS) assert.ok(!early.found.includes(marker), `no chunk loaded before the first graph holds ${what}`);
  // Once the page has settled (lazy.ts preloadLazies, and the editor's own chunks) app chunks hold every one.
  const deadline = Date.now() + 30_000;
  let late = await holding(false);
  while (late.found.length < LAZY_MARKERS.length && Date.now() < deadline) {
    await t.page.waitForTimeout(500);
    late = await holding(false);
  }
  for (const { what, marker } of LAZY_MARKERS) assert.ok(late.found.includes(marker), `${what} is fetched once the page has settled`);
  assert.deepEqual(t.consoleErrors, []);
});

test("the gallery opened right after the first graph loads the examples, then focuses the first card's Open button", async () => {
  const t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await t.page.waitForFunction(() => performance.getEntriesByName("graph-drawn", "mark").length > 0);
  // Before the page has settled, the examples' texts are not loaded yet (src/ui/catalog.ts).
  await t.page.getByTestId("examples-button").click();
  const dialog = t.page.getByRole("dialog", { name: "Examples" });
  await dialog.waitFor();
  await t.page.waitForFunction(() => {
    const a = document.activeElement;
    return a?.getAttribute("aria-label")?.startsWith("Open example ") === true && a.closest('[data-testid="example-card"]') === document.querySelector('[data-testid="example-card"]');
  }, null, { timeout: 30_000 });
  assert.ok((await dialog.getByTestId("example-card").count()) >= 10);
  assert.deepEqual(t.consoleErrors, []);
});

test("when the examples cannot be fetched, the gallery says so and 'try again' loads them once they can", async () => {
  const t = await s.newPage();
  let blocked = true;
  // Once unblocked, a fetch waits for the click on "try again" to have happened: the page's
  // own background load of every lazy chunk (preloadLazies) may ask for the examples at any
  // moment, and must not fill the gallery before the button is clicked.
  let clickDone = (): void => {};
  const clicked = new Promise<void>((resolve) => (clickDone = resolve));
  await t.page.route("**/assets/content-*.js", async (route) => {
    if (blocked) return route.abort("internetdisconnected");
    await clicked;
    return route.continue();
  });
  await t.page.goto(s.baseUrl);
  await t.page.waitForFunction(() => performance.getEntriesByName("graph-drawn", "mark").length > 0);
  await t.page.getByTestId("examples-button").click();
  const dialog = t.page.getByRole("dialog", { name: "Examples" });
  const failed = dialog.getByTestId("load-failed");
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.innerText(), /The examples could not be loaded/);
  assert.equal(await dialog.getByTestId("example-card").count(), 0);
  blocked = false;
  await failed.getByTestId("load-retry").click();
  clickDone();
  await dialog.getByTestId("example-card").first().waitFor({ timeout: 30_000 });
  assert.equal(await dialog.getByTestId("load-failed").count(), 0);
  assert.ok((await dialog.getByTestId("example-card").count()) >= 10);
});
