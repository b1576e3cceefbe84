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
