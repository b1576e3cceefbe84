// Module references (src/scenario/moduleRef.ts): text from a stranger's link that ends up
// in file lookups and an exported homeserver.yaml. Each refusal's message, and the length
// cap on both sides.
import { describe, expect, it } from "vitest";
import { parseModuleRef, showRef } from "../../src/scenario/moduleRef.ts";

const message = (spec: string) => {
  const r = parseModuleRef(spec);
  return r.ok ? "ok" : r.message;
};

describe("parseModuleRef", () => {
  it("the file and export as written, trimmed; ./ is kept in the file part", () => {
    expect(parseModuleRef(" ./lib/r.ts # Named ")).toEqual({ ok: true, ref: { file: "./lib/r.ts", export: "Named" } });
    expect(parseModuleRef("r.js")).toEqual({ ok: true, ref: { file: "r.js", export: "default" } });
    expect(parseModuleRef("a.ts#$x_1")).toEqual({ ok: true, ref: { file: "a.ts", export: "$x_1" } });
  });

  it("200 characters are accepted; 201 are refused", () => {
    const of = (n: number) => `${"a".repeat(n - 3)}.ts`;
    expect(message(of(200))).toBe("ok");
    expect(message(of(201))).toBe(`module ${showRef(of(201))} is longer than 200 characters`);
  });

  it("line breaks and control characters, whatever else is wrong", () => {
    for (const c of ["\n", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029"]) {
      expect(message(`r${c}.ts`)).toBe(`module ${JSON.stringify(`r${c}.ts`)} contains a line break or control character; write the file name on one line, e.g. router.ts`);
    }
    expect(message("r\u0080.ts")).toBe('module "r\u0080.ts" may only use letters, digits, _ . - in file and folder names');
  });

  it("absolute paths, backslashes and .. each get their own reason", () => {
    expect(message("/r.ts")).toBe('module "/r.ts" must be a path relative to scenario.yaml with / between folders, e.g. lib/router.ts');
    expect(message("lib\\r.ts")).toBe('module "lib\\\\r.ts" must be a path relative to scenario.yaml with / between folders, e.g. lib/router.ts');
    expect(message("lib/../r.ts")).toBe(`module "lib/../r.ts" leaves the scenario's folder (..): module files must be next to scenario.yaml or below it`);
    expect(message("./../r.ts")).toBe(`module "./../r.ts" leaves the scenario's folder (..): module files must be next to scenario.yaml or below it`);
    expect(message("lib/.x/r.ts")).toBe('module "lib/.x/r.ts" may only use letters, digits, _ . - in file and folder names');
    expect(message("lib//r.ts")).toBe('module "lib//r.ts" may only use letters, digits, _ . - in file and folder names');
  });

  it("the file must end in .ts, .js or .py and have a name; a dotted Python path names a .py file and its class", () => {
    const want = (spec: string) => `module must name a .ts, .js or .py file, e.g. router.ts, router.ts#MyRouter or my_router.MyRouter (my_router.py), got ${JSON.stringify(spec)}`;
    expect(message("a.ts")).toBe("ok");
    expect(message(".js")).toBe(want(".js"));
    expect(message("r.ts.bak")).toBe(want("r.ts.bak"));
    expect(parseModuleRef("pkg.mod.Router")).toEqual({ ok: true, ref: { file: "pkg/mod.py", export: "Router" } });
    // A class is capitalised: a lower-case last part is no Python path.
    expect(message("synapse.router")).toBe(want("synapse.router"));
    expect(message("synapse.Router-x")).toBe(want("synapse.Router-x"));
    expect(message("r.py")).toBe('module "r.py" names a Python file but no class: write router.py#MyRouter, or router.MyRouter as in homeserver.yaml');
  });

  it("the export must be an identifier", () => {
    expect(message("r.ts#")).toBe('"" after # must be the name of an export, e.g. router.ts#MyRouter');
    expect(message("r.ts#a-b")).toBe('"a-b" after # must be the name of an export, e.g. router.ts#MyRouter');
    expect(message("r.ts#a b")).toBe('"a b" after # must be the name of an export, e.g. router.ts#MyRouter');
  });

  it("showRef cuts after 80 characters", () => {
    expect(showRef("a".repeat(80))).toBe(`"${"a".repeat(80)}"`);
    expect(showRef("a".repeat(81))).toBe(`"${"a".repeat(80)}…"`);
  });
});
