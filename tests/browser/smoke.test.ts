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
];
for (const { what, marker } of LAZY_MARKERS) {
  test(`${what} is fetched after the first graph, not before it`, async () => {
    const t = await s.newPage();
    await t.page.goto(s.baseUrl);
    await t.page.waitForFunction(() => performance.getEntriesByName("graph-drawn", "mark").length > 0);
    const early = await t.page.evaluate(
      async (marker) => {
        const graph = performance.getEntriesByName("graph-drawn", "mark")[0]!.startTime;
        const js = performance.getEntriesByType("resource").filter((r) => {
          const path = new URL(r.name).pathname;
          return /\.js$/.test(path) && !path.includes("engine-worker") && !path.includes(".worker") && r.startTime < graph;
        });
        const withMarker: string[] = [];
        for (const r of js) if ((await (await fetch(r.name)).text()).includes(marker)) withMarker.push(new URL(r.name).pathname);
        return { all: js.length, withMarker };
      },
      marker,
    );
    assert.ok(early.all >= 1, "the app's own chunk loads before the graph");
    assert.deepEqual(early.withMarker, [], `no chunk loaded before the first graph holds ${what}`);
    // Once the page has settled (lazy.ts preloadLazies, and the editor's own chunks) an app chunk holds it.
    await t.page.waitForFunction(
      async (marker) => {
        for (const r of performance.getEntriesByType("resource")) {
          const path = new URL(r.name).pathname;
          if (!/\.js$/.test(path) || path.includes("engine-worker") || path.includes(".worker")) continue;
          if ((await (await fetch(r.name)).text()).includes(marker)) return true;
        }
        return false;
      },
      marker,
      { polling: 500, timeout: 30_000 },
    );
    assert.deepEqual(t.consoleErrors, []);
  });
}
