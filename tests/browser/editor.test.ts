// The editor helps you write, in Chromium against the production build, typed with the
// keyboard as a user does: Ctrl+Space lists the `synapse` API, the router snippets
// insert, a TypeScript error shows in Problems and a click there moves the cursor, and
// after another example or lesson opens, hover and diagnostics describe the new file.
// One page, reused across tests in order.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useSession, type TestPage } from "./harness.ts";
import { lineOf, markers, openPlayground, replaceText, settled, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

const PROBE = `import type { ModuleApi } from "synapse";

export default class Probe {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async () => new Map(),
      get_interested_users: async () => new Set<string>(),
    });
  }
}
`;

before(async () => {
  t = await openPlayground(s);
});

/** Puts the cursor at the end of 1-based `line` with the keyboard. */
async function cursorToEndOf(page: Page, line: number): Promise<void> {
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
}

/** Ctrl+Space and the labels of the completion list once it shows `expected`. */
async function suggest(page: Page, expected: string): Promise<string[]> {
  await page.keyboard.press("Control+Space");
  const rows = page.locator(".suggest-widget .monaco-list-row");
  await rows.filter({ hasText: expected }).first().waitFor({ timeout: 15000 });
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent ?? ""));
}

test("api. + Ctrl+Space lists the ModuleApi members, with their docs; no router snippets after a dot", async () => {
  const page = t.page;
  await replaceText(page, "router.ts", PROBE);
  await cursorToEndOf(page, lineOf(PROBE, "register_presence_router_callbacks") - 1);
  await page.keyboard.press("Enter");
  await page.keyboard.type("api.");
  await page.keyboard.press("Escape"); // the list may open on "." by itself: close it, then ask
  const labels = await suggest(page, "send_local_online_presence_to");
  assert.ok(labels.some((l) => l.includes("send_local_online_presence_to")), labels.join("\n"));
  assert.ok(labels.some((l) => l.includes("register_presence_router_callbacks")), labels.join("\n"));
  assert.ok(!labels.some((l) => l.startsWith("presence_router_")), `no snippets after a dot:\n${labels.join("\n")}`);
  await page.screenshot({ path: "/tmp/editor-completion.png", clip: { x: 0, y: 0, width: 1000, height: 520 } });
  await page.keyboard.press("Escape");
});

