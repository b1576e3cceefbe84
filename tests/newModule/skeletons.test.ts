// Issue 13 item 3: the new-module menu's skeletons. Every one compiles, loads the way its
// style says (R56 modern, R57 legacy), and routes as its comment promises: the watchers
// receive everyone's presence, and both callbacks agree (R64).
import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import { SKELETONS, className, freeName, moduleRefFor, nameProblem, skeleton, type SkeletonKind } from "../../src/ui/newModule/skeletons.ts";

function scenario(ref: string, kind: SkeletonKind): string {
  const load =
    kind.style === "modern"
      ? `    modules:\n      - module: ${ref}\n        config: { watchers: ["@alice:example.com"] }\n`
      : `    presence:\n      presence_router:\n        module: ${ref}\n        config: { watchers: ["@alice:example.com"] }\n`;
  return `version: 1
servers:
  example.com:
${load}users:
  "@alice:example.com": {}
  "@bob:example.com": {}
  "@carol:example.com": {}
steps:
  - at: 0s
    presence: { user: "@bob:example.com", state: online }
  - at: 1s
    sync: { user: "@alice:example.com", label: alice }
  - at: 1s
    sync: { user: "@carol:example.com", label: carol }
expect:
  - name: the watcher sees Bob without a shared room
    sync: alice
    sees: { "@bob:example.com": online }
  - name: Carol is no watcher and shares no room with Bob
    never_sees: { viewer: "@carol:example.com", source: "@bob:example.com" }
  - no_errors: true
`;
}

beforeAll(async () => {
  await sharedPythonNode();
}, 180_000);

describe("new-module skeletons", () => {
  for (const kind of SKELETONS) {
    it(`R56 R57 R64 ${kind.label}: compiles, loads and routes to the watcher`, async () => {
      const file = freeName(kind.lang, []);
      const r = await run(
        { scenario: { text: scenario(moduleRefFor(file, kind.lang), kind), path: "scenario.yaml" }, files: { [file]: skeleton(file, kind) } },
        { esbuild, python: sharedPythonNode },
      );
      if (r.kind !== "ran") throw new Error(JSON.stringify(r.problems));
      expect(r.problems).toEqual([]);
      expect(r.trace.expectations.map((e) => [e.name, e.ok])).toEqual([
        ["the watcher sees Bob without a shared room", true],
        ["Carol is no watcher and shares no room with Bob", true],
        [expect.any(String), true],
      ]);
      const calls = r.trace.events.filter((e) => e.type === "router_call");
      expect(calls.length).toBeGreaterThan(0);
    }, 120_000);
  }

  it("class names follow the file: my_router.py → MyRouter, team.ts → TeamRouter", () => {
    expect(className("my_router.py")).toBe("MyRouter");
    expect(className("team.ts")).toBe("TeamRouter");
    expect(className("2fa-gate.ts")).toBe("R2faGateRouter");
    expect(moduleRefFor("my_router.py", "py")).toBe("my_router.MyRouter");
    expect(moduleRefFor("team.ts", "ts")).toBe("team.ts");
  });

  it("free names skip the taken ones; bad names are explained", () => {
    expect(freeName("ts", [])).toBe("router.ts");
    expect(freeName("ts", ["router.ts"])).toBe("router2.ts");
    expect(freeName("py", ["my_router.py", "my_router2.py"])).toBe("my_router3.py");
    expect(nameProblem("team.ts", "ts", [])).toBeNull();
    expect(nameProblem("team.py", "ts", [])).toMatch(/must end in \.ts/);
    expect(nameProblem("my-router.py", "py", [])).toMatch(/letters, digits and _/);
    expect(nameProblem("a/b.ts", "ts", [])).toMatch(/no folders/);
    expect(nameProblem("router.ts", "ts", ["router.ts"])).toMatch(/already exists/);
  });
});
