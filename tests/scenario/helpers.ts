import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parseScenario, type ScenarioIssue } from "../../src/scenario/parse.ts";
import type { Scenario } from "../../src/scenario/types.ts";

export const EXAMPLE = readFileSync(new URL("./fixtures/example.yaml", import.meta.url), "utf8");

/** A small valid world; append `steps:`/`expect:` blocks to it. */
export const WORLD = `servers:
  example.org: {}
  matrix.org: {}
users:
  "@alice:example.org": { devices: [phone, laptop] }
  "@bob:example.org": {}
  "@carol:matrix.org": {}
rooms:
  "!team:example.org": ["@alice:example.org", "@carol:matrix.org"]
`;

export function ok(text: string): Scenario {
  const r = parseScenario(text);
  if (!r.ok) throw new Error("expected ok, got:\n" + r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join("\n"));
  return r.scenario;
}

export function warningsOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text);
  if (!r.ok) throw new Error("expected ok");
  return r.warnings;
}

export function errorsOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text);
  if (r.ok) throw new Error("expected errors, but the scenario parsed");
  return r.errors.filter((e) => e.severity === "error");
}

/** The single error of `text`, checked to sit at (line, column) with that path. */
export function oneError(text: string, line: number, column: number, path?: string): ScenarioIssue {
  const errs = errorsOf(text);
  expect(errs.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`)).toHaveLength(1);
  expect([errs[0].line, errs[0].column]).toEqual([line, column]);
  if (path !== undefined) expect(errs[0].path).toBe(path);
  return errs[0];
}

/** 1-based line/column of the first occurrence of `needle` in `text` (after `from` occurrences). */
export function posOf(text: string, needle: string, nth = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, i);
  const line = before.split("\n").length;
  const column = i - before.lastIndexOf("\n");
  return [line, column];
}
