// Finding a callback and its single final `return` in module text: strings, comments,
// nested functions and brace-less ifs must not be mistaken for the callback's exit.
import { describe, expect, it } from "vitest";
import { finalReturn, locateCallback } from "../../../src/ui/editor/codeActions/locate.ts";
import { maskPy, maskTs } from "../../../src/ui/editor/codeActions/mask.ts";

const ret = (src: string, lang: "ts" | "py" = "ts", name = "get_interested_users") => {
  const fn = locateCallback(src, lang, name);
  return fn ? finalReturn(src, lang, fn) : undefined;
};

describe("code actions: locating a callback", () => {
  it("masks strings and comments but keeps offsets and newlines", () => {
    const src = 'a = "x{ return }"; // return {\n/* } */ b = `t${1}`;';
    const m = maskTs(src);
    expect(m.length).toBe(src.length);
    expect(m).not.toMatch(/return/);
    expect(m.indexOf("\n")).toBe(src.indexOf("\n"));
    expect(maskPy("x = '''return\n}'''  # return\ny = 1")).toBe("x = '''      \n '''          \ny = 1");
  });

  it("a method with one final return: its expression and indentation", () => {
    const src = `class R {\n  async get_interested_users(user_id: string) {\n    const s = new Set(["}", "return"]); // return\n    return s;\n  }\n}`;
    expect(ret(src)).toMatchObject({ expr: "s", indent: "    ", exprBody: false });
    expect(locateCallback(src, "ts", "get_interested_users")).toMatchObject({ isAsync: true, params: ["user_id"], property: false });
  });

  it("skips an arrow that only forwards to the method, unless the registered function is asked for", () => {
    const src = `class R {\n  constructor(c: unknown, api: any) {\n    api.register_presence_router_callbacks({ get_interested_users: (u: string) => this.get_interested_users(u), get_users_for_states: async (s: any) => new Map() });\n  }\n  get_interested_users(user_id: string) {\n    return new Set<string>();\n  }\n}`;
    expect(locateCallback(src, "ts", "get_interested_users")).toMatchObject({ property: false, params: ["user_id"] });
    expect(locateCallback(src, "ts", "get_interested_users", "registered")).toMatchObject({ property: true, forwarding: true, params: ["u"] });
    expect(ret(src, "ts", "get_users_for_states")).toMatchObject({ expr: "new Map()", exprBody: true });
  });

  it("no final return: two returns, a return in a nested function, a brace-less if, a return inside a block", () => {
    expect(ret(`function get_interested_users(u) {\n  if (u) return new Set();\n  return new Set();\n}`)).toBeNull();
    expect(ret(`function get_interested_users(u) {\n  const f = () => { return 1; };\n  return new Set([f()]);\n}`)).toBeNull();
    expect(ret(`function get_interested_users(u) {\n  if (u) return new Set();\n}`)).toBeNull();
    expect(ret(`function get_interested_users(u) {\n  {\n    return new Set();\n  }\n}`)).toBeNull();
  });

  it("Python: a multi-line signature, a multi-line final return, and two returns", () => {
    const one = `class R:\n    async def get_interested_users(\n        self,\n        user_id: str,\n    ) -> Set[str]:\n        s = {"a"}\n        return s | {\n            "b",\n        }\n\n    def other(self):\n        return 1\n`;
    expect(locateCallback(one, "py", "get_interested_users")).toMatchObject({ isAsync: true, params: ["user_id"] });
    expect(ret(one, "py")).toMatchObject({ expr: 's | {\n            "b",\n        }', indent: "        " });
    const two = `class R:\n    def get_interested_users(self, user_id):\n        if user_id == "x":\n            return {"a"}\n        return set()\n`;
    expect(ret(two, "py")).toBeNull();
  });
});

describe("code actions: marker sites", () => {
  it("at most MAX_PER_LINE markers on one callback line, the first findings kept; the same message once", async () => {
    const { fixSites, MAX_PER_LINE } = await import("../../../src/ui/editor/codeActions/findingFixes.ts");
    const src = `export default class R {\n  async get_interested_users(user_id: string) {\n    return new Set<string>();\n  }\n}\n`;
    const finding = (i: number) => ({
      severity: "warning" as const, kind: "woken_not_visible" as const, server: "hs", viewer: `@v${i}:hs`, source: "@a:hs",
      message: `m${i}`, example: { event: i, at: i }, module: "router.ts", rules: [],
    });
    const sites = fixSites([...Array.from({ length: MAX_PER_LINE + 2 }, (_, i) => finding(i)), finding(0)], { "router.ts": src });
    expect(MAX_PER_LINE).toBe(5);
    expect(sites.map((s) => s.message)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(sites.every((s) => s.line === 2 && s.column === 3)).toBe(true);
  });
});
