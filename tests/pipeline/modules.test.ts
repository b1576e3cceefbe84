import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskReader } from "../../src/cli/files.ts";
import { collectModuleFiles } from "../../src/pipeline/index.ts";
import { relativeImports } from "../../src/compile/paths.ts";
import type { Scenario } from "../../src/scenario/types.ts";

const dir = mkdtempSync(join(tmpdir(), "sim-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(module: string, path: string) {
  const [file, exp] = module.split("#");
  return { module, file, export: exp ?? "default", config: {}, path };
}

describe("collectModuleFiles", () => {
  it("finds named modules and their local imports transitively, and reports missing ones", () => {
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "router.ts"), `import { a } from "./lib/a";\nimport "synapse";\nexport default a;\n`);
    writeFileSync(join(dir, "legacy.ts"), `export { b } from "./lib/b.js";\n`);
    writeFileSync(join(dir, "lib/a.ts"), `export * from "../shared";\nexport const a = 1;\n`);
    writeFileSync(join(dir, "lib/b.ts"), `export const b = require("./a");\n`);
    writeFileSync(join(dir, "shared.ts"), `export const s = 1;\n`);
    const scenario = {
      servers: [
        { modules: [entry("router.ts", "servers.a.modules[0]"), entry("nope.ts#X", "servers.a.modules[1]")], presence: { presence_router: entry("legacy.ts#Legacy", "servers.a.presence.presence_router") } },
      ],
    } as unknown as Scenario;
    const r = collectModuleFiles(scenario, diskReader(dir));
    expect(r.entries).toEqual(["router.ts", "legacy.ts"]);
    expect(Object.keys(r.files).sort()).toEqual(["legacy.ts", "lib/a.ts", "lib/b.ts", "router.ts", "shared.ts"]);
    expect(r.missing.map((m) => m.file)).toEqual(["nope.ts"]);
  });

  it("relativeImports sees static, dynamic, re-export and require forms only for relative specifiers", () => {
    const src = `import x from "./a";\nimport './side';\nexport * from "../b";\nconst c = await import("./c");\nrequire('./d');\nimport y from "synapse";\n`;
    expect(relativeImports(src)).toEqual(["./a", "./side", "../b", "./c", "./d"]);
  });
});
