import { startSession } from "./tests/browser/harness.ts";
import { openPlayground, replaceText, settled, snapshot } from "./tests/browser/playground.ts";
const s = await startSession();
try {
  const t = await openPlayground(s);
  const page = t.page;
  const g = page.getByTestId("graph");
  await page.waitForTimeout(800);
  await g.screenshot({ path: "/tmp/g-default.png" });
  const snap = await snapshot(page);
  const yaml = snap.sources["scenario.yaml"]!.replace('always_send_to_users: ["@presence_gobbler:example.org"]', 'always_send_to_users: ["@presence_gobbler:example.org", "@carol:example.org", "@zed:example.org"]');
  await replaceText(page, "scenario.yaml", yaml);
  await settled(page);
  await page.waitForTimeout(800);
  await g.screenshot({ path: "/tmp/g-carol.png" });
  console.log(await page.getByTestId("delivery-graph").getAttribute("data-flags"), await page.getByTestId("delivery-graph").getAttribute("data-decisions"));
  console.log(t.consoleErrors.join("\n"));
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator('[data-testid="example-card"][data-name="two-server-federation"]').getByRole("button", { name: "Open example two-server-federation" }).click();
  await dialog.waitFor({ state: "detached" });
  await settled(page);
  await page.waitForTimeout(800);
  await g.screenshot({ path: "/tmp/g-two.png" });
} finally {
  await s.close();
}
