// The editor's JSON Schema (src/scenario/schema.ts) and the parser agree: on every example
// and lesson scenario both accept it, and after adding a key to any map of it, both
// accept or both reject (an unknown key in a fixed-key map, a bad user id, a value of
// the wrong type).
import { Ajv } from "ajv";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { idsOf, scenarioSchema, unknownKeyMessage, NO_IDS } from "../../src/scenario/schema.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SCENARIOS = ["examples", "lessons"].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, dir, d.name, "scenario.yaml")))
    .map((d) => `${dir}/${d.name}/scenario.yaml`),
);

const ajv = new Ajv({ strict: false, allErrors: false });
// Compiled once: a scenario's own ids only add completion `examples` (never an enum, see
// the test below), so they do not change what validates; compiling per file cost ~5 s.
let compiled: ReturnType<typeof ajv.compile> | null = null;
const validator = () => (compiled ??= ajv.compile(scenarioSchema(NO_IDS)));
beforeAll(() => void validator(), 120_000); // Ajv's compile alone takes seconds on a busy machine

/** Every plain map in `x`, as a path of keys / indexes. */
function mapPaths(x: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(x)) x.forEach((v, i) => mapPaths(v, [...path, i], out));
  else if (x && typeof x === "object") {
    out.push(path);
    for (const [k, v] of Object.entries(x)) mapPaths(v, [...path, k], out);
  }
  return out;
}

/**
 * A path with list indexes and ids (user, room and server names) generalised, so each
 * kind of map is probed once per file: every step of a 40-step scenario is the same
 * kind of map to the schema and the parser, and probing each made this test ~15 s a file.
 */
function shapeOf(path: (string | number)[]): string {
  return path.map((p) => (typeof p === "number" ? "#" : /^[@!#]|[:.]/.test(p) ? "*" : p)).join("/");
}

function withKey(doc: unknown, path: (string | number)[], key: string, value: unknown): unknown {
  const copy = structuredClone(doc);
  let at = copy as Record<string | number, unknown>;
  for (const p of path) at = at[p] as Record<string | number, unknown>;
  at[key] = value;
  return copy;
}

describe("scenario JSON Schema", () => {
  it("finds the example and lesson scenarios", () => {
    expect(SCENARIOS.filter((s) => s.startsWith("examples/")).length).toBeGreaterThanOrEqual(5);
    expect(SCENARIOS.filter((s) => s.startsWith("lessons/")).length).toBeGreaterThanOrEqual(5);
  });

  for (const file of SCENARIOS) {
    it(`${file}: schema and parser both accept it, and agree on a key added to each map`, () => {
      const text = readFileSync(join(ROOT, file), "utf8");
      const doc: unknown = parse(text);
      expect(parseScenario(text).ok).toBe(true);
      const validate = validator();
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      let rejected = 0;
      const probed = new Set<string>();
      for (const path of mapPaths(doc)) {
        if (probed.has(shapeOf(path))) continue;
        probed.add(shapeOf(path));
        for (const [key, value] of [["zzz_typo", 1] as const, ["name", "x"] as const]) {
          if (path.length && key === "name") continue; // "name" only probes the top level
          const bad = withKey(doc, path, key, value);
          const schemaOk = validate(bad);
          const parserOk = parseScenario(stringify(bad)).ok;
          expect(schemaOk, `${file} + ${key} at ${JSON.stringify(path)}: schema ${schemaOk}, parser ${parserOk}`).toBe(parserOk);
          if (!parserOk) rejected++;
        }
      }
      expect(rejected).toBeGreaterThan(0);
    });
  }

  it("rejects a misspelt step action and a missing servers key, as the parser does", () => {
    const validate = validator();
    const typo = "servers: { a.org: {} }\nusers: { '@a:a.org': {} }\nsteps:\n  - at: 0s\n    presense: { user: '@a:a.org', state: online }\n";
    expect(validate(parse(typo))).toBe(false);
    expect(parseScenario(typo).ok).toBe(false);
    const fixed = typo.replace("presense", "presence");
    expect(validate(parse(fixed))).toBe(true);
    expect(parseScenario(fixed).ok).toBe(true);
    expect(validate(parse("users: {}"))).toBe(false);
    expect(parseScenario("users: {}").ok).toBe(false);
  });

  it("offers the scenario's own ids as completions (examples), never as an enum", () => {
    const doc = parse("servers: { a.org: {} }\nusers: { '@a:a.org': { devices: [phone] } }\nrooms: { '!r:a.org': ['@a:a.org'] }\nsteps:\n  - { at: 0s, sync: { user: '@a:a.org', label: first } }\n");
    const ids = idsOf(doc, ["router.ts"]);
    expect(ids).toMatchObject({ users: ["@a:a.org"], rooms: ["!r:a.org"], servers: ["a.org"], devices: ["phone"], syncLabels: ["first"], requestLabels: ["first"] });
    const s = JSON.stringify(scenarioSchema(ids));
    expect(s).toContain('"examples":["@a:a.org"]');
    expect(s).toContain('"examples":["!r:a.org"]');
    expect(s).toContain('"examples":["router.ts"]');
    expect(s).not.toContain('"enum":["@a:a.org"]');
  });
});

describe("unknownKeyMessage (the editor's wording for a schema's unknown key)", () => {
  const schema = scenarioSchema(NO_IDS);
  it("suggests the closest key allowed at that place, as the parser does", () => {
    expect(unknownKeyMessage(schema, ["steps", 0], "presense")).toBe('unknown key "presense"; did you mean presence?');
    expect(unknownKeyMessage(schema, ["steps", 0, "sync"], "lable")).toBe('unknown key "lable"; did you mean label?');
    expect(unknownKeyMessage(schema, ["servers", "a.org", "presence"], "idle_timout")).toBe('unknown key "idle_timout"; did you mean idle_timeout?');
    // "state" is a key elsewhere (presence steps) but not in a sync step: no suggestion of it.
    expect(unknownKeyMessage(schema, ["steps", 0, "sync"], "stat")).toMatch(/^unknown key "stat" \(allowed: user, device, set_presence/);
    const parsed = parseScenario("servers: { a.org: {} }\nusers: { '@a:a.org': {} }\nsteps:\n  - at: 0s\n    presense: { user: '@a:a.org', state: online }\n");
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.message)).toContain('unknown key "presense" in a step; did you mean presence?');
  });
});
