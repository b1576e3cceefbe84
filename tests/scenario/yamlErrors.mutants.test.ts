// YAML syntax problems in plain words (src/scenario/yamlErrors.ts), each at its place:
// the usual mistakes get a hint, yaml's own wording loses its position suffix.
import { describe, expect, it } from "vitest";
import { YAMLParseError, YAMLWarning } from "yaml";
import { parseScenario } from "../../src/scenario/parse.ts";
import { yamlErrorMessage, yamlErrorRange } from "../../src/scenario/yamlErrors.ts";

const HS = "servers: { hs: {} }\n";
/** [line, column, endLine, endColumn, message] of each error. */
function errs(text: string): Array<[number, number, number | undefined, number | undefined, string]> {
  const r = parseScenario(text);
  return r.ok ? [] : r.errors.map((e) => [e.line, e.column, e.endLine, e.endColumn, e.message]);
}

describe("syntax errors in plain words", () => {
  it("a second document", () => {
    expect(errs(`${HS}---\nx: 1\n`)).toEqual([[2, 1, 3, 5, "the file holds more than one YAML document (a second ---); a scenario is one document"]]);
  });

  it("a value starting with ` or @: quote it", () => {
    expect(errs(`${HS}seed: \`x\`\n`)).toEqual([[2, 7, 2, 8, "Plain value cannot start with reserved character `; quote the value"]]);
    expect(errs(`${HS}seed: @a\n`)).toEqual([[2, 7, 2, 8, 'Plain value cannot start with reserved character @; quote user ids, e.g. "@alice:example.org"']]);
  });

  it("an unclosed single quote is marked at the opening quote", () => {
    expect(errs(`${HS}seed: 'abc\n`)).toEqual([[2, 7, 2, 8, "this quoted text is never closed; add the closing '"]]);
  });

  it("an unquoted room id: its tag name is shown, quoted", () => {
    expect(errs(`${HS}rooms: { !a:hs: [] }\n`)).toEqual([[2, 10, 2, 16, '!a:hs is read as a YAML tag; quote it: "!a:hs"']]);
  });

  it("yaml's own wording starts lower-case, without its 'at line …' suffix", () => {
    const [[line, column, , , message]] = errs(`${HS}x: [a, b\n`);
    expect([line, column]).toEqual([3, 1]);
    expect(message).toBe("flow sequence in block collection must be sufficiently indented and end with a ]");
  });

  it("an unknown directive is only a warning: the scenario still parses", () => {
    const r = parseScenario(`%FOO bar\n---\n${HS}`);
    expect(r.ok && r.warnings.map((w) => [w.line, w.column, w.severity, w.message])).toEqual([[1, 1, "warning", "unknown directive %FOO"]]);
  });
});

describe("messages and ranges for each code", () => {
  const err = (code: string, message: string, pos: [number, number] = [0, 1]) => new YAMLParseError(pos, code as never, message);

  it("hints replace yaml's wording for tabs and duplicate keys", () => {
    expect(yamlErrorMessage(err("TAB_AS_INDENT", "Tabs are not allowed as indentation at line 2, column 1:\n\n\tx\n^\n"))).toBe("tabs are not allowed for indentation in YAML; indent with spaces");
    expect(yamlErrorMessage(err("DUPLICATE_KEY", "Map keys must be unique at line 1, column 1"))).toBe("this key appears twice in the same map; keep one");
  });

  it("a tag problem without a readable tag falls back to the hint", () => {
    expect(yamlErrorMessage(new YAMLWarning([0, 1], "TAG_RESOLVE_FAILED", "Unresolved something"))).toBe('YAML reads a value starting with ! as a tag; quote room ids, e.g. "!team:example.org"');
    expect(yamlErrorMessage(new YAMLWarning([0, 1], "TAG_RESOLVE_FAILED", "Unresolved tag: !x: at line 1, column 1"))).toBe('!x is read as a YAML tag; quote it: "!x"');
  });

  it("a missing character asks about an open bracket; other codes keep yaml's words", () => {
    expect(yamlErrorMessage(err("MISSING_CHAR", "Expected a ] at line 1, column 3:\n\n[a\n  ^\n"))).toBe("Expected a ] (is a bracket left open?)");
    expect(yamlErrorMessage(err("BAD_SCALAR_START", "Plain value cannot start with reserved character % at line 1, column 1"))).toBe("plain value cannot start with reserved character %");
    expect(yamlErrorMessage(err("UNEXPECTED_TOKEN", "Unexpected , at line 1, column 1:\nmore"))).toBe("unexpected ,");
  });

  it("the position suffix goes whatever the line and column numbers", () => {
    expect(yamlErrorMessage(err("UNEXPECTED_TOKEN", "Unexpected , at line 12, column 34:\nmore"))).toBe("unexpected ,");
  });

  it("an unclosed quote at the very start of the text is marked there", () => {
    const r = parseScenario('"servers: { hs: {} }\n');
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.endColumn, e.message])).toEqual([[1, 1, 2, 'this quoted text is never closed; add the closing "']]);
  });

  it("an unclosed quote points at the last opening quote before the end; without one, at yaml's range", () => {
    // Only quotes before the reported position count.
    expect(yamlErrorRange(err("MISSING_CHAR", 'Missing closing "quote', [3, 4]), '"ab"')).toEqual([0, 1]);
    const text = `a: "x"\nb: "open`;
    expect(yamlErrorRange(err("MISSING_CHAR", 'Missing closing "quote at line 2, column 9', [text.length, text.length]), text)).toEqual([10, 11]);
    expect(yamlErrorRange(err("MISSING_CHAR", "Missing closing 'quote", [5, 6]), "a: b c")).toEqual([5, 6]);
    expect(yamlErrorRange(err("UNEXPECTED_TOKEN", "Unexpected", [2, 4]), "abcdef")).toEqual([2, 4]);
    // A position past the end of the text searches from the end.
    expect(yamlErrorRange(err("MISSING_CHAR", 'Missing closing "quote', [99, 99]), 'x: "y')).toEqual([3, 4]);
  });
});
