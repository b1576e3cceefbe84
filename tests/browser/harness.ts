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
  newPage(): Promise<TestPage>;
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
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      contexts.push(context);
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
