// Scenario paths back to YAML positions (src/scenario/pathpos.ts), at the edges: keys
// with dots matched greedily, ["quoted"] keys, aliases, and what "exact" means when only
// a prefix of the path exists.
import { describe, expect, it } from "vitest";
import { scenarioPathToPos } from "../../src/scenario/parse.ts";

const TEXT = `servers:
  a: { x: 1 }
  a.b: { y: 2 }
users:
  "@a:hs": &dev { devices: [p, q] }
  "@b:hs": *dev
  "@c:hs":
steps:
  - at: 0
    until: {}
`;
const pos = (path: string) => scenarioPathToPos(TEXT, path);

describe("scenarioPathToPos edges", () => {
  it("the longest key that matches wins, and a shorter one is tried when the longer leads nowhere", () => {
    expect(pos("servers.a.b.y")).toEqual({ line: 3, column: 13, endLine: 3, endColumn: 14, exact: true });
    expect(pos("servers.a.x")).toEqual({ line: 2, column: 11, endLine: 2, endColumn: 12, exact: true });
    // "a.b" matches as a key, but has no x: "a" then ".b" is not found either; the first partial wins.
    expect(pos("servers.a.b.x")).toMatchObject({ line: 3, exact: false });
  });

  it("a key is only matched whole (followed by '.', '[' or the end)", () => {
    expect(pos("servers.ab")).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 14, exact: false });
  });

  it('["key"] names a key in JSON quotes; a bad or unknown one stops at the map', () => {
    expect(pos('users["@a:hs"].devices[1]')).toEqual({ line: 5, column: 32, endLine: 5, endColumn: 33, exact: true });
    expect(pos('users["@z:hs"]')).toMatchObject({ line: 5, column: 3, exact: false });
    expect(pos('users["@a:hs]')).toMatchObject({ line: 5, column: 3, exact: false });
    expect(pos("users[0]")).toMatchObject({ line: 5, column: 3, exact: false });
    expect(pos("users[")).toMatchObject({ line: 5, column: 3, exact: false });
  });

  it("an alias is followed to the value it names", () => {
    expect(pos("users.@b:hs.devices[0]")).toEqual({ line: 5, column: 29, endLine: 5, endColumn: 30, exact: true });
  });

  it("an empty value is found just after its key; a path past it is not", () => {
    expect(pos("users.@c:hs")).toEqual({ line: 7, column: 11, endLine: 7, endColumn: 11, exact: true });
    expect(pos("users.@c:hs.devices")).toEqual({ line: 7, column: 11, endLine: 7, endColumn: 11, exact: false });
  });

  it("indexes: out of range or into a scalar stop at the last node found", () => {
    expect(pos("steps[0].at")).toEqual({ line: 9, column: 9, endLine: 9, endColumn: 10, exact: true });
    expect(pos("steps[1]")).toMatchObject({ line: 9, column: 3, exact: false });
    expect(pos("steps[0].at.x")).toEqual({ line: 9, column: 9, endLine: 9, endColumn: 10, exact: false });
    expect(pos("steps[0].at[0]")).toMatchObject({ line: 9, column: 9, exact: false });
  });

  it("the empty path is the whole document, marked on its first line", () => {
    expect(pos("")).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 9, exact: true });
  });
});
