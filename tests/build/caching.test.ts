// HTTP caching of the build's files (scripts/headers.ts): hashed files for good, the
// pages and the service worker script revalidated on every load.
import { describe, expect, it } from "vitest";
import { assetHeaders } from "../../scripts/headers.ts";

const IMMUTABLE = { "cache-control": "public, max-age=31536000, immutable" };
const REVALIDATE = { "cache-control": "no-cache" };

describe("assetHeaders", () => {
  it("caches files Vite named with a content hash for good (the esbuild wasm, chunks, fonts)", () => {
    expect(assetHeaders("/assets/esbuild-BaXVPFT2.wasm")).toEqual(IMMUTABLE);
    expect(assetHeaders("/assets/editor.api-BWVWEx8S.js")).toEqual(IMMUTABLE);
    expect(assetHeaders("/assets/_virtual_engine-worker-BBQMoAdt.js")).toEqual(IMMUTABLE);
    expect(assetHeaders("/assets/codicon-DF1abBS2.ttf")).toEqual(IMMUTABLE);
  });

  it("does not cache an /assets/ file without an 8-character hash, nor one in a subfolder", () => {
    expect(assetHeaders("/assets/index-abc1234.js")).toEqual({}); // 7 characters: not Vite's hash
    expect(assetHeaders("/assets/index.js")).toEqual({});
    expect(assetHeaders("/assets/x/index-BWVWEx8S.js")).toEqual({});
    expect(assetHeaders("/esbuild-BaXVPFT2.wasm")).toEqual({});
  });

  it("caches the sandbox document for good only under its 16-digit content hash", () => {
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcdef")).toEqual(IMMUTABLE);
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcde")).toEqual(REVALIDATE); // 15 digits
    expect(assetHeaders("/sandbox.html", "?v=0123456789abcdef0")).toEqual(REVALIDATE); // 17
    expect(assetHeaders("/sandbox.html", "?v=dev")).toEqual(REVALIDATE);
    expect(assetHeaders("/x/sandbox.html", "?v=0123456789abcdef")).toEqual(REVALIDATE);
  });

  it("revalidates the pages and the service worker script, which keep their names across builds", () => {
    expect(assetHeaders("/")).toEqual(REVALIDATE);
    expect(assetHeaders("/index.html")).toEqual(REVALIDATE);
    expect(assetHeaders("/sandbox.html")).toEqual(REVALIDATE);
    expect(assetHeaders("/sw.js")).toEqual(REVALIDATE);
    expect(assetHeaders("/assets/sw.js")).toEqual({});
  });
});
