import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";

describe("parseArgs", () => {
  it("takes one input and a format, flags anywhere", () => {
    expect(parseArgs(["s.yaml"])).toEqual({ kind: "run", input: "s.yaml", format: "text", budgetMs: 1000 });
    expect(parseArgs(["--format", "json", "s.yaml"])).toEqual({ kind: "run", input: "s.yaml", format: "json", budgetMs: 1000 });
    expect(parseArgs(["s.yaml", "--format=text"])).toEqual({ kind: "run", input: "s.yaml", format: "text", budgetMs: 1000 });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });

  it("--budget takes whole milliseconds from 100 to 600000", () => {
    expect(parseArgs(["s.yaml", "--budget", "100"])).toMatchObject({ kind: "run", budgetMs: 100 });
    expect(parseArgs(["s.yaml", "--budget=600000"])).toMatchObject({ kind: "run", budgetMs: 600000 });
    expect(parseArgs(["s.yaml", "--budget", "99"])).toMatchObject({ kind: "usage-error", message: expect.stringMatching(/--budget must be/) });
    expect(parseArgs(["s.yaml", "--budget", "600001"])).toMatchObject({ kind: "usage-error" });
    expect(parseArgs(["s.yaml", "--budget", "1.5"])).toMatchObject({ kind: "usage-error" });
    expect(parseArgs(["s.yaml", "--budget"])).toMatchObject({ kind: "usage-error", message: expect.stringMatching(/not nothing/) });
  });
  it("--scale takes a whole number of users from 1 to 10000000", () => {
    expect(parseArgs(["s.yaml", "--scale", "1"])).toMatchObject({ kind: "run", scale: 1 });
    expect(parseArgs(["s.yaml", "--scale=10000000"])).toMatchObject({ kind: "run", scale: 10_000_000 });
    expect(parseArgs(["s.yaml", "--scale", "0"])).toMatchObject({ kind: "usage-error", message: expect.stringMatching(/--scale must be/) });
    expect(parseArgs(["s.yaml", "--scale", "10000001"])).toMatchObject({ kind: "usage-error" });
    expect(parseArgs(["s.yaml", "--scale", "2.5"])).toMatchObject({ kind: "usage-error" });
    expect(parseArgs(["s.yaml", "--scale"])).toMatchObject({ kind: "usage-error", message: expect.stringMatching(/not nothing/) });
    expect(parseArgs(["s.yaml"])).not.toHaveProperty("scale");
  });
  it("rejects no input, two inputs, unknown flags and bad formats", () => {
    expect(parseArgs([]).kind).toBe("usage-error");
    expect(parseArgs(["a", "b"]).kind).toBe("usage-error");
    expect(parseArgs(["a", "--share-it"])).toEqual({ kind: "usage-error", message: "unknown option --share-it" });
    expect(parseArgs(["a", "--format"]).kind).toBe("usage-error");
  });
});
