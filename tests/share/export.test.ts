import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { parse } from "yaml";
import { buildZip, homeserverYaml, pythonModulePath, scenarioServers } from "../../src/share/export.ts";

const ROUTER = `import type { ModuleApi } from "synapse";\nexport default class TeamRouter {\n  constructor(_c: unknown, _api: ModuleApi) {}\n}\n`;
const SCENARIO = `version: 1
servers:
  example.org:
    presence:
      enabled: true
      idle_timeout: 5m
      presence_router:
        module: legacy.ts
        config: { always_send_to_users: ["@g:example.org"] }
    modules:
      - module: router.ts
        config:
          teams: [a, b]
      - module: "my-mod.ts#Other"
    rc_presence: { per_user: { per_second: 0.1, burst_count: 1 } }
  matrix.org: {}
users:
  "@a:example.org": {}
`;

describe("export", () => {
  it("zip holds every module, scenario.yaml and a README naming the runner command", () => {
    const files: Array<[string, string]> = [["router.ts", ROUTER], ["legacy.ts", "export default class L {}\n"]];
    const z = unzipSync(buildZip(files, SCENARIO));
    expect(Object.keys(z).sort()).toEqual(["README.txt", "legacy.ts", "router.ts", "scenario.yaml"]);
    expect(strFromU8(z["router.ts"]!)).toBe(ROUTER);
    expect(strFromU8(z["scenario.yaml"]!)).toBe(SCENARIO);
    expect(strFromU8(z["README.txt"]!)).toContain("npm run sim -- ");
    // It does not tell the recipient to run a stranger's code blindly: read it first,
    // and what the runner does (and does not) protect, before the command.
    const readme = strFromU8(z["README.txt"]!);
    expect(readme).toMatch(/read them first/);
    expect(readme).toMatch(/untrusted/);
    expect(readme.indexOf("read them first")).toBeLessThan(readme.indexOf("npm run sim -- path"));
    // Deterministic bytes.
    expect(buildZip(files, SCENARIO)).toEqual(buildZip(files, SCENARIO));
  });

  it("python module paths name the file and the exported class", () => {
    expect(pythonModulePath("router.ts", { "router.ts": ROUTER })).toBe("router.TeamRouter");
    expect(pythonModulePath("my-mod.ts#Other", {})).toBe("my_mod.Other");
    expect(pythonModulePath("1x.ts", {})).toBe("_1x.PresenceRouter");
  });

  it("homeserver.yaml has Synapse's presence block and modules list", () => {
    const files = { "router.ts": ROUTER, "legacy.ts": "export default class Legacy {}\n" };
    const text = homeserverYaml(SCENARIO, "example.org", files);
    expect(text).toMatch(/must|Port/);
    expect(text).toContain("#   idle_timeout: 5m");
    const y = parse(text);
    expect(y.presence).toEqual({
      enabled: true,
      include_offline_users_on_sync: false,
      presence_router: { module: "legacy.Legacy", config: { always_send_to_users: ["@g:example.org"] } },
    });
    expect(y.modules).toEqual([
      { module: "router.TeamRouter", config: { teams: ["a", "b"] } },
      { module: "my_mod.Other", config: {} },
    ]);
    expect(y.rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 1 } });
    const other = parse(homeserverYaml(SCENARIO, "matrix.org", files));
    expect(other).toEqual({ presence: { enabled: true, include_offline_users_on_sync: false } });
  });

  it("bad scenarios give plain messages", () => {
    expect(scenarioServers(SCENARIO).servers).toEqual(["example.org", "matrix.org"]);
    expect(scenarioServers("a: [").error).toMatch(/does not parse/);
    expect(() => homeserverYaml(SCENARIO, "nope.org", {})).toThrow(/no server 'nope.org'/);
    expect(() => homeserverYaml("servers: [", "x", {})).toThrow(/does not parse/);
  });
});
