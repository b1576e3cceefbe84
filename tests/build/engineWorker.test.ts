// The engine worker's script (src/build/engineWorker.ts): the scenario parser travels in it
// as a string and becomes code on its first use, so a fresh worker that is handed an
// earlier parse compiles about half as much; and the parser made from that string is the
// very parser Node imports.
import { describe, expect, it } from "vitest";
import { buildEngineWorker, parserBody } from "../../src/build/engineWorker.ts";
import { parse } from "../../src/pipeline/parse.ts";
import { createLocator } from "../../src/scenario/pathpos.ts";
import { defaultExample } from "../../src/ui/defaultExample.ts";

const ROOT = process.cwd();
/** yaml's own error class name: present wherever the yaml library's code is. */
const YAML_MARK = "YAMLParseError";

/** The worker's code with the parser's string literal cut out, and that literal's length. */
function outsideTheString(code: string): { outside: string; literal: number } {
  const start = code.search(/\(\s*['"`]var __parser ?=/);
  const end = code.indexOf("return __parser;", start);
  expect(start, "the parser's source is a string in the worker").toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return { outside: code.slice(0, start) + code.slice(end), literal: end - start };
}

describe("the engine worker's script", () => {
  it("carries the parser (the yaml library) only inside a string: the code compiled at the worker's start is less than 60 % of the script", async () => {
    const { code, inputs } = await buildEngineWorker(ROOT, true);
    const { outside, literal } = outsideTheString(code);
    expect(code).toContain(YAML_MARK);
    expect(outside).not.toContain(YAML_MARK);
    expect(outside.length).toBeLessThan(code.length * 0.6);
    expect(literal).toBeGreaterThan(code.length * 0.4);
    // The dev server watches every source of both parts.
    expect(inputs.some((f) => f.includes("node_modules/yaml/"))).toBe(true);
    expect(inputs).toContain("src/worker/engine.worker.ts");
    expect(inputs).toContain("src/scenario/parse.ts");
  }, 60_000);

  it("makes the parser from the string with a Function read before any module code, once", async () => {
    const { code } = await buildEngineWorker(ROOT, false);
    const { outside } = outsideTheString(code);
    // The unminified shim: the constructor captured at evaluation, the instance memoised.
    expect(outside).toMatch(/(const|var) make = Function;/);
    expect(code).toMatch(/lib \?\?= make\(['"]var __parser = /);
    expect(outside).toMatch(/function parse\d*\(\.\.\.a\) \{\s*return parser\(\)\.parse\(\.\.\.a\);/);
    expect(outside).toMatch(/function createLocator\d*\(\.\.\.a\) \{\s*return parser\(\)\.createLocator\(\.\.\.a\);/);
  }, 60_000);
});

describe("the parser made from the string", () => {
  it("parses and locates exactly as the parser Node imports", async () => {
    const { code } = await parserBody(ROOT, true);
    const lib = new Function(code)() as { parse: typeof parse; createLocator: typeof createLocator };
    const text = defaultExample.scenario;
    const good = { text, path: "scenario.yaml" };
    expect(lib.parse(good)).toEqual(parse(good));
    expect(lib.parse(good).ok).toBe(true);
    const bad = { text: text.replace(/^servers:/m, "serverz:"), path: "scenario.yaml" };
    const theirs = lib.parse(bad);
    expect(theirs.ok).toBe(false);
    expect(theirs).toEqual(parse(bad));
    expect(lib.createLocator(text)("servers")).toEqual(createLocator(text)("servers"));
    expect(lib.createLocator(text)("servers")?.line).toBeGreaterThan(0);
  }, 60_000);
});
