// Pyodide's self-hosted files: their folder carries the pinned version, so hosts may
// cache them for good (scripts/headers.ts).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PYODIDE_FOLDER, PYODIDE_VERSION } from "../../src/python/assets.ts";
import { assetHeaders } from "../../scripts/headers.ts";

describe("Pyodide's files", () => {
  it("live in a folder named after the installed pyodide package's version", () => {
    const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("pyodide/package.json"), "utf8")) as { version: string };
    expect(PYODIDE_VERSION).toBe(pkg.version);
    expect(PYODIDE_FOLDER).toBe(`pyodide/${pkg.version}/`);
  });

  it("are cached for good; unversioned Pyodide files and the pages are not (the pages are revalidated)", () => {
    expect(assetHeaders(`/${PYODIDE_FOLDER}pyodide.asm.wasm`)).toEqual({ "cache-control": "public, max-age=31536000, immutable" });
    expect(assetHeaders(`/${PYODIDE_FOLDER}python_stdlib.zip`)).toEqual({ "cache-control": "public, max-age=31536000, immutable" });
    expect(assetHeaders("/pyodide/pyodide.asm.wasm")).toEqual({}); // no version folder: may change under the same name
    expect(assetHeaders("/index.html")).toEqual({ "cache-control": "no-cache" });
    expect(assetHeaders("/sandbox.html")).toEqual({ "cache-control": "no-cache" });
    expect(assetHeaders("/assets/index-abc123.js")).toEqual({});
  });
});
