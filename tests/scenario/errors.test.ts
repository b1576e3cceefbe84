// Every class of scenario error is reported at the right line/column with a plain message.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { DEFAULT_LIMITS } from "../../src/scenario/limits.ts";
import { errorsOf, oneError, posOf, WORLD } from "./helpers.ts";

const step = (s: string) => `${WORLD}steps:\n${s}`;

describe("located scenario errors (scenario-format §6)", () => {
  it("YAML syntax error at its position, in plain words", () => {
    const text = "servers:\n  hs: {}\nusers:\n  @bob:hs: {}\n";
    const e = oneError(text, 4, 3, "");
    expect(e.message).toMatch(/quote user ids/);
    expect(e.message).not.toMatch(/at line/);
    expect(e.file).toBe("scenario.yaml");
  });

  it("unclosed flow collection and duplicate keys", () => {
    const errs = errorsOf("servers:\n  hs: {}\n  hs: {}\n");
    expect(errs[0]).toMatchObject({ line: 3, column: 3 });
    expect(errs[0].message).toBe('"hs" appears twice in servers; keep one');
    expect(errorsOf("servers: { hs: { modules: [{ module: r.ts, config: { a: 1, a: 2 } }] } }\n")[0].message).toBe('config: the key "a" appears twice');
    const e2 = errorsOf("servers: { hs: {}\nusers: {}\n");
    expect(e2.length).toBeGreaterThan(0);
    expect(e2[0].line).toBeGreaterThanOrEqual(1);
  });

  it("an unclosed quote is marked at the opening quote", () => {
    const errs = errorsOf('servers: { hs: {} }\nsteps:\n  - at: 0\n    sync: { user: "@a:hs }\n');
    expect(errs[0]).toMatchObject({ line: 4, column: 19, message: 'this quoted text is never closed; add the closing "' });
  });

  it("unquoted room id is read as a YAML tag: error telling to quote it", () => {
    const errs = errorsOf('servers: { hs: {} }\nrooms:\n  !r:hs: ["@a:hs"]\n');
    expect(errs[0].line).toBe(3);
    expect(errs[0].message).toMatch(/quote/);
  });

  it("uses the file name given", () => {
    const r = parseScenario("servers: [", "lessons/one.yaml");
    expect(!r.ok && r.errors[0].file).toBe("lessons/one.yaml");
  });

  it("unknown top-level key with a did-you-mean suggestion", () => {
    const text = "servers: { hs: {} }\nstpes: []\n";
    const e = oneError(text, 2, 1, "stpes");
    expect(e.message).toBe('unknown key "stpes" in the scenario; did you mean steps?');
  });

  it("unknown key deep inside a server", () => {
    const text = "servers:\n  hs:\n    presence:\n      idle_timout: 5m\n";
    const e = oneError(text, 4, 7, "servers.hs.presence.idle_timout");
    expect(e.message).toMatch(/did you mean idle_timeout\?/);
  });

  it("bad duration", () => {
    const text = "servers:\n  hs:\n    presence:\n      sync_online_timeout: 30 seconds\n";
    const e = oneError(text, 4, 28, "servers.hs.presence.sync_online_timeout");
    expect(e.message).toMatch(/not a duration/);
    expect(e).toMatchObject({ endLine: 4, endColumn: 38 });
  });

  it("§1 config check: non-positive G or S, I not greater than G", () => {
    expect(oneError("servers:\n  hs:\n    presence:\n      last_active_granularity: 0\n", 4, 32).message).toMatch(/greater than 0/);
    expect(oneError("servers:\n  hs:\n    presence:\n      sync_online_timeout: 0s\n", 4, 28).message).toMatch(/greater than 0/);
    const e = oneError("servers:\n  hs:\n    presence:\n      idle_timeout: 1m\n", 4, 21);
    expect(e.message).toMatch(/idle_timeout \(60000 ms\) must be greater than last_active_granularity \(60000 ms\)/);
  });

  it("R70 enabled with a wrong value", () => {
    expect(oneError("servers:\n  hs:\n    presence: { enabled: yes }\n", 3, 26).message).toMatch(/true, false or "untracked"/);
  });

  it("module entries must name .ts/.js/.py files", () => {
    const e = oneError("servers:\n  hs:\n    modules:\n      - module: my_module/MyRouter\n", 4, 17, "servers.hs.modules[0].module");
    expect(e.message).toMatch(/\.ts, \.js or \.py file/);
    oneError("servers:\n  hs:\n    modules:\n      - config: {}\n", 4, 9, "servers.hs.modules[0]");
  });

  it("bad MXID as a user key", () => {
    const text = "servers: { hs: {} }\nusers:\n  \"bob:hs\": {}\n";
    const e = oneError(text, 3, 3, "users.bob:hs");
    expect(e.message).toMatch(/not a user id; user ids look like @alice:example.org/);
  });

  it("user on an unknown server suggests the closest server", () => {
    const e = oneError('servers: { example.org: {} }\nusers:\n  "@bob:exmple.org": {}\n', 3, 3);
    expect(e.message).toBe('the server "exmple.org" of @bob:exmple.org is not in servers; did you mean example.org?');
  });

  it("unknown user with did-you-mean", () => {
    const text = step('  - at: 1s\n    sync: { user: "@bobb:example.org" }\n');
    const [l, c] = posOf(text, '"@bobb');
    const e = oneError(text, l, c, "steps[0].sync.user");
    expect(e.message).toBe("unknown user @bobb:example.org; did you mean @bob:example.org?");
  });

  it("unknown room member, unknown device, unknown server reference", () => {
    expect(oneError(WORLD.replace('"@carol:matrix.org"]', '"@karol:matrix.org"]'), 9, 47).message).toMatch(/did you mean @carol:matrix.org/);
    const t2 = step('  - { at: 0, sync: { user: "@alice:example.org", device: phnoe } }\n');
    expect(oneError(t2, ...posOf(t2, "phnoe")).message).toBe('@alice:example.org has no device "phnoe"; did you mean phone? (devices: phone, laptop)');
    const t3 = step("  - { at: 0, restart: { server: matrx.org } }\n");
    expect(oneError(t3, ...posOf(t3, "matrx.org")).message).toBe("unknown server matrx.org; did you mean matrix.org?");
  });

  it("bad room id and unknown room in an activity step", () => {
    const t = step('  - { at: 0, activity: { user: "@bob:example.org", room: "team" } }\n');
    expect(oneError(t, ...posOf(t, '"team"')).message).toMatch(/not a room id/);
    const t2 = step('  - { at: 0, activity: { user: "@bob:example.org", room: "!tem:example.org" } }\n');
    expect(oneError(t2, ...posOf(t2, '"!tem')).message).toMatch(/unknown room !tem:example.org; did you mean !team:example.org\?/);
  });

  it("wrong JSON type of a field", () => {
    const t = step('  - { at: 0, sync: { user: "@bob:example.org", full_state: "yes" } }\n');
    const e = oneError(t, ...posOf(t, '"yes"'), "steps[0].sync.full_state");
    expect(e.message).toBe('full_state must be true or false, got the text "yes"');
    const t2 = step('  - { at: 0, sync: { user: ["@bob:example.org"] } }\n');
    expect(oneError(t2, ...posOf(t2, '["@bob')).message).toBe("user must be text, got a list");
  });

  it("unknown label in since, with suggestion", () => {
    const t = step('  - { at: 0, sync: { user: "@bob:example.org", label: first } }\n  - { at: 1s, sync: { user: "@bob:example.org", since: frist } }\n');
    const e = oneError(t, ...posOf(t, "frist"), "steps[1].sync.since");
    expect(e.message).toBe('since: no sync step is labelled "frist"; did you mean first?');
  });

  it("duplicate label", () => {
    const t = step('  - { at: 0, sync: { user: "@bob:example.org", label: a } }\n  - { at: 1s, get_presence: { user: "@bob:example.org", target: "@bob:example.org", label: a } }\n');
    const e = oneError(t, ...posOf(t, "label: a", 1).map((x, i) => (i === 1 ? x + 7 : x)) as [number, number]);
    expect(e.message).toBe('label "a" is already used by steps[0]; labels must be unique');
  });

  it("since referencing a later sync (by at, even if earlier in the file)", () => {
    const t = step('  - { at: 5s, sync: { user: "@bob:example.org", label: late } }\n  - { at: 1s, sync: { user: "@bob:example.org", since: late } }\n');
    const e = errorsOf(t);
    expect(e).toHaveLength(1);
    expect([e[0].line, e[0].column]).toEqual(posOf(t, "late", 1));
    expect(e[0].message).toMatch(/runs after this one; since must name an earlier sync/);
  });

  it("since naming a non-sync label", () => {
    const t = step('  - { at: 0, presence: { user: "@bob:example.org", state: online, label: p } }\n  - { at: 1s, sync: { user: "@bob:example.org", since: p } }\n');
    expect(oneError(t, ...posOf(t, "since: p").map((x, i) => (i === 1 ? x + 7 : x)) as [number, number]).message).toMatch(/labels a presence step/);
  });

  it("two action keys in one step, and none", () => {
    const t = step('  - at: 0\n    until: {}\n    restart: { server: example.org }\n');
    const e = oneError(t, ...posOf(t, "restart"), "steps[0].restart");
    expect(e.message).toMatch(/exactly one action, this one has until and restart/);
    const t2 = step("  - at: 0\n");
    expect(oneError(t2, ...posOf(t2, "at: 0")).message).toMatch(/needs one action: presence, sync/);
  });

  it("missing required fields point at the action", () => {
    const t = step("  - at: 0\n    presence: { user: \"@bob:example.org\" }\n");
    const e = oneError(t, ...posOf(t, "{ user"), "steps[0].presence");
    expect(e.message).toBe('a presence step needs "state"');
    const t2 = step("  - sync: { user: \"@bob:example.org\" }\n");
    expect(oneError(t2, ...posOf(t2, "sync")).message).toBe('a step needs "at"');
  });

  it("negative at", () => {
    const t = step("  - { at: -5, until: {} }\n");
    expect(oneError(t, ...posOf(t, "-5")).message).toMatch(/cannot be negative/);
  });

  it("absurd sizes are rejected with a clear message", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ users: 20_000, steps: 100_000, string: 10_000, offset: 7 * 86_400_000 });
    const users = Array.from({ length: 21 }, (_, i) => `  "@u${i}:hs": {}`).join("\n");
    const r = parseScenario(`servers: { hs: {} }\nusers:\n${users}\n`, "s.yaml", { limits: { users: 20 } });
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.path, e.message])).toEqual([[3, 3, "users", "too many users (21; at most 20)"]]);
    expect(oneError("servers: { hs: {} }\nduration: 8d\n", 2, 11).message).toMatch(/at most 7d/);
    const long = "x".repeat(10_001);
    expect(oneError(`servers: { hs: {} }\nusers: { "@a:hs": {} }\nsteps:\n  - { at: 0, sync: { user: "@a:hs", label: ${long} } }\n`, 4, 44).message).toMatch(/too long \(10001 characters; at most 10000\)/);
    const steps = "  - { at: 0, until: {} }\n".repeat(11);
    const r2 = parseScenario(`servers: { hs: {} }\nsteps:\n${steps}`, "s.yaml", { limits: { steps: 10 } });
    expect(!r2.ok && r2.errors[0]).toMatchObject({ line: 3, column: 3, message: "too many steps (11; at most 10)" });
    expect(oneError("servers: { hs: {} }\nsteps:\n  - { at: 8d, until: {} }\n", 3, 11).message).toMatch(/too late/);
  });

  it("collects all errors, not just the first, sorted by position", () => {
    const t = step('  - { at: 5x, until: {} }\n  - { at: 0, sync: { user: "@nobody:example.org", foo: 1 } }\n  - { at: 0, restart: { server: nowhere.org } }\n');
    const e = errorsOf(t);
    expect(e.map((x) => x.path)).toEqual(["steps[0].at", "steps[1].sync.user", "steps[1].sync.foo", "steps[2].restart.server"]);
    for (let i = 1; i < e.length; i++) expect(e[i].line * 1000 + e[i].column).toBeGreaterThan(e[i - 1].line * 1000 + e[i - 1].column);
  });

  it("caps the number of errors at about 50", () => {
    const steps = '  - { at: 0, sync: { user: "@x:example.org" } }\n'.repeat(200);
    const r = parseScenario(step(steps));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.length).toBeLessThanOrEqual(51);
      expect(r.errors.at(-1)!.message).toMatch(/stopped after 50 errors/);
    }
  });

  it("version other than 1, empty file, no servers", () => {
    expect(oneError("version: 2\nservers: { hs: {} }\n", 1, 10).message).toMatch(/unsupported version 2/);
    expect(oneError("", 1, 1).message).toMatch(/empty/);
    expect(oneError("users: {}\n", 1, 1).message).toBe('the scenario needs "servers"');
  });
});

describe("formatIssue", () => {
  it("prints file:line:col: severity: message (at path)", async () => {
    const { formatIssue } = await import("../../src/scenario/parse.ts");
    const e = errorsOf("servers: { hs: {} }\nstpes: []\n")[0];
    expect(formatIssue(e)).toBe('scenario.yaml:2:1: error: unknown key "stpes" in the scenario; did you mean steps? (at stpes)');
  });
});
