import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";

describe("parseArgs", () => {
  it("takes one input and a format, flags anywhere", () => {
    expect(parseArgs(["s.yaml"])).toEqual({ kind: "run", input: "s.yaml", format: "text" });
    expect(parseArgs(["--format", "json", "s.yaml"])).toEqual({ kind: "run", input: "s.yaml", format: "json" });
    expect(parseArgs(["s.yaml", "--format=text"])).toEqual({ kind: "run", input: "s.yaml", format: "text" });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });

  it("rejects no input, two inputs, unknown flags and bad formats", () => {
    expect(parseArgs([]).kind).toBe("usage-error");
    expect(parseArgs(["a", "b"]).kind).toBe("usage-error");
    expect(parseArgs(["a", "--share-it"])).toEqual({ kind: "usage-error", message: "unknown option --share-it" });
    expect(parseArgs(["a", "--format"]).kind).toBe("usage-error");
  });
});
