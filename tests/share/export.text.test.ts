// The exported files' exact text (what a user reads and what Synapse parses), the
// fixed zip timestamp, and the module-path / homeserver.yaml edge cases.
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { buildZip, homeserverYaml, pythonModulePath, readmeText, scenarioServers } from "../../src/share/export.ts";

describe("README.txt", () => {
  it("has this exact text, listing the module files", () => {
    expect(readmeText(["a.ts", "b.ts"])).toBe(
      [
        "Presence Router Playground export",
        "=================================",
        "",
        "Files:",
        "  a.ts",
        "  b.ts",
        "  scenario.yaml   the scenario: homeservers, users, rooms, steps, expectations",
        "",
        "Before you run it: the module files are code. If this zip came from someone else,",
        "read them first, as you would any program from a stranger. The playground's headless",
        "runner treats them as untrusted (a separate Node process under Node's permission",
        "model: no file reads or writes, no child processes, no network APIs, a time budget),",
        "but it cannot vouch for what the code is meant to do, and the results are only as",
        "honest as the modules. `npm run sim -- --help` says what it does and does not protect.",
        "",
        "Run it with the playground's headless runner (from a checkout of the playground):",
        "",
        "  npm run sim -- path/to/this/folder/scenario.yaml",
        "  npm run --silent sim -- path/to/this/folder/scenario.yaml --format json > trace.json",
        "",
        "The runner prints the same run trace the playground shows (--format json gives the",
        'exact trace JSON, the same as the playground\'s "Download run trace (JSON)").',
        "Exit code: 0 all expectations pass, 1 one fails, 2 bad input.",
        "",
        "Module paths in scenario.yaml (`module: router.ts`) are relative to scenario.yaml.",
        "",
      ].join("\n"),
    );
  });

  it("the zip's README names its files; entries carry the fixed date 2026-01-01", () => {
    const zip = buildZip([["r.ts", "x"], ["s.ts", "y"]], "version: 1\n");
    expect(strFromU8(unzipSync(zip)["README.txt"]!)).toBe(readmeText(["r.ts", "s.ts"]));
    // Local file header: DOS date at offset 12 (day 5 bits, month 4 bits, year-1980 7 bits).
    // fflate writes local time, so west of UTC the date reads 2025-12-31.
    const date = zip[12] | (zip[13] << 8);
    const ymd = [(date >> 9) + 1980, (date >> 5) & 15, date & 31];
    expect([[2026, 1, 1], [2025, 12, 31]]).toContainEqual(ymd);
  });
});

describe("scenarioServers", () => {
  it("no servers map, or an empty one: says so", () => {
    const none = { servers: [], error: "The scenario defines no servers." };
    expect(scenarioServers("version: 1\n")).toEqual(none);
    expect(scenarioServers("servers:\n")).toEqual(none);
    expect(scenarioServers("servers: {}\n")).toEqual(none);
    expect(scenarioServers("servers: [a.org]\n")).toEqual(none);
    expect(scenarioServers("- servers\n")).toEqual(none);
    expect(scenarioServers("")).toEqual(none);
  });

  it("a YAML error is given as its first line only", () => {
    const r = scenarioServers("servers: [\n  a: 1\n");
    expect(r.servers).toEqual([]);
    expect(r.error).toMatch(/^scenario\.yaml does not parse: \S.{10,}$/);
  });
});

describe("pythonModulePath", () => {
  it("module name: the file's base name without folders or .ts/.js, made a Python identifier", () => {
    expect(pythonModulePath("dir/sub/router.ts#C", {})).toBe("router.C");
    expect(pythonModulePath("a.js.ts#C", {})).toBe("a_js.C");
    expect(pythonModulePath("my-mod.js#C", {})).toBe("my_mod.C");
    expect(pythonModulePath("_x.ts#C", {})).toBe("_x.C");
    expect(pythonModulePath("9.ts#C", {})).toBe("_9.C");
  });

  it("class: the named export, else the default-exported class or identifier, else PresenceRouter", () => {
    const f = (src: string) => ({ "r.ts": src });
    expect(pythonModulePath("r.ts#default", f("export default class Foo {}"))).toBe("r.Foo");
    expect(pythonModulePath("r.ts", f("export  default\n  class \t Foo {}"))).toBe("r.Foo");
    expect(pythonModulePath("r.ts", f("class Bar {}\nexport default Bar;"))).toBe("r.Bar");
    expect(pythonModulePath("r.ts", f("class Bar {}\nexport  default\n  Bar ;"))).toBe("r.Bar");
    expect(pythonModulePath("r.ts", f("export default B$2;"))).toBe("r.B$2");
    expect(pythonModulePath("r.ts", f("export default 42;"))).toBe("r.PresenceRouter");
    expect(pythonModulePath("r.ts", f("export default {};"))).toBe("r.PresenceRouter");
    expect(pythonModulePath("r.ts", {})).toBe("r.PresenceRouter");
  });
});