test("the modern-module snippet is offered at the top level of a .ts file and inserts a registering module", async () => {
  const page = t.page;
  await replaceText(page, "router.ts", "\n");
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("presence_router_mod");
  const labels = await suggest(page, "presence_router_module");
  assert.ok(labels.some((l) => l.includes("presence_router_legacy")) === false, "the legacy snippet is filtered out by the typed prefix");
  await page.locator(".suggest-widget .monaco-list-row", { hasText: "presence_router_module" }).first().click();
  await page.keyboard.press("Escape"); // leave snippet mode
  await page.waitForFunction(() => /register_presence_router_callbacks\(\{/.test((window as any).__playground.snapshot().sources["router.ts"]), null, { timeout: 10000 });
  const code = (await snapshot(page)).sources["router.ts"]!;
  assert.match(code, /^import \{ PresenceRouter, type ModuleApi, type UserPresenceState \} from "synapse";/);
  assert.match(code, /export default class MyRouterModule \{\n  constructor\(config: Record<string, unknown>, api: ModuleApi\) \{/);
  assert.ok(!code.includes("presence_router_mod"), "the typed prefix is replaced");
  assert.ok(!/\$\{?\d/.test(code), "no snippet placeholders left");
  const snap = await settled(page);
  assert.equal(snap.compileStatus, "ok");
});

test("the legacy-class snippet inserts parse_config, the (config, api) constructor and both methods", async () => {
  const page = t.page;
  await replaceText(page, "router.ts", "\n");
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("presence_router_leg");
  await suggest(page, "presence_router_legacy");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => /get_interested_users\(user_id/.test((window as any).__playground.snapshot().sources["router.ts"]), null, { timeout: 10000 });
  const code = (await snapshot(page)).sources["router.ts"]!;
  for (const part of ["static parse_config(config: Record<string, unknown>): RouterConfig", "private readonly api: ModuleApi", "async get_users_for_states(", "async get_interested_users(user_id: string)"]) {
    assert.ok(code.includes(part), `${part} in\n${code}`);
  }
  assert.ok(!code.includes("register_presence_router_callbacks"), "a legacy class does not register (R57)");
});

test("a TypeScript error is listed once in Problems with file:line:col; a click moves the cursor to its line", async () => {
  const page = t.page;
  const code = PROBE.replace("export default class", 'const count: number = "three";\n\nexport default class');
  await replaceText(page, "router.ts", code);
  const line = lineOf(code, "const count");
  await page.getByRole("tab", { name: /^Problems/ }).click();
  const item = page.locator('[data-testid="problems"] li', { hasText: "not assignable to type 'number'" });
  await item.first().waitFor({ timeout: 30000 });
  assert.equal(await item.count(), 1, "listed once");
  const text = await item.innerText();
  assert.match(text, /typescript/);
  assert.ok(text.includes(`router.ts:${line}:7`), text);
  await page.keyboard.press("ControlOrMeta+End"); // move the cursor away first
  await item.getByRole("button").click();
  const cursor = await page.evaluate(() => (window as any).__playground.cursor());
  assert.deepEqual(cursor, { file: "router.ts", line, column: 7 });
  await page.screenshot({ path: "/tmp/editor-problems.png" });
});

/** Hovers the first `word` in the editor and returns the hover's text once it names `expect`. */
async function hoverText(page: Page, word: string, expect: string | RegExp): Promise<string> {
  await page.mouse.move(0, 0);
  await page.locator(".view-lines span", { hasText: new RegExp(`^${word}$`) }).first().hover();
  const hover = page.locator(".monaco-hover", { hasText: expect });
  await hover.first().waitFor({ timeout: 15000 });
  return hover.first().innerText();
}

test("after a lesson opens, hover and TypeScript diagnostics describe the new file, not the old one", async () => {
  const page = t.page;
  // An example opened and left unedited, its class hovered: the TypeScript worker has read
  // router.ts at its model's first version. When models were disposed and recreated under
  // the same URI, the lesson's new model had that same version, so the worker kept the
  // example's text: this hover then showed the example's class.
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator('[data-testid="example-card"][data-name="gobbler-modern"]').getByRole("button", { name: /Open example/ }).click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "gobbler-modern", null, { timeout: 30000 });
  await page.getByRole("tab", { name: "router.ts", exact: true }).click();
  assert.match(await hoverText(page, "PresenceRouterTestModule", "PresenceRouterTestModule"), /class PresenceRouterTestModule/);
  await page.getByTestId("learn-button").click();
  await page.locator('[data-testid="course-lesson"][data-id="01-shared-rooms"]').click();
  await page.waitForFunction(() => (window as any).__playground.snapshot().example === "lesson:01-shared-rooms", null, { timeout: 30000 });
  await page.getByTestId("learn-button").click(); // close the panel again
  // Lesson 1's starter registers only one callback: TypeScript says so (no reload needed).
  await page.waitForFunction(
    () => (window as any).__playground.markers("router.ts").some((m: any) => m.owner === "typescript" && /get_users_for_states/.test(m.message)),
    null,
    { timeout: 30000 },
  );
  const ts = (await markers(page, "router.ts")).filter((m) => m.owner === "typescript");
  assert.ok(!ts.some((m) => m.message.includes("not assignable to type 'number'")), JSON.stringify(ts));
  const problems = await page.locator('[data-testid="problems"] li').allInnerTexts();
  assert.ok(problems.some((p) => /get_users_for_states/.test(p)), problems.join("\n"));
  assert.ok(!problems.some((p) => p.includes("not assignable to type 'number'")), problems.join("\n"));
  // Hover on the class name shows the lesson's class.
  assert.match(await hoverText(page, "DoNothingRouter", "DoNothingRouter"), /class DoNothingRouter/);
  assert.deepEqual(t.consoleErrors, []);
});

const SCENARIO = `servers:
  example.org: {}
users:
  "@alice:example.org": {}
  "@bob:example.org": {}
rooms:
  "!team:example.org": ["@alice:example.org", "@bob:example.org"]
steps:
  - at: 0s
    presence:
      user: "@alice:example.org"
      state: online`;

test("scenario.yaml: a key typed with a typo is underlined once, with the schema's suggestion", async () => {
  const page = t.page;
  await replaceText(page, "scenario.yaml", SCENARIO);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter"); // auto-indent keeps the presence fields' column
  await page.keyboard.type("stauts_msg: hi");
  await page.waitForFunction(
    () => (window as any).__playground.markers("scenario.yaml").some((m: any) => m.owner === "yaml" && /stauts_msg/.test(m.message)),
    null,
    { timeout: 30000 },
  );
  await settled(page);
  const all = await markers(page, "scenario.yaml");
  const typo = all.filter((m) => m.message.includes("stauts_msg"));
  assert.deepEqual(
    typo.map((m) => [m.owner, m.message, m.line, m.column]),
    [["yaml", 'unknown key "stauts_msg"; did you mean status_msg?', 13, 7]],
    "one underline, on the key, with the suggestion",
  );
  // The parser found the same error (listed in Problems), so the run reports it too.
  await page.getByRole("tab", { name: /^Problems/ }).click();
  const problems = await page.locator('[data-testid="problems"] li').allInnerTexts();
  assert.ok(problems.some((p) => p.includes('unknown key "stauts_msg"') && p.includes("did you mean status_msg?")), problems.join("\n"));
});

test("scenario.yaml: Ctrl+Space after user: offers the scenario's own user ids, and one is inserted", async () => {
  const page = t.page;
  await replaceText(page, "scenario.yaml", `${SCENARIO}\n  - at: 1s\n    sync:\n      user: `);
  await page.keyboard.press("ControlOrMeta+End");
  const labels = await suggest(page, "@bob:example.org");
  assert.ok(labels.some((l) => l.includes("@alice:example.org")), labels.join("\n"));
  assert.ok(labels.some((l) => l.includes("@bob:example.org")), labels.join("\n"));
  await page.screenshot({ path: "/tmp/yaml-completion.png", clip: { x: 0, y: 0, width: 1000, height: 560 } });
  await page.locator(".suggest-widget .monaco-list-row", { hasText: "@bob:example.org" }).first().click();
  await page.waitForFunction(() => /user: "?@bob:example\.org"?\s*$/.test((window as any).__playground.snapshot().sources["scenario.yaml"]), null, { timeout: 10000 });
  const snap = await settled(page);
  assert.deepEqual(snap.scenarioIssues.filter((i) => i.severity === "error"), []);
});
