// Where a consistency finding points in the module (the strip's and the Consistency tab's "go to" link).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { callbackLine, findingLine, moduleFile } from "../../src/ui/graph/edgeDetail.ts";
import { fileOfModule } from "../../src/ui/editor/codeActions/findingFixes.ts";
import { collectProblems } from "../../src/ui/problems.ts";
import { makeTrace } from "../analysis/builders.ts";

const files = { "router.ts": "line one\n  api.register({\n    get_interested_users: async (u) => x,\n  });\n" };

describe("findingLine", () => {
  it("cannot_restrict: a finding about a callback points at the callback's line in the module file", () => {
    expect(findingLine({ module: "router.ts#HideRouter", callback: "get_interested_users" }, files)).toEqual({ file: "router.ts", line: 3, column: 5 });
  });
  it("a cause with a line wins over the callback; a file the editor does not have gives nothing", () => {
    expect(findingLine({ cause: { file: "router.ts", line: 2, column: 7 }, module: "router.ts", callback: "get_interested_users" }, files)).toEqual({ file: "router.ts", line: 2, column: 7 });
    expect(findingLine({ module: "other.ts", callback: "get_interested_users" }, files)).toBeNull();
    expect(findingLine({ module: "router.ts", callback: "get_users_for_states" }, files)).toBeNull();
    expect(findingLine({ module: "router.ts" }, files)).toBeNull();
  });
});

describe("Python modules: a finding's go-to names the .py file and the line (issue 13)", () => {
  const py = readFileSync("examples/modern-docs-router-py/router.py", "utf8");
  const pyFiles = { "router.py": py, "scenario.yaml": "" };
  const lineOf = (needle: string) => py.split("\n").findIndex((l) => l.includes(needle)) + 1;
  const base = { files: pyFiles, compile: { status: "ok" as const, diagnostics: [], ms: 1 }, scenarioIssues: [], trace: null, stale: false, runFailure: null };

  it("the trace's homeserver.yaml name (router.CustomPresenceRouter) is router.py; pkg.mod.Class is pkg/mod.py; TypeScript names are unchanged", () => {
    expect(moduleFile("router.CustomPresenceRouter")).toBe("router.py");
    expect(moduleFile("pkg.mod.Router")).toBe("pkg/mod.py");
    expect(moduleFile("router.ts#HideRouter")).toBe("router.ts");
    expect(moduleFile("./lib/team.ts")).toBe("lib/team.ts");
    expect(fileOfModule("my_router.ExamplePresenceRouter")).toBe("my_router.py");
  });

  it("cannot_restrict on a Python module: the callback's def line, not the registration keyword that names it", () => {
    const def = lineOf("async def get_interested_users");
    expect(def).toBeGreaterThan(lineOf("get_interested_users=self.get_interested_users"));
    expect(findingLine({ module: "router.CustomPresenceRouter", callback: "get_interested_users" }, pyFiles)).toEqual({ file: "router.py", line: def, column: 15 });
    expect(findingLine({ module: "router.CustomPresenceRouter", callback: "get_users_for_states" }, pyFiles)).toEqual({ file: "router.py", line: lineOf("async def get_users_for_states"), column: 15 });
  });

  it("a callback given as a lambda (no def) falls back to its first mention", () => {
    const src = "class R:\n    def __init__(self, config, api):\n        api.register_presence_router_callbacks(get_interested_users=lambda u: set())\n";
    expect(callbackLine(src, "get_interested_users", "r.py")).toEqual({ line: 3, column: 48 });
    // A TypeScript file keeps the first mention even when a `def` line exists in a comment.
    expect(callbackLine("// def get_interested_users\nx = { get_interested_users: 1 }\n", "get_interested_users", "r.ts")).toEqual({ line: 2, column: 7 });
  });

  it("a module that is not a file of the editor gives no go-to", () => {
    expect(findingLine({ module: "other.CustomPresenceRouter", callback: "get_interested_users" }, pyFiles)).toBeNull();
  });

  it("the Problems list puts a Python module's error event (no traceback line) on its .py file", () => {
    const trace = makeTrace({ servers: ["example.com"], users: [], end: 1000, events: [{ type: "error", at: 0, server: "example.com", module: "router.CustomPresenceRouter", message: "the module failed to load" } as never] });
    const ps = collectProblems({ ...base, trace });
    expect(ps.map((p) => [p.file, p.message])).toEqual([["router.py", "the module failed to load (example.com, at +00:00.000)"]]);
  });

  it("a watchdog stop in a Python callback is marked on router.py at the callback's def", () => {
    const runFailure = { kind: "module" as const, message: "get_interested_users did not return within 1000 ms", callback: "get_interested_users", file: "router.CustomPresenceRouter" };
    const [p] = collectProblems({ ...base, runFailure });
    expect([p!.file, p!.line]).toEqual(["router.py", lineOf("async def get_interested_users")]);
    // A failure naming a file the editor does not have stays without a place.
    const [q] = collectProblems({ ...base, runFailure: { ...runFailure, file: "other.CustomPresenceRouter" } });
    expect([q!.file, q!.line]).toEqual(["", 0]);
  });
});
