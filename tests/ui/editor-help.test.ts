// The editor's help that needs no browser: the router snippets, expanded with their
// defaults, type-check against the `synapse` declarations; TypeScript diagnostics join
// the Problems list once per place, and only for open files.
import { describe, expect, it } from "vitest";
import { SNIPPETS } from "../../src/ui/editor/snippets.ts";
import { collectProblems, type Problem } from "../../src/ui/problems.ts";
import { moduleTypeErrors as typeErrors } from "../support/typecheck.ts";

/** The text a snippet inserts when the user keeps every placeholder's default. */
function expand(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\{\d+\}|\$\d+/g, "");
}

describe("router snippets", () => {
  it.each(SNIPPETS.map((s) => [s.label, s]))("%s expands to a module without type errors", (_label, s) => {
    const code = expand(s.body);
    expect(code).not.toMatch(/\$/);
    expect(typeErrors(code)).toEqual([]);
  });

  it("R57 the legacy snippet has parse_config, a (config, api) constructor and both methods, and does not register", () => {
    const code = expand(SNIPPETS.find((s) => s.label === "presence_router_legacy")!.body);
    expect(code).toMatch(/static parse_config\(config: Record<string, unknown>\)/);
    expect(code).toMatch(/constructor\(\s*private readonly config: RouterConfig,\s*private readonly api: ModuleApi,/);
    expect(code).toMatch(/async get_users_for_states\(/);
    expect(code).toMatch(/async get_interested_users\(user_id: string\)/);
    expect(code).not.toMatch(/register_presence_router_callbacks/);
  });

  it("R56 the module snippet registers both callbacks in its constructor", () => {
    const code = expand(SNIPPETS.find((s) => s.label === "presence_router_module")!.body);
    expect(code).toMatch(/constructor\([^)]*api: ModuleApi\) \{\n\s*api\.register_presence_router_callbacks\(\{/);
    expect(code).toMatch(/get_users_for_states:/);
    expect(code).toMatch(/get_interested_users:/);
  });

  it("a typo in a snippet would be a type error (the check is live)", () => {
    const code = expand(SNIPPETS[1]!.body).replace("register_presence_router_callbacks", "register_presence_router_callback");
    expect(typeErrors(code).join("\n")).toMatch(/register_presence_router_callback/);
  });
});

describe("collectProblems with TypeScript diagnostics", () => {
  const base = {
    files: { "router.ts": "x" },
    compile: { status: "ok" as const, diagnostics: [], ms: 1 },
    scenarioIssues: [],
    trace: null,
    stale: false,
    runFailure: null,
  };
  const tsAt = (file: string, line: number, column: number, message = "Type 'string' is not assignable to type 'number'."): Problem => ({
    owner: "typescript", file, line, column, message, severity: "error", count: 1,
  });

  it("lists them with their place", () => {
    expect(collectProblems({ ...base, typescript: [tsAt("router.ts", 3, 7)] })).toEqual([tsAt("router.ts", 3, 7)]);
  });

  it("drops those of files that are not open (a previous example's)", () => {
    expect(collectProblems({ ...base, typescript: [tsAt("helper.ts", 3, 7)] })).toEqual([]);
  });

  it("drops one where esbuild reports at the same place; keeps one a column away", () => {
    const compile = { status: "error" as const, ms: 1, diagnostics: [{ file: "router.ts", line: 3, column: 7, message: "Expected \";\"", severity: "error" as const }] };
    const same = collectProblems({ ...base, compile, typescript: [tsAt("router.ts", 3, 7, "';' expected.")] });
    expect(same.map((p) => p.owner)).toEqual(["esbuild"]);
    const next = collectProblems({ ...base, compile, typescript: [tsAt("router.ts", 3, 8, "';' expected.")] });
    expect(next.map((p) => p.owner)).toEqual(["esbuild", "typescript"]);
  });

  it("lists the same diagnostic once", () => {
    expect(collectProblems({ ...base, typescript: [tsAt("router.ts", 3, 7), tsAt("router.ts", 3, 7)] })).toHaveLength(1);
  });
});
