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

// Issue 14 (JS before the first graph): the YAML library is not part of the code the first
// graph waits for (src/ui/lazy.ts); it is fetched once the page has settled, so the app
// still has it when the network goes away. The marker is one of the library's own error
// messages, which minification keeps. The engine worker's source (a chunk holding the
// sandbox's worker script as text, which parses scenarios itself) is not the app's code.
test("the YAML library is fetched after the first graph, not before it", async () => {
  const MARKER = "Implicit keys need to be on a single line";
  const t = await s.newPage();
  await t.page.goto(s.baseUrl);
  await t.page.waitForFunction(() => performance.getEntriesByName("graph-drawn", "mark").length > 0);
  const scripts = async (before: boolean) =>
    t.page.evaluate(
      async ({ before, marker }) => {
        const graph = performance.getEntriesByName("graph-drawn", "mark")[0]!.startTime;
        const js = performance
          .getEntriesByType("resource")
          .filter((r) => /\.js$/.test(new URL(r.name).pathname) && !new URL(r.name).pathname.includes("engine-worker") && r.startTime < graph === before);
        const withMarker: string[] = [];
        for (const r of js) if ((await (await fetch(r.name)).text()).includes(marker)) withMarker.push(new URL(r.name).pathname);
        return { all: js.length, withMarker };
      },
      { before, marker: MARKER },
    );
  const early = await scripts(true);
  assert.ok(early.all >= 1, "the app's own chunk loads before the graph");
  assert.deepEqual(early.withMarker, [], "no chunk loaded before the first graph holds the YAML library");
  // Once the page has settled (the editor's chunk, lazy.ts preloadLazies) a chunk of the
  // app's own, not a worker's script, holds the library.
  await t.page.waitForFunction(
    async (marker) => {
      for (const r of performance.getEntriesByType("resource")) {
        const path = new URL(r.name).pathname;
        if (!/\.js$/.test(path) || path.includes("engine-worker") || path.includes(".worker")) continue;
        if ((await (await fetch(r.name)).text()).includes(marker)) return true;
      }
      return false;
    },
    MARKER,
    { polling: 500, timeout: 30_000 },
  );
  assert.deepEqual(t.consoleErrors, []);
});
