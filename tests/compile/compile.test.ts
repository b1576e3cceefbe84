import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/compile/index.ts";

describe("compileModules", () => {
  it("locates a syntax error at the exact line and UTF-16 column, after non-ASCII text", async () => {
    // "ü" and "🙂" are 2 and 4 bytes in UTF-8 but 1 and 2 UTF-16 units.
    const src = `// héllo\nconst a = "ü🙂"; let b = ;\n`;
    const r = await compileModules(esbuild, { "router.ts": src }, ["router.ts"]);
    expect(r.bundles["router.ts"]).toBeUndefined();
    const d = r.diagnostics.find((x) => x.severity === "error")!;
    expect(d.file).toBe("router.ts");
    expect(d.line).toBe(2);
    // `const a = "ü🙂"; let b = ;` → the ";" is at UTF-16 column 26 (1-based); esbuild says byte column 28 (0-based).
    expect(src.split("\n")[1].lastIndexOf(";") + 1).toBe(26);
    expect(d.column).toBe(26);
    expect(d.message).toMatch(/Expected|Unexpected/);
  });

  it("bundles a multi-file module, keeping synapse external, with the user's file names in the sourcemap", async () => {
    const files = {
      "router.ts": `import { PresenceRouter } from "synapse";\nimport { pick } from "./lib/util";\nexport default class R { x() { return pick(PresenceRouter.ALL_USERS); } }\n`,
      "lib/util.ts": `import { twice } from "../more.ts";\nexport function pick(s: string): string { return twice(s); }\n`,
      "more.ts": `export const twice = (s: string) => s + s;\n`,
    };
    const r = await compileModules(esbuild, files, ["router.ts"]);
    expect(r.diagnostics).toEqual([]);
    const b = r.bundles["router.ts"];
    expect(b.code).toContain('require("synapse")');
    expect(b.code).not.toMatch(/import /);
    const map = JSON.parse(b.map);
    expect([...map.sources].sort()).toEqual(["lib/util.ts", "more.ts", "router.ts"]);
    expect(map.sourcesContent[map.sources.indexOf("more.ts")]).toBe(files["more.ts"]);
  });

  it("compiles each entry separately and reports a shared file's error once", async () => {
    const files = {
      "a.ts": `import { v } from "./shared";\nexport default v;\n`,
      "b.ts": `import { v } from "./shared";\nexport default v;\n`,
      "shared.ts": `export const v = ;\n`,
      "ok.ts": `export default 1;\n`,
    };
    const r = await compileModules(esbuild, files, ["a.ts", "b.ts", "ok.ts"]);
    expect(Object.keys(r.bundles)).toEqual(["ok.ts"]);
    expect(r.diagnostics.filter((d) => d.file === "shared.ts")).toHaveLength(1);
    expect(r.entryDiagnostics!["b.ts"][0].file).toBe("shared.ts");
  });

  it("rejects npm packages, node: builtins and URLs at the import's line", async () => {
    const src = `const s = "wörld";\n  import fs from "node:fs";\nimport _ from "lodash";\nimport x from "https://example.org/x.js";\nexport default [fs, _, x, s];\n`;
    const r = await compileModules(esbuild, { "router.ts": src }, ["router.ts"]);
    const errs = r.diagnostics.filter((d) => d.severity === "error");
    expect(errs.map((d) => [d.line, d.column])).toEqual([
      [2, 18],
      [3, 15],
      [4, 15],
    ]);
    for (const d of errs) expect(d.message).toContain("only 'synapse' and the playground's own files can be imported");
    expect(errs[0].message).toContain("'node:fs'");
  });

  it("names the missing file when a relative import does not resolve", async () => {
    const r = await compileModules(esbuild, { "router.ts": `import { a } from "./utils";\nexport default a;\n`, "util.ts": "export const a = 1;" }, ["router.ts"]);
    expect(r.diagnostics[0]).toMatchObject({ file: "router.ts", line: 1, column: 19 });
    expect(r.diagnostics[0].message).toContain("'./utils'");
    expect(r.diagnostics[0].message).toContain("util.ts");
  });

  it("resolves './util.js' to util.ts (TypeScript ESM style) and './util.ts' as written", async () => {
    const files = { "r.ts": `import { a } from "./util.js";\nimport { b } from "./util.ts";\nexport default a + b;\n`, "util.ts": "export const a = 1, b = 2;" };
    const r = await compileModules(esbuild, files, ["r.ts"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reports an entry that is not among the files", async () => {
    const r = await compileModules(esbuild, { "router.ts": "export default 1" }, ["routr.ts"]);
    expect(r.diagnostics[0].file).toBe("routr.ts");
    expect(r.diagnostics[0].message).toContain("router.ts");
  });

  it("esbuild-wasm and native esbuild produce the same bundle (one pipeline)", async () => {
    const wasm = await import("esbuild-wasm");
    await wasm.initialize({});
    const files = { "router.ts": `import { PresenceRouter } from "synapse";\nexport default class R { static x = PresenceRouter.ALL_USERS; }\n` };
    const a = await compileModules(esbuild, files, ["router.ts"]);
    const b = await compileModules(wasm, files, ["router.ts"]);
    expect(b).toEqual(a);
  }, 60000);
});
