import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sim } from "./run-sim.ts";

const fixture = (name: string) => `tests/cli/fixtures/${name}/scenario.yaml`;

/** 1-based line and column of the first occurrence of `needle` in a file. */
function posOf(file: string, needle: string, extra = 0): string {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  return `${file}:${i + 1}:${lines[i].indexOf(needle) + 1 + extra}`;
}

describe("sim CLI", { timeout: 90000 }, () => {
  it("usage errors exit 2 with the usage text", () => {
    const none = sim();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage: npm run --silent sim");
    const flag = sim(fixture("yaml-error"), "--colour");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option --colour");
    const fmt = sim(fixture("yaml-error"), "--format", "xml");
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toMatch(/--format must be json or text/);
  });

  it("--scale N appends the scale projection (the same numbers as the Cost tab) to the text and the JSON", () => {
    const text = sim("examples/example-presence-router/scenario.yaml", "--scale", "1000");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Scale to 1000 users (the same world copied 1×, 2×, 4×; per simulated minute):");
    expect(text.stdout).toMatch(/\n  16 users: [\d.]+ router calls \/ min/);
    expect(text.stdout).toMatch(/wake-ups \/ min: linear \([^)]*\) → [\d.]+ at 1000 users/);
    const json = JSON.parse(sim("examples/example-presence-router/scenario.yaml", "--scale", "1000", "--format", "json").stdout);
    expect(json.scale.points.map((p: { users: number }) => p.users)).toEqual([4, 8, 16]);
    expect(json.scale.fits.wakeups.growth).toBe("linear");
    expect(text.stdout).toContain(`→ ${json.scale.fits.wakeups.projected} at 1000 users`);
  });

  it("a YAML error exits 2 with file:line:col on stderr", () => {
    const r = sim(fixture("yaml-error"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^tests\/cli\/fixtures\/yaml-error\/scenario\.yaml:\d+:\d+: error: /m);
  });

  it("an unknown user exits 2, located at the step's user, with a suggestion", () => {
    const r = sim(fixture("unknown-user"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(posOf(fixture("unknown-user"), '"@bobb:example.org"'));
    expect(r.stderr).toContain("@bob:example.org");
  });

  it("a syntax error in the module exits 2 at the module's line and UTF-16 column", () => {
    const r = sim(fixture("syntax-error"));
    expect(r.code).toBe(2);
    // esbuild stops at the "}" inside `new Set( })`.
    expect(r.stderr).toContain(posOf("tests/cli/fixtures/syntax-error/router.ts", "( })", 2) + ": error: ");
  });

  it("a missing module file exits 2, located at the scenario's module line", () => {
    const r = sim(fixture("missing-module"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(posOf(fixture("missing-module"), "nothere.ts#Router"));
    expect(r.stderr).toContain("nothere.ts");
  });

  it("a throwing parse_config exits 2 with a location and the ConfigError's message", () => {
    const r = sim(fixture("throwing-config"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/(router\.ts|scenario\.yaml):\d+:\d+: /);
    expect(r.stderr).toContain("always_send_to_users must be a list of user IDs");
  });

  it("a failing expectation exits 1 and shows ✗ with the detail", () => {
    const r = sim(fixture("failing-expectation"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ bob sees alice");
  });

  it("a callback that throws is shown at the TypeScript line of the imported file, and the run goes on (R63)", () => {
    const r = sim(fixture("runtime-throw"), "--format", "json");
    const trace = JSON.parse(r.stdout);
    const call = trace.events.find((e: any) => e.type === "router_call" && e.error);
    expect(call.error).toMatchObject({ file: "util.ts", line: 5, column: 28 });
    expect(trace.events.some((e: any) => e.type === "sync" && e.label === "bob")).toBe(true);
    expect(r.code).toBe(1); // no_errors fails
  });

  it("--format json prints exactly the trace object with 2-space indent and a newline", () => {
    const r = sim("examples/gobbler-modern/scenario.yaml", "--format", "json");
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout);
    expect(r.stdout).toBe(JSON.stringify(trace, null, 2) + "\n");
    expect(Object.keys(trace)).toEqual(["version", "scenario", "events", "deliveries", "final", "expectations", "errors", "cost"]);
    expect(Object.keys(trace.cost)).toEqual(["duration", "gufs_calls", "gufs_states", "gis_calls", "module_calls", "all_path_syncs", "edus", "edu_entries", "wakeups", "sync_responses", "per_destination", "per_minute"]);
  });

  it("text output is a timeline with +mm:ss.mmm times and expectation marks", () => {
    const r = sim("examples/gobbler-legacy/scenario.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\+00:01\.000 test sync @presence_gobbler:test \[gobbler_initial\] initial → @other_user_one online "boop"/m);
    expect(r.stdout).toContain("router router.ts get_users_for_states(");
    expect(r.stdout).toMatch(/Expectations: 5\/5 passed/);
    expect(r.stdout).toContain("✓ step 1:");
    // What the run cost (issue 12): per callback, per destination, per simulated minute.
    expect(r.stdout).toMatch(/^Cost \(\+\d\d:\d\d\.\d{3} simulated\):$/m);
    expect(r.stdout).toMatch(/^ {2}get_users_for_states: \d+ calls, \d+ states passed \(\d+ for ALL_USERS-path syncs\)$/m);
    expect(r.stdout).toMatch(/^ {2}per simulated minute: [\d.]+ router calls/m);
  });
});
