// Isolation of untrusted module code (docs/security.md). Each hostile fixture
// (hostile/attacks.ts) tries one way out, at load time and inside a callback; the test
// asserts that (1) it fails, and the user is told so in Problems, (2) no request reached
// the test server's canary URL and the app origin's storage is unchanged, (3) the app
// keeps working: a normal edit afterwards runs. Further tests check the layers below
// the worker's lockdown directly: the sandbox frame's CSP and opaque origin, the
// MessageChannel between app and sandbox, and the app's own CSP.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useSession, type TestPage } from "./harness.ts";
import { requestLog } from "../../scripts/serve.ts";
import { allowClipboard, editorReady, pairs, replaceText, settled, snapshot } from "./playground.ts";
import { ATTACKS, hostileModule } from "./hostile/attacks.ts";
import { GOOD_ROUTER, SCENARIO, problemsText } from "./hostile/helpers.ts";

const s = useSession();
let t: TestPage;
let canary: string;

const canaryHits = () => requestLog(s.server).filter((u) => u.startsWith("/__canary"));

/** What a hostile module could have changed in the app's origin. */
async function appStorage(page: TestPage["page"]) {
  return page.evaluate(async () => ({
    marker: localStorage.getItem("security-test"),
    pwnedLocal: Object.keys(localStorage).filter((k) => k.includes("pwned")),
    pwnedSession: Object.keys(sessionStorage).filter((k) => k.includes("pwned")),
    cookie: document.cookie,
    idb: ((await indexedDB.databases?.()) ?? []).map((d) => d.name).filter((n) => n?.includes("pwned")),
    caches: (await caches.keys()).filter((k) => k.includes("pwned")),
  }));
}

before(async () => {
  t = await s.newPage();
  canary = `${s.baseUrl}__canary/`;
  await allowClipboard(t.context, s.baseUrl);
  await t.page.goto(s.baseUrl);
  await settled(t.page, 90000);
  await editorReady(t.page);
  await t.page.evaluate(() => {
    localStorage.setItem("security-test", "intact");
    document.cookie = "security-test=intact";
  });
  await replaceText(t.page, "scenario.yaml", SCENARIO);
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  await settled(t.page);
});

test("the canary detector works: a request from the app itself is recorded", async () => {
  await t.page.evaluate((u) => fetch(u).then((r) => r.text()), `${canary}control`);
  assert.deepEqual(canaryHits(), ["/__canary/control"]);
});

for (const a of ATTACKS) {
  test(`attack from module code: ${a.name} fails, is reported, and the app keeps working`, async () => {
    const before = canaryHits().length;
    await replaceText(t.page, "router.ts", hostileModule(a, canary));
    const snap = await settled(t.page);
    const problems = await problemsText(t.page);
    if (a.compileError) {
      assert.equal(snap.compileStatus, "error");
      assert.ok(snap.diagnostics.some((d) => a.expect.test(d.message)), JSON.stringify(snap.diagnostics));
      assert.match(problems, a.expect);
    } else if (a.lateFailure) {
      assert.equal(snap.compileStatus, "ok", JSON.stringify(snap.diagnostics));
      assert.match(problems, a.expect);
      assert.doesNotMatch(problems, /at load: no error/, problems);
    } else {
      assert.equal(snap.compileStatus, "ok", JSON.stringify(snap.diagnostics));
      // Reported twice: the load-time attempt (console.warn) and the callback's error.
      assert.match(problems, new RegExp(`ATTACK ${a.name.replace(/[.()$]/g, "\\$&")} at load failed: .*`), problems);
      assert.doesNotMatch(problems, /at load: no error/, problems);
      const lines = problems.split("\n").filter((l) => a.expect.test(l));
      assert.ok(lines.length >= 2, `expected ${a.expect} at load and in get_users_for_states:\n${problems}`);
      assert.ok(lines.some((l) => /get_users_for_states threw/.test(l)), problems);
    }
    assert.equal(canaryHits().length, before, `a request reached the canary: ${canaryHits().join(", ")}`);
    // No forged reply reached the app.
    assert.ok(!snap.deliveries.some((d) => d.source === "@forged:evil"));
    // The next normal edit runs.
    await replaceText(t.page, "router.ts", GOOD_ROUTER);
    const ok = await settled(t.page);
    assert.equal(ok.runStatus, "ok");
    assert.deepEqual(pairs(ok, "@alice:example.org"), ["@alice:example.org>@bob:example.org"]);
  });
}

test("after every attack: no canary request, the app's storage unchanged", async () => {
  assert.deepEqual(canaryHits(), ["/__canary/control"]);
  assert.deepEqual(await appStorage(t.page), {
    marker: "intact",
    pwnedLocal: [],
    pwnedSession: [],
    cookie: "security-test=intact",
    idb: [],
    caches: [],
  });
});

