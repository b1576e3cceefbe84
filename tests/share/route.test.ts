// Direct example URLs (src/share/route.ts): which fragments name an example, and the
// clear message for a name that cannot be one (checked before any lookup).
import { describe, expect, it } from "vitest";
import { exampleLink, parseRoute } from "../../src/share/route.ts";

describe("parseRoute", () => {
  it("reads #example=<name>, with or without '#', percent-decoded", () => {
    expect(parseRoute("#example=modern-docs-router-py")).toEqual({ kind: "example", name: "modern-docs-router-py" });
    expect(parseRoute("example=buddy-list-router")).toEqual({ kind: "example", name: "buddy-list-router" });
    expect(parseRoute("#example=buddy%2Dlist")).toEqual({ kind: "example", name: "buddy-list" });
  });

  it("leaves permalinks and other fragments to the link decoder", () => {
    expect(parseRoute("#v1.p.abc")).toEqual({ kind: "link" });
    expect(parseRoute("#examples=x")).toEqual({ kind: "link" });
    expect(parseRoute("")).toEqual({ kind: "link" });
  });

  it("refuses names that cannot be an example folder, saying what a name looks like", () => {
    for (const bad of ["", "../x", "Upper", "-lead", "a b", "__proto__", "bad%ZZ"]) {
      const r = parseRoute(`#example=${bad}`);
      expect(r.kind, bad).toBe("bad-example");
      if (r.kind === "bad-example") expect(r.message).toMatch(/is not an example name \(lower-case letters, digits and -/);
    }
  });

  it("accepts a 64-character name and refuses 65 (shown cut)", () => {
    expect(parseRoute(`#example=${"a".repeat(64)}`).kind).toBe("example");
    const r = parseRoute(`#example=${"a".repeat(65)}`);
    expect(r).toEqual({ kind: "bad-example", message: expect.stringContaining(`'${"a".repeat(64)}…'`) });
  });
});

describe("exampleLink", () => {
  it("replaces any fragment of the base with #example=<name>", () => {
    expect(exampleLink("https://play.example/app/?embed=graph#v1.p.x", "buddy-list-router")).toBe("https://play.example/app/?embed=graph#example=buddy-list-router");
    expect(parseRoute(exampleLink("https://p/", "a-b").split("#")[1]!)).toEqual({ kind: "example", name: "a-b" });
  });
});
