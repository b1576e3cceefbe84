// Module references are validated once (src/scenario/moduleRef.ts) for the browser's
// engine, the CLI and the exports; exports escape what they write (issue 10).
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { strFromU8, unzipSync } from "fflate";
import { parseScenario } from "../../src/scenario/parse.ts";
import { parseModuleRef } from "../../src/scenario/moduleRef.ts";
import { buildZip, homeserverYaml } from "../../src/share/export.ts";
import { sim } from "../cli/run-sim.ts";

const ROUTER = "export default class R { constructor() {} }\n";
const scenario = (ref: string) => `version: 1
servers:
  example.org:
    modules:
      - module: ${JSON.stringify(ref)}
users:
  "@a:example.org": {}
`;
const INJECTED = "./x\nenable_registration: true\n/../router.ts";

function errors(text: string): string[] {
  const r = parseScenario(text);
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.message} (${e.path})`);
}

describe("module references", () => {
  it("a reference with line breaks is refused at its scenario path (the browser loaded it)", () => {
    expect(errors(scenario(INJECTED))).toEqual([
      expect.stringMatching(/^5:17 module ".*" contains a line break or control character.* \(servers\.example\.org\.modules\[0\]\.module\)$/),
    ]);
  });

  it("CLI: the same scenario fails with the same message and path", () => {
    const dir = mkdtempSync(join(tmpdir(), "prp-ref-"));
    writeFileSync(join(dir, "scenario.yaml"), scenario(INJECTED));
    writeFileSync(join(dir, "router.ts"), ROUTER);
    const r = sim(join(dir, "scenario.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario\.yaml:5:17: error: module ".*" contains a line break or control character.*\(servers\.example\.org\.modules\[0\]\.module\)/);
  });

  it("path traversal, absolute paths and odd characters are refused; plain relative paths pass", () => {
    for (const bad of ["../router.ts", "lib/../../x.ts", "/etc/router.ts", "lib\\router.ts", "a b.ts", "r\u2028.ts", "r\r.ts", "$x.ts", "-r.ts"]) {
      expect(parseModuleRef(bad).ok, bad).toBe(false);
      expect(errors(scenario(bad)), bad).toHaveLength(1);
    }
    for (const good of ["router.ts", "./router.ts", "lib/team-router.v2.ts", "my_mod.js#Other", " router.ts "]) {
      expect(parseModuleRef(good).ok, good).toBe(true);
      expect(errors(scenario(good)), good).toEqual([]);
    }
  });

  it("homeserver.yaml: an injected reference is refused, never written", () => {
    expect(() => homeserverYaml(scenario(INJECTED), "example.org", { "router.ts": ROUTER })).toThrow(/line break.*servers\.example\.org\.modules\[0\]\.module/);
  });

  it("homeserver.yaml: whatever the scenario holds, the output parses back to exactly the exported settings", () => {
    const hostile = `servers:
  "evil\\nenable_registration: true":
    presence:
      idle_timeout: "1\\renable_registration: true\\u2028x: 1\\u0085y: 2"
      presence_router: { module: "r.ts#R", config: { "k\\nenable_registration": "v\\n#x" } }
`;
    const out = homeserverYaml(hostile, "evil\nenable_registration: true", { "r.ts": ROUTER });
    expect(parse(out)).toEqual({
      presence: { enabled: true, include_offline_users_on_sync: false, presence_router: { module: "r.R", config: { "k\nenable_registration": "v\n#x" } } },
    });
    // Every line of the header is a comment.
    const header = out.slice(0, out.indexOf("presence:"));
    for (const line of header.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)) expect(line === "" || line.startsWith("#"), JSON.stringify(line)).toBe(true);
  });

  it("zip: a module file name with a folder or .. is never written as an entry", () => {
    expect(() => buildZip([["../evil.ts", "x"]], "")).toThrow(/cannot export a module file named/);
    expect(() => buildZip([["a\nb.ts", "x"]], "")).toThrow(/cannot export/);
    const z = unzipSync(buildZip([["router.ts", ROUTER]], "s"));
    expect(Object.keys(z).sort()).toEqual(["README.txt", "router.ts", "scenario.yaml"]);
    expect(strFromU8(z["README.txt"]!)).toContain("  router.ts\n");
  });
});
