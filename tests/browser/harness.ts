// Shared setup for browser tests: serve dist/ on 127.0.0.1, drive Debian's Chromium with
// playwright-core, and record console errors and any request that leaves 127.0.0.1.
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

export interface Session {
  browser: Browser;
  baseUrl: string;
  server: Server;
  /**
   * A page in a new context (1400×900 unless `viewport`). The first-visit card is marked
   * seen (it would cover part of the page) unless `firstVisit` is true.
   */
  newPage(opts?: { firstVisit?: boolean; viewport?: { width: number; height: number }; isMobile?: boolean }): Promise<TestPage>;
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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    baseUrl: url,
    server,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        viewport: opts.viewport ?? { width: 1400, height: 900 },
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
