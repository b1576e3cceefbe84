import { describe, expect, it } from "vitest";
import { createLocator, scenarioPathToPos } from "../../src/scenario/parse.ts";
import { EXAMPLE, posOf } from "./helpers.ts";

describe("scenarioPathToPos: scenario paths back to YAML positions", () => {
  it("finds step fields", () => {
    const p = scenarioPathToPos(EXAMPLE, "steps[1].sync.user");
    expect(p).toMatchObject({ line: posOf(EXAMPLE, '"@bob:example.org", set')[0], column: posOf(EXAMPLE, '"@bob:example.org", set')[1], exact: true });
    expect(p!.endColumn - p!.column).toBe('"@bob:example.org"'.length);
  });

  it("matches keys containing dots (server names, user ids)", () => {
    expect(scenarioPathToPos(EXAMPLE, "servers.example.org.modules[0]")).toMatchObject({ line: 17, column: 9, exact: true });
    expect(scenarioPathToPos(EXAMPLE, "servers.example.org.presence.idle_timeout")).toMatchObject({ line: 12, column: 21, exact: true });
    expect(scenarioPathToPos(EXAMPLE, "users.@alice:example.org.devices")).toMatchObject({ line: 27, column: 36, exact: true });
    expect(scenarioPathToPos(EXAMPLE, 'users["@bob:example.org"]')).toMatchObject({ line: 28, exact: true });
    expect(scenarioPathToPos(EXAMPLE, "servers.matrix.org")).toMatchObject({ line: 24, column: 15, exact: true });
  });

  it("falls back to the deepest prefix found", () => {
    expect(scenarioPathToPos(EXAMPLE, "steps[1].sync.nope")).toMatchObject({ line: 41, exact: false });
    expect(scenarioPathToPos(EXAMPLE, "steps[99]")).toMatchObject({ line: 38, exact: false });
    expect(scenarioPathToPos("", "steps")).toBeNull();
  });

  it("a locator parses once and answers many paths", () => {
    const loc = createLocator(EXAMPLE);
    expect(loc("seed")).toMatchObject({ line: 3, column: 7 });
    expect(loc("expect")).toMatchObject({ line: 43 });
  });
});
