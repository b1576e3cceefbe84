import { describe, expect, it } from "vitest";
import * as esbuild from "esbuild";
import { looksLikeLink, runLink, shareScenarioFile } from "../../src/cli/link.ts";
import { runScenarioFile } from "../../src/cli/run.ts";
import { parseArgs } from "../../src/cli/args.ts";

const deps = { esbuild };

describe("headless runner and permalinks", () => {
  it("--share makes a link that runs to the same trace as the files on disk", async () => {
    const shared = shareScenarioFile("examples/two-server-federation/scenario.yaml", "https://play.example/");
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    expect(shared.link.startsWith("https://play.example/#v1.")).toBe(true);
    const fromLink = await runLink(shared.link, deps);
    const fromFile = await runScenarioFile("examples/two-server-federation/scenario.yaml", deps);
    expect(fromLink.kind).toBe("ran");
    expect(fromFile.kind).toBe("ran");
    if (fromLink.kind !== "ran" || fromFile.kind !== "ran") return;
    expect(JSON.stringify(fromLink.trace)).toBe(JSON.stringify(fromFile.trace));
  });

  it("the committed golden v1 links still run", async () => {
    const { readFileSync } = await import("node:fs");
    for (const f of ["v1-deflate.link", "v1-lzstring.link"]) {
      const out = await runLink(readFileSync(`tests/share/golden/${f}`, "utf8").trim(), deps);
      expect(out.kind, f).toBe("ran");
      if (out.kind === "ran") expect(out.trace.events.some((e) => e.type === "sync" && e.label === "first")).toBe(true);
    }
  });

  it("--share of a scenario naming a missing module file says where, like a run does", () => {
    const shared = shareScenarioFile("tests/cli/fixtures/missing-module/scenario.yaml", "https://play.example/");
    expect(shared).toEqual({
      ok: false,
      problems: [
        "tests/cli/fixtures/missing-module/scenario.yaml:5:17: error: module file 'nothere.ts' not found (looked for tests/cli/fixtures/missing-module/nothere.ts) (servers.example.org.modules[0].module)",
      ],
    });
  });

  it("a broken link is a plain error, not a crash", async () => {
    const out = await runLink("#v1.d.garbage!", deps);
    expect(out.kind).toBe("invalid");
    expect(out.kind === "invalid" && out.problems[0]).toMatch(/^link: .*cut|altered/);
    expect((await runLink("https://x.example/#v7.d.AAAA", deps)).kind).toBe("invalid");
  });

  it("recognises links and parses --share / --base", () => {
    expect(looksLikeLink("https://a.example/#v1.d.x")).toBe(true);
    expect(looksLikeLink("#v1.z.x")).toBe(true);
    expect(looksLikeLink("examples/a/scenario.yaml")).toBe(false);
    expect(parseArgs(["--share", "s.yaml", "--base", "https://p.example/"])).toEqual({ kind: "share", input: "s.yaml", base: "https://p.example/" });
    expect(parseArgs(["--share", "s.yaml", "--base", "ftp://x"]).kind).toBe("usage-error");
  });
});
