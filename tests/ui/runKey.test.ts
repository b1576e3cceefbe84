// The runner skips a run whose runKey equals the last successful run's (issue 14: a
// comment edit costs only the compile). Each input the engine reads must change the key;
// what it never reads (the sourcemap's sourcesContent) must not.
import { describe, expect, it } from "vitest";
import { runKey } from "../../src/ui/runKey.ts";
import type { CompileOutput } from "../../src/worker/protocol.ts";

const map = (mappings: string, content: string) => JSON.stringify({ version: 3, sources: ["router.ts"], sourcesContent: [content], names: [], mappings });
const out = (code: string, m: string, extra: Partial<CompileOutput> = {}): CompileOutput => ({
  bundles: { "router.ts": { code, map: m } },
  diagnostics: [],
  files: ["router.ts"],
  ...extra,
});
const base = out("module.exports = 1;", map("AAAA", "export default 1;"));
const key = (o: CompileOutput, scenario = "version: 1", budget = 1000) => runKey(o, scenario, budget);

describe("runKey", () => {
  it("is the same when only the source text in the map differs (a comment edit)", () => {
    expect(key(out("module.exports = 1;", map("AAAA", "export default 1; // note")))).toBe(key(base));
  });
  it("changes with the compiled code", () => {
    expect(key(out("module.exports = 2;", map("AAAA", "export default 1;")))).not.toBe(key(base));
  });
  it("changes with the mappings (lines moved: errors are reported elsewhere)", () => {
    expect(key(out("module.exports = 1;", map(";AAAA", "\nexport default 1;")))).not.toBe(key(base));
  });
  it("changes with the scenario text and the callback budget", () => {
    expect(key(base, "version: 1 ")).not.toBe(key(base));
    expect(key(base, "version: 1", 1001)).not.toBe(key(base));
  });
  it("changes with a diagnostic (warnings reach the trace)", () => {
    const warned = out("module.exports = 1;", map("AAAA", "export default 1;"), {
      diagnostics: [{ file: "router.ts", line: 1, column: 1, message: "w", severity: "warning" }],
    });
    expect(key(warned)).not.toBe(key(base));
  });
  it("changes with another entry, whatever the order of the bundles", () => {
    const two = { ...base, bundles: { ...base.bundles, "b.ts": { code: "x", map: "{}" } } };
    const swapped = { ...base, bundles: { "b.ts": { code: "x", map: "{}" }, ...base.bundles } };
    expect(key(two)).not.toBe(key(base));
    expect(key(swapped)).toBe(key(two));
  });
  it("compares a map that is not JSON as it is", () => {
    expect(key(out("c", "not json"))).toBe(key(out("c", "not json")));
    expect(key(out("c", "not json"))).not.toBe(key(out("c", "not json!")));
  });
});