/** Plain JS (a string: tsx's keepNames would add __name calls to a serialised function). */
const FRAME_PROBE = `async function (c) {
  const out = {};
  async function attempt(name, f) {
    try {
      await f();
      out[name] = "allowed";
    } catch (e) {
      out[name] = "blocked: " + String((e && e.name) || e);
    }
  }
  await attempt("origin is opaque", () => { if (self.origin !== "null") return; throw new Error("opaque"); });
  await attempt("fetch", () => fetch(c + "frame-fetch"));
  await attempt("XMLHttpRequest", () => new Promise((ok, ko) => {
    const x = new XMLHttpRequest();
    x.onload = ok;
    x.onerror = () => ko(new Error("xhr error"));
    x.open("GET", c + "frame-xhr");
    x.send();
  }));
  await attempt("image", () => new Promise((ok, ko) => {
    const i = new Image();
    i.onload = ok;
    i.onerror = () => ko(new Error("img error"));
    i.src = c + "frame-img";
  }));
  await attempt("import()", () => import(c + "frame-import.js"));
  await attempt("localStorage", () => localStorage.getItem("security-test"));
  await attempt("document.cookie", () => document.cookie);
  await attempt("parent.document", () => parent.document.title);
  await attempt("parent.localStorage", () => parent.localStorage.getItem("security-test"));
  await attempt("top navigation", () => { top.location.href = c + "frame-top"; });
  await attempt("worker fetch", () => new Promise((ok, ko) => {
    const w = new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(c + "frame-worker") + ").then(() => postMessage('allowed'), () => postMessage('blocked'))"])));
    w.onmessage = (e) => (e.data === "allowed" ? ok(null) : ko(new Error("worker fetch failed")));
  }));
  return out;
}`;

function sandboxFrame() {
  const f = t.page.frames().find((fr) => /\/sandbox\.html(\?|$)/.test(fr.url()));
  assert.ok(f, "the sandbox frame");
  return f;
}

test("layer below the lockdown: code running in the sandbox frame itself has no network, storage or app access", async () => {
  const before = canaryHits().length;
  const frame = sandboxFrame();
  const r = (await frame.evaluate(`(${FRAME_PROBE})(${JSON.stringify(canary)})`)) as Record<string, string>;
  assert.equal(r["origin is opaque"], "blocked: Error", "the frame's origin is opaque");
  for (const [k, v] of Object.entries(r)) assert.match(v, /^blocked/, `${k}: ${v}`);
  // Let any stray request land before checking.
  await t.page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
  assert.equal(canaryHits().length, before, canaryHits().join(", "));
  assert.equal(await t.page.evaluate(() => localStorage.getItem("security-test")), "intact");
});

test("forged messages: the app ignores window messages, even from the sandbox frame, and the sandbox ignores them too", async () => {
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  const good = await settled(t.page);
  const forged = {
    version: 1,
    scenario: { servers: [], users: [], start_time: 0, end: 0 },
    events: [],
    deliveries: [{ at: 0, server: "evil", source: "@forged:evil", viewer: "@forged:evil", transport: "sync", state: "online", via: [] }],
    final: {},
    expectations: [],
    errors: [],
  };
  // From the sandbox frame (ev.source is the iframe's window, the check the app used to rely on) ...
  await sandboxFrame().evaluate((trace) => {
    parent.postMessage({ type: "sandbox-ready" }, "*");
    for (let id = 0; id < 500; id++) parent.postMessage({ type: "result", id, trace, ms: 0, warnings: [], hints: {} }, "*");
  }, forged);
  // ... from the app's own window, and into the sandbox frame pretending to be the app.
  await t.page.evaluate((trace) => {
    for (let id = 0; id < 500; id++) window.postMessage({ type: "result", id, trace, ms: 0, warnings: [], hints: {} }, "*");
    const f = document.querySelector<HTMLIFrameElement>('[data-testid="engine-sandbox"]')!;
    f.contentWindow!.postMessage({ type: "init", source: "postMessage('pwned')" }, "*", [new MessageChannel().port2]);
  }, forged);
  await t.page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
  let snap = await snapshot(t.page);
  assert.deepEqual(snap.deliveries, good.deliveries);
  // The sandbox still serves the app: the next edit runs normally.
  await replaceText(t.page, "router.ts", GOOD_ROUTER.replace("@bob:example.org\", new Set", "@alice:example.org\", new Set"));
  snap = await settled(t.page);
  assert.equal(snap.runStatus, "ok");
  assert.ok(!snap.deliveries.some((d) => d.source === "@forged:evil"));
  await replaceText(t.page, "router.ts", GOOD_ROUTER);
  await settled(t.page);
});

test("the sandbox document is sandboxed by the server too (opened on its own, its origin is opaque)", async () => {
  const res = await fetch(`${s.baseUrl}sandbox.html`);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /sandbox allow-scripts/);
  assert.match(csp, /default-src 'none'/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
});

test("the app's CSP: Monaco, esbuild-wasm, the graph and the sandbox work under it without violations, and it blocks injected scripts", async () => {
  const p = await s.newPage();
  await allowClipboard(p.context, s.baseUrl);
  await p.page.goto(s.baseUrl);
  const snap = await settled(p.page, 90000);
  await editorReady(p.page);
  assert.equal(snap.compileStatus, "ok");
  assert.equal(snap.runStatus, "ok");
  assert.ok(snap.deliveries.length > 0);
  assert.ok(Number(await p.page.getByTestId("graph").getAttribute("data-deliveries")) > 0);
  const csp = await p.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp?.includes(d), `${d} in ${csp}`);
  }
  assert.deepEqual(p.consoleErrors, [], "no CSP violations while the app works");
  // An injected inline script (what an XSS would try) does not run.
  const ran = await p.page.evaluate(() => new Promise<boolean>((ok) => {
    const el = document.createElement("script");
    el.textContent = "window.__injected = true";
    document.head.append(el);
    setTimeout(() => ok((window as any).__injected === true), 100);
  }));
  assert.equal(ran, false);
  assert.ok(p.consoleErrors.some((e) => /Content Security Policy/.test(e)), p.consoleErrors.join("\n"));
});
