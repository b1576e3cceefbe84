// pyodide.asm.mjs compiled from memory in each engine worker (src/python/browser.ts
// asmFactory) instead of imported from a Blob URL: the pinned file has the shape it
// expects, and anything else falls back to the import.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { asmFactory, asmFactoryBody } from "../../src/python/browser.ts";

const asm = readFileSync(createRequire(import.meta.url).resolve("pyodide/pyodide.asm.mjs"), "utf8");

describe("asmFactory", () => {
  it("turns the pinned pyodide.asm.mjs into its module factory", () => {
    const f = asmFactory(asm) as { name: string } | null;
    expect(typeof f).toBe("function");
    expect(f!.name).toBe("_createPyodideModule");
  });

  it("leaves no module syntax: import.meta.url becomes the file's (unfetched) URL, the export a return", () => {
    const body = asmFactoryBody(asm)!;
    expect(asm).toContain("import.meta.url");
    expect(body).not.toContain("import.meta");
    expect(body).toContain('"https://pyodide.invalid/pyodide.asm.mjs"');
    expect(body.trimEnd().endsWith("return _createPyodideModule;")).toBe(true);
  });

  it("a file of another shape is imported as a module instead (null)", () => {
    const tail = "export default _createPyodideModule;";
    const fn = "async function _createPyodideModule(m){return m}\n";
    expect(typeof asmFactory(fn + tail)).toBe("function");
    expect(typeof asmFactory(fn + tail + "\n\n")).toBe("function"); // trailing blank lines only
    expect(asmFactoryBody(fn + "export default other;")).toBeNull(); // no such export
    expect(asmFactoryBody(fn + tail + "\nexport const x = 1;")).toBeNull(); // code after it
    expect(asmFactoryBody(fn)).toBeNull();
    expect(asmFactory(fn)).toBeNull(); // no body to compile: null, not a compiled "null"
    expect(asmFactoryBody("")).toBeNull(); // shorter than the tail itself
    // The tail at the very start is still the tail (an empty factory file).
    expect(asmFactoryBody(tail)).toBe('\nreturn _createPyodideModule;');
    // Module syntax elsewhere: not a function body (a SyntaxError), so the import is used.
    expect(asmFactoryBody("import x from 'y';\n" + fn + tail)).not.toBeNull();
    expect(asmFactory("import x from 'y';\n" + fn + tail)).toBeNull();
  });
});
