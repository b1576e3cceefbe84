// Shared setup for browser tests: serve dist/ on 127.0.0.1, drive Debian's Chromium with
// playwright-core, and record console errors and any request that leaves 127.0.0.1.
import { before, after } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Server } from "node:http";
import { serveDist } from "../../scripts/serve.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
/**
 * The tests' Chromium (benches use CHROMIUM_ARGS: they measure what users get).
 * WebAssembly at V8's baseline tier only (Liftoff): every page load compiles esbuild's
 * 14 MB wasm, and V8's optimizing tier then spent ~7 CPU-seconds a page recompiling it
 * in the background (40 % of a page load), for the few compiles a test makes. The tier
 * changes speed, not behaviour (docs/ci-time.md).
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--js-flags=--liftoff-only"];

export interface Session {
  browser: Browser;
  baseUrl: string;
  server: Server;
  /**
   * A page in a new context (1400×900 unless `viewport`). The first-visit card is marked
   * seen (it would cover part of the page) unless `firstVisit` is true. The app's service
   * worker (src/sw/sw.ts) is blocked unless `serviceWorker` is true: its install fetches
   * the whole build once the editor is up, CPU a test of something else should not share
   * (tests/browser/offline.test.ts tests it; TEST_SERVICE_WORKER=1 allows it everywhere).
   */
  newPage(opts?: { firstVisit?: boolean; viewport?: { width: number; height: number }; isMobile?: boolean; serviceWorker?: boolean }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  offsiteRequests: string[];
}

export async function startSession(): Promise<Session> {
  const { url, server } = await serveDist(process.env.DIST_DIR ?? "dist");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: TEST_CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    baseUrl: url,
    server,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        viewport: opts.viewport ?? { width: 1400, height: 900 },
        // TEST_SERVICE_WORKER=1: every page with the worker, as users get it (a manual check).
        serviceWorkers: opts.serviceWorker || process.env.TEST_SERVICE_WORKER === "1" ? "allow" : "block",
        ...(opts.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      if (!opts.firstVisit) await context.addInitScript(() => {
          try {
            localStorage.setItem("prp.firstVisitSeen.v1", "1");
          } catch {
            // opaque-origin frames (the engine sandbox) have no storage
          }
        });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const offsiteRequests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
      page.on("pageerror", (e) => consoleErrors.push(String(e)));
      context.on("request", (r) => {
        const u = r.url();
        if (!/^(https?:\/\/127\.0\.0\.1[:/]|blob:|data:|about:)/.test(u)) offsiteRequests.push(u);
      });
      return { page, context, consoleErrors, offsiteRequests };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * The file's session: started before its first test (or by the first page a `before` hook
 * asks for: node:test runs top-level hooks as they are registered, not one after another)
 * and closed after its last. Use it at the top level of a test file.
 */
export function useSession(): Session {
  let current: Session | undefined;
  let started: Promise<Session> | undefined;
  const start = (): Promise<Session> => (started ??= startSession().then((s) => (current = s)));
  const need = (): Session => {
    if (!current) throw new Error("the browser session is not started yet: await a page first");
    return current;
  };
  before(async () => {
    await start();
  });
  after(async () => {
    if (started) await (await started).close();
  });
  return {
    get browser() {
      return need().browser;
    },
    get baseUrl() {
      return need().baseUrl;
    },
    get server() {
      return need().server;
    },
    newPage: async (opts) => (await start()).newPage(opts),
    close: async () => (await start()).close(),
  };
}

/**
 * A screenshot for the docs (README links them): written to `$SCREENSHOT_DIR/<name>` only
 * when SCREENSHOT_DIR is set (`SCREENSHOT_DIR=docs npm run test:browser` refreshes them),
 * so a plain test run leaves the working tree as it was.
 */
export async function docShot(page: { screenshot(o: { path: string; clip?: { x: number; y: number; width: number; height: number } }): Promise<unknown> }, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}`, ...(clip && { clip }) });
}
