// HTTP caching of the build's files (scripts/headers.ts, issue 14): files whose names
// carry Vite's content hash are kept for good, so a second visit reads esbuild's wasm
// from the HTTP cache and Chrome reuses the wasm code V8 optimised on the first visit
// (it keeps that code only for a cacheable `application/wasm` response compiled by
// streaming, src/worker/compile.worker.ts). Names that stay across builds are not cached.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import { assetHeaders } from "../../scripts/headers.ts";
import { serveDist } from "../../scripts/serve.ts";

const IMMUTABLE = { "cache-control": "public, max-age=31536000, immutable" };
const REVALIDATE = { "cache-control": "no-cache" };

describe("assetHeaders", () => {
  it("caches files Vite named with an 8-character content hash for good (the esbuild wasm, chunks, fonts)", () => {
    expect(assetHeaders("/assets/esbuild-BaXVPFT2.wasm")).toEqual(IMMUTABLE);
    expect(assetHeaders("/assets/editor.api-BGK5xfHW.js")).toEqual(IMMUTABLE);
    expect(assetHeaders("/assets/_virtual_engine-worker-BTsn77D-.js")).toEqual(IMMUTABLE); // a hash may end in "-"
    expect(assetHeaders("/assets/codicon-DF1abBS2.ttf")).toEqual(IMMUTABLE);
  });

  it("does not cache an /assets/ file without an 8-character hash, nor one outside /assets/ or in a subfolder", () => {
    expect(assetHeaders("/assets/esbuild-BaXVPFT.wasm")).toEqual({}); // 7 characters: not Vite's hash
    expect(assetHeaders("/assets/esbuild-BaXVPFT2x.wasm")).toEqual({}); // 9
    expect(assetHeaders("/assets/esbuild.wasm")).toEqual({});
    expect(assetHeaders("/assets/x/esbuild-BaXVPFT2.wasm")).toEqual({});
    expect(assetHeaders("/esbuild-BaXVPFT2.wasm")).toEqual({});
    expect(assetHeaders("/node_modules/esbuild-wasm/esbuild.wasm")).toEqual({}); // the dev server's URL
  });

  it("revalidates the pages and the service worker's script, whose names stay across builds", () => {
    expect(assetHeaders("/")).toEqual(REVALIDATE);
    expect(assetHeaders("/index.html")).toEqual(REVALIDATE);
    expect(assetHeaders("/sandbox.html")).toEqual(REVALIDATE);
    expect(assetHeaders("/sw.js")).toEqual(REVALIDATE);
    expect(assetHeaders("/assets/sw.js")).toEqual({});
    expect(assetHeaders("/sw.json")).toEqual({});
  });

  it("matches whole paths only: the same names under another folder or with a suffix are not cached", () => {
    expect(assetHeaders("/x/pyodide/314.0.7/pyodide.asm.wasm")).toEqual({});
    expect(assetHeaders("/x/assets/esbuild-BaXVPFT2.wasm")).toEqual({});
    expect(assetHeaders("/assets/esbuild-BaXVPFT2.wasm.gz")).toEqual({}); // a precompressed copy, never asked for by name
    expect(assetHeaders("/sandbox.html", "?a=1&?v=0123456789abcdef")).toEqual(REVALIDATE);
  });

  it("caches the sandbox document for good only under its 16-digit content hash (offline engine)", () => {
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcdef")).toEqual(IMMUTABLE);
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcde")).toEqual(REVALIDATE); // 15 digits
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcdef0")).toEqual(REVALIDATE); // 17
    expect(assetHeaders("/sandbox.html", "?v=0123456789ABCDEF")).toEqual(REVALIDATE); // not lower-case hex
    expect(assetHeaders("/sandbox.html", "?v=dev")).toEqual(REVALIDATE);
    expect(assetHeaders("/sandbox.html", "?x=0123456789abcdef")).toEqual(REVALIDATE);
    expect(assetHeaders("/x/sandbox.html", "?v=0123456789abcdef")).toEqual(REVALIDATE);
  });
});

describe("serveDist", () => {
  let dir: string;
  let served: { url: string; server: Server };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "caching-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html>");
    writeFileSync(join(dir, "sandbox.html"), "<!doctype html>");
    writeFileSync(join(dir, "assets", "esbuild-BaXVPFT2.wasm"), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    served = await serveDist(dir);
  });
  afterAll(async () => {
    await new Promise((ok) => served.server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends esbuild's hashed wasm as application/wasm (what compileStreaming needs), cacheable for good", async () => {
    const r = await fetch(new URL("assets/esbuild-BaXVPFT2.wasm", served.url));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/wasm");
    expect(r.headers.get("cache-control")).toBe(IMMUTABLE["cache-control"]);
  });

  it("sends the page to be revalidated on every load", async () => {
    const r = await fetch(served.url);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("no-cache");
  });

  it("sends the sandbox document cacheable for good only as the app opens it, under its content hash", async () => {
    const hashed = await fetch(new URL("sandbox.html?v=0123456789abcdef", served.url));
    expect(hashed.headers.get("cache-control")).toBe(IMMUTABLE["cache-control"]);
    expect(hashed.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts;/);
    const bare = await fetch(new URL("sandbox.html", served.url));
    expect(bare.headers.get("cache-control")).toBe("no-cache");
  });
});