describe("homeserverYaml", () => {
  const SCENARIO = `servers:
  x.org:
    presence:
      enabled: false
      idle_timeout: 5m
      sync_online_timeout: 30s
      presence_router: { module: r.ts, config: { note: "${"word ".repeat(20).trim()}" } }
    modules:
      - module: r.ts
      - { module: 3 }
      - just a string
      - module: q.ts
        config: { a: 1 }
    rc_presence: { a: 1 }
    other_key: 1
  y.org: {}
  z.org:
    presence: { presence_router: { module: 7 } }
`;
  const FILES = { "r.ts": "export default Foo;", "q.ts": "export default class Q {}" };

  it("has this exact text: header naming each module to port and the timers, then the config", () => {
    expect(homeserverYaml(SCENARIO, "x.org", FILES)).toBe(
      [
        "# homeserver.yaml snippet for x.org, exported from the Presence Router Playground.",
        "#",
        "# The playground runs TypeScript; Synapse loads Python. Port each module below to a",
        "# Python class with the same name, on Synapse's PYTHONPATH, before using this config:",
        "#   r.ts  ->  r.Foo",
        "#   q.ts  ->  q.Q",
        "#",
        "# Presence timers given in the scenario (Synapse hard-codes these in",
        "# synapse/handlers/presence.py; they are not homeserver.yaml settings):",
        "#   sync_online_timeout: 30s",
        "#   idle_timeout: 5m",
        "", // the yaml library separates the document's comment from its content
        "presence:",
        "  enabled: false",
        "  include_offline_users_on_sync: false",
        "  presence_router:",
        "    module: r.Foo",
        "    config:",
        `      note: ${"word ".repeat(20).trim()}`, // one line: no folding at 80 columns
        "modules:",
        "  - module: r.Foo",
        "    config: {}",
        "  - module: q.Q",
        "    config:",
        "      a: 1",
        "rc_presence:",
        "  a: 1",
        "",
      ].join("\n"),
    );
  });

  it("a server without modules or timers: says it loads none, no modules list", () => {
    expect(homeserverYaml(SCENARIO, "y.org", FILES)).toBe(
      [
        "# homeserver.yaml snippet for y.org, exported from the Presence Router Playground.",
        "#",
        "#   (this server loads no modules)",
        "",
        "presence:",
        "  enabled: true",
        "  include_offline_users_on_sync: false",
        "",
      ].join("\n"),
    );
    // A presence_router whose module is not a string is left out.
    expect(homeserverYaml(SCENARIO, "z.org", FILES)).toContain("#   (this server loads no modules)\n\npresence:\n  enabled: true\n  include_offline_users_on_sync: false\n");
  });

  it("unusable scenarios: plain messages", () => {
    expect(() => homeserverYaml("a: 1\n", "x", {})).toThrow("scenario.yaml has no `servers:` map.");
    expect(() => homeserverYaml("- a\n", "x", {})).toThrow("scenario.yaml has no `servers:` map.");
    expect(() => homeserverYaml("servers: [x]\n", "x", {})).toThrow("scenario.yaml has no `servers:` map.");
    expect(() => homeserverYaml(SCENARIO, "w.org", {})).toThrow("scenario.yaml has no server 'w.org'.");
    expect(() => homeserverYaml("servers: [\n  a: 1\n", "x", {})).toThrow(/^scenario\.yaml does not parse: \S.{10,}$/);
  });
});
