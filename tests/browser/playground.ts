// Helpers for the playground browser tests: wait on the page's own state
// (window.__playground), replace an editor tab's text by typing, read markers.
import type { BrowserContext, Page } from "playwright-core";
import type { Session, TestPage } from "./harness.ts";
import type { MarkerInfo, PlaygroundSnapshot } from "../../src/ui/testHook.ts";

export type { MarkerInfo, PlaygroundSnapshot };

export function snapshot(page: Page): Promise<PlaygroundSnapshot> {
  return page.evaluate(() => (window as any).__playground.snapshot());
}

export function markers(page: Page, file: string): Promise<MarkerInfo[]> {
  return page.evaluate((f) => (window as any).__playground.markers(f), file);
}

/** Waits until no compile or run is in flight (and `extra` holds, evaluated in the page). */
export async function settled(page: Page, timeout = 30000): Promise<PlaygroundSnapshot> {
  await page.waitForFunction(() => (window as any).__playground?.snapshot().settled === true, null, { timeout });
  return snapshot(page);
}

export async function allowClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
}

/** Waits until the editor (Monaco) is ready. */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('[data-testid="editor"][data-editor-ready="true"]').waitFor({ timeout: 30000 });
  await page.locator(".monaco-editor .view-lines").first().waitFor();
}

/**
 * Switches to the tab and replaces its whole text as a user would: select all, paste.
 * (Typing multi-line text would go through auto-indent and auto-closing brackets.)
 * Needs the clipboard permissions: see allowClipboard.
 */
export async function replaceText(page: Page, file: string, text: string): Promise<void> {
  await page.getByRole("tab", { name: file, exact: true }).click();
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+V");
  await page.waitForFunction(
    ([f, t]) => (window as any).__playground.snapshot().sources[f!] === t,
    [file, text] as const,
    { timeout: 10000 },
  );
}

/** Deliveries as "source>viewer" strings (sorted, unique), optionally only from `source`. */
export function pairs(s: PlaygroundSnapshot, source?: string): string[] {
  return [...new Set(s.deliveries.filter((d) => !source || d.source === source).map((d) => `${d.source}>${d.viewer}`))].sort();
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}

/**
 * Puts the cursor at the start (or the end) of 1-based `line` with the keyboard, as a
 * user would (the editor focused).
 */
export async function cursorTo(page: Page, line: number, where: "start" | "end" = "start"): Promise<void> {
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press(where === "start" ? "Home" : "End");
}

/** A new page with the playground loaded, its first run settled and the editor ready. */
export async function openPlayground(s: Session): Promise<TestPage> {
  const t = await s.newPage();
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000); // cold start: esbuild-wasm and the sandbox load
  await editorReady(t.page);
  return t;
}

/** Opens an example from the gallery and waits for its run to settle. */
export async function openExample(page: Page, name: string): Promise<PlaygroundSnapshot> {
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator(`[data-testid="example-card"][data-name="${name}"]`).getByRole("button", { name: /Open example/ }).click();
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction((n) => {
    const snap = (window as any).__playground.snapshot();
    return snap.example === n && snap.settled && snap.runStatus === "ok";
  }, name, { timeout: 60000 });
  return settled(page);
}

/** Deliveries the graph draws at the snapshot's time (those with `at <= time`). */
export function deliveredBy(s: PlaygroundSnapshot): number {
  return s.deliveries.filter((d) => d.at <= (s.time ?? Infinity)).length;
}

/** Alice online, Bob and Carol syncing: with ROUTE_TO_BOB, Alice's presence reaches Bob only. */
export const ROUTE_TO_BOB_SCENARIO = `version: 1
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
    presence: { user: "@alice:example.org", state: online }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: offline }
  - at: 1s
    sync: { user: "@carol:example.org", set_presence: offline }
`;

/** A router that sends every update to @bob and lets only him see everyone (ALL_USERS). */
export const ROUTE_TO_BOB = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

const TARGET = "@bob:example.org";

export default class RouteToOne {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) =>
        new Map([[TARGET, new Set(states)]]),
      get_interested_users: async (user_id: string) =>
        user_id === TARGET ? PresenceRouter.ALL_USERS : new Set<string>(),
    });
  }
}
`;

/** Opens the header's Settings menu (callback budget, trace download, theme, editor). */
export async function openSettings(page: Page): Promise<void> {
  if (await page.getByTestId("settings").isVisible()) return;
  await page.getByTestId("settings-button").click();
  await page.getByTestId("settings").waitFor();
}

/** Settings → "Download run trace (JSON)". */
export async function clickDownloadTrace(page: Page): Promise<void> {
  await openSettings(page);
  await page.getByRole("button", { name: "Download run trace (JSON)" }).click();
}
