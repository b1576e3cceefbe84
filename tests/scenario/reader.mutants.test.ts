// The typed YAML reader (src/scenario/reader.ts) as a scenario author meets it: what each
// kind of value is called in a message, where the message points, and the limits on
// JSON values (module configs, EDU bodies) on both sides of each bound.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { DEFAULT_LIMITS } from "../../src/scenario/limits.ts";
import { ok, posOf } from "./helpers.ts";

/** "line:column path: message" of each error; [] when the scenario is accepted. */
function errs(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");
const HS = "servers: { hs: {} }\n";

describe("values are described by what they are", () => {
  const seed = (v: string) => errs(`${HS}seed: ${v}\n`).map((e) => e.replace(/^2:7 seed: seed must be a number, got /, ""));

  it("text is quoted, cut after 40 characters", () => {
    const forty = "a".repeat(40);
    expect(seed(forty)).toEqual([`the text "${forty}"`]);
    expect(seed(forty + "b")).toEqual([`the text "${forty}…"`]);
  });

  it("maps, lists, booleans, null and non-finite numbers", () => {
    expect(seed("{ a: 1 }")).toEqual(["a map"]);
    expect(seed("[1]")).toEqual(["a list"]);
    expect(seed("true")).toEqual(["true"]);
    expect(seed("false")).toEqual(["false"]);
    expect(seed("~")).toEqual(["null"]);
    expect(seed(".inf")).toEqual(["the number Infinity"]);
    expect(seed(".nan")).toEqual(["the number NaN"]);
  });

  it("an alias is described (and read) as the value it names", () => {
    const t = `${HS}duration: &d 5s\nseed: *d\n`;
    expect(errs(t)).toEqual([`3:7 seed: seed must be a number, got the text "5s"`]);
    expect(ok(`${HS}duration: &d 5s\nsteps:\n  - { at: *d, until: {} }\n`).steps[0].at).toBe(5000);
  });
});

describe("numbers", () => {
  it("whole numbers: 1.5 is refused at the value, naming it", () => {
    const t = `${HS}seed: 1.5\n`;
    expect(errs(t)).toEqual(["2:7 seed: seed must be a whole number, got 1.5"]);
  });

  it("an inclusive minimum says 'at least', an exclusive one 'greater than'", () => {
    const rc = `servers:\n  hs:\n    rc_presence: { per_user: { per_second: -1 } }\n`;
    expect(errs(rc)).toEqual([`${at(rc, "-1")} servers.hs.rc_presence.per_user.per_second: per_second must be at least 0, got -1`]);
    const fed = `servers:\n  hs:\n    federation_rr_transactions_per_room_per_second: -1\n`;
    expect(errs(fed)).toEqual([`${at(fed, "-1")} servers.hs.federation_rr_transactions_per_room_per_second: federation_rr_transactions_per_room_per_second must be greater than 0, got -1`]);
  });

  it("a maximum says 'at most'", () => {
    expect(errs(`${HS}seed: 4294967296\n`)).toEqual(["2:7 seed: seed must be at most 4294967295, got 4294967296"]);
  });
});

describe("durations", () => {
  it("anything but text or a number is refused, described", () => {
    const msg = "must be a duration such as 30s, 5m, 1m30s or a number of milliseconds, got";
    expect(errs(`${HS}duration: [1]\n`)).toEqual([`2:11 duration: duration ${msg} a list`]);
    expect(errs(`${HS}duration: true\n`)).toEqual([`2:11 duration: duration ${msg} true`]);
    expect(errs(`${HS}steps:\n  - { at: ~, until: {} }\n`)).toEqual([`3:11 steps[0].at: at ${msg} null`]);
  });
});

describe("maps and lists", () => {
  it("null is an empty map or list", () => {
    expect(ok(`${HS}users: ~\nrooms: ~\nsteps: ~\nexpect: ~\n`)).toMatchObject({ users: [], rooms: [], steps: [], expect: [] });
  });

  it("a map where a list belongs, and the other way round, are refused with what was found", () => {
    expect(errs(`${HS}steps: { a: 1 }\n`)).toEqual(["2:8 steps: steps must be a list, got a map"]);
    expect(errs(`${HS}users: [a]\n`)).toEqual(["2:8 users: users must be a map (key: value), got a list"]);
    expect(errs(`${HS}users: hello\n`)).toEqual(['2:8 users: users must be a map (key: value), got the text "hello"']);
  });

  it("keys must be plain text: a list or a null key is refused at the key, and the rest is still read", () => {
    const t = `servers:\n  [a]: {}\n  ? \n  : {}\n  hs: {}\nusers:\n  "@a:hs": {}\n`;
    expect(errs(t)).toEqual(["2:3 servers: keys in servers must be plain text", "3:5 servers: keys in servers must be plain text"]);
  });

  it("a key written twice is refused at the second one; the first is kept", () => {
    const t = `servers:\n  hs: {}\n  hs: {}\n`;
    expect(errs(t)).toEqual(['3:3 servers.hs: "hs" appears twice in servers; keep one']);
  });

  it("numbers and booleans are keys as text", () => {
    expect(ok("servers:\n  1: {}\n  true: {}\n").servers.map((s) => s.name)).toEqual(["1", "true"]);
  });

  it("an unknown key gets the closest allowed key, or the allowed list when none is close", () => {
    expect(errs(`${HS}sed: 1\n`)).toEqual(["2:1 sed: unknown key \"sed\" in the scenario; did you mean seed?"]);
    const t = `servers:\n  hs: { rc_presence: { zzzzzz: 1 } }\n`;
    expect(errs(t)).toEqual([`${at(t, "zzz")} servers.hs.rc_presence.zzzzzz: unknown key "zzzzzz" in rc_presence (allowed: per_user)`]);
  });

  it("a missing required key is pointed at the map that lacks it", () => {
    const t = `${HS}rooms: {}\nclients:\n  - { device: x }\n`;
    expect(errs(t)).toEqual([`${at(t, "{ device")} clients[0]: a client needs "user"`]);
  });

  it("a list of text: every bad entry is reported, and nothing is kept", () => {
    const t = `servers:\n  hs:\n    federation_domain_whitelist: [a.org, 1, [x], b.org]\n`;
    expect(errs(t)).toEqual([
      `${at(t, "1,")} servers.hs.federation_domain_whitelist[1]: each entry of federation_domain_whitelist must be text, got the number 1`,
      `${at(t, "[x]")} servers.hs.federation_domain_whitelist[2]: each entry of federation_domain_whitelist must be text, got a list`,
    ]);
  });
});

describe("JSON values (module config)", () => {
  const M = (config: string) => `servers:\n  hs:\n    modules:\n      - module: r.ts\n        config: ${config}\n`;
  const config = (text: string) => ok(text).servers[0].modules[0].config;
  const nested = (n: number) => "[".repeat(n) + "]".repeat(n);

  it("exactly as written: numbers, text, booleans, null, lists, maps", () => {
    expect(config(M('{ n: 1.5, s: "x", b: false, z: ~, l: [1, [2]], m: { k: v } }'))).toEqual({ n: 1.5, s: "x", b: false, z: null, l: [1, [2]], m: { k: "v" } });
  });

  it("a __proto__ key is an ordinary key, not the object's prototype", () => {
    const c = config(M("{ __proto__: { polluted: true } }")) as Record<string, unknown>;
    expect(Object.keys(c)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect((c as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(c, "__proto__")).toEqual({ value: { polluted: true }, enumerable: true, writable: true, configurable: true });
  });

  it("non-finite numbers and non-text keys are refused, naming the problem", () => {
    expect(errs(M("{ a: .inf }"))).toEqual(["5:17 servers.hs.modules[0].config: config: Infinity is not a JSON number"]);
    expect(errs(M("[.nan]"))).toEqual(["5:17 servers.hs.modules[0].config: config: NaN is not a JSON number"]);
    expect(errs(M("{ [k]: 1 }"))).toEqual(["5:17 servers.hs.modules[0].config: config: map keys must be plain text"]);
    expect(errs(M("{ ? : 1 }"))).toEqual(["5:17 servers.hs.modules[0].config: config: map keys must be plain text"]);
    // Only the first problem is told.
    expect(errs(M("{ a: .inf, b: .nan }"))).toEqual(["5:17 servers.hs.modules[0].config: config: Infinity is not a JSON number"]);
  });

  it("nesting: 100 levels below the value are read; 101 are refused", () => {
    // The value itself is level 0: n brackets put an empty list at level n - 1.
    expect(config(M(nested(101)))).toBeInstanceOf(Array);
    expect(errs(M(nested(102)))).toEqual(["5:17 servers.hs.modules[0].config: config: nested too deeply (more than 100 levels)"]);
  });

  it("size: `json` values in total (200,000 by default), counting repeated aliases and every JSON value of the scenario", () => {
    expect(DEFAULT_LIMITS.json).toBe(200_000);
    const limited = (text: string) => parseScenario(text, "s.yaml", { limits: { json: 20 } });
    // [&a [0,0,0,0], *a, *a] is 1 + 3 × 5 = 16 values; four more zeros make exactly 20.
    const bomb = (zeros: number) => M(`[&a [0, 0, 0, 0], *a, *a${", 0".repeat(zeros)}]`);
    const r = limited(bomb(4));
    expect(r.ok && r.scenario.servers[0].modules[0].config).toHaveLength(7);
    const over = limited(bomb(5));
    expect(over.ok ? [] : over.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`)).toEqual([
      "5:17 servers.hs.modules[0].config: config: too large (more than 20 values in total, counting repeated aliases)",
    ]);
    // Two configs share the budget: 10 + 10 values fit, 10 + 11 do not (the second is refused).
    const two = (n: number) => `${M(`[${Array(9).fill(0).join(", ")}]`)}      - module: s.ts\n        config: [${Array(n).fill(0).join(", ")}]\n`;
    expect(limited(two(9)).ok).toBe(true);
    const second = limited(two(10));
    expect(second.ok ? [] : second.errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual(["7:17 servers.hs.modules[1].config"]);
    // The bound is shown with thousands separators.
    const wide = parseScenario(M(`[${Array(1000).fill(0).join(",")}]`), "s.yaml", { limits: { json: 1000 } });
    expect(wide.ok ? "" : wide.errors[0].message).toBe("config: too large (more than 1,000 values in total, counting repeated aliases)");
  });
});
