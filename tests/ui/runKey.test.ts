// The runner skips a run whose runKey equals the last successful run's (issue 14: a
// comment edit costs only the compile). Each input the engine reads must change the key;
// what it never reads (the sourcemap's sourcesContent) must not.
import { describe, expect, it } from "vitest";
import { runKey, sameRun, type RunKey } from "../../src/ui/runKey.ts";
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
/** Both ways round: sameRun must not depend on the order of its arguments. */
const same = (a: RunKey, b: RunKey) => {
  expect(sameRun(b, a)).toBe(sameRun(a, b));
  return sameRun(a, b);
};

describe("runKey", () => {
  it("is the same when only the source text in the map differs (a comment edit)", () => {
    expect(same(key(out("module.exports = 1;", map("AAAA", "export default 1; // note"))), key(base))).toBe(true);
  });
  it("changes with the compiled code", () => {
    expect(same(key(out("module.exports = 2;", map("AAAA", "export default 1;"))), key(base))).toBe(false);
  });
  it("changes with the mappings (lines moved: errors are reported elsewhere)", () => {
    expect(same(key(out("module.exports = 1;", map(";AAAA", "\nexport default 1;"))), key(base))).toBe(false);
  });
  it("changes with any edit of a Python module, a comment included (Python runs from source)", () => {
    const py = (src: string) => out("module.exports = 1;", map("AAAA", "export default 1;"), { python: { "r.py": src } });
    expect(same(key(py("x = 1\n")), key(py("x = 1\n")))).toBe(true);
    expect(same(key(py("x = 1  # note\n")), key(py("x = 1\n")))).toBe(false);
    expect(same(key(py("x = 1\n")), key(base))).toBe(false);
  });
  it("is the same whatever the order of the Python modules, and changes with any one of them", () => {
    const py = (files: Record<string, string>) => out("module.exports = 1;", map("AAAA", "export default 1;"), { python: files });
    const ab = py({ "a.py": "x = 1\n", "b.py": "y = 2\n" });
    const ba = py({ "b.py": "y = 2\n", "a.py": "x = 1\n" });
    const abc = py({ "a.py": "x = 1\n", "c.py": "y = 2\n", "b.py": "y = 2\n" });
    const acb = py({ "c.py": "y = 2\n", "a.py": "x = 1\n", "b.py": "y = 2\n" });
    expect(same(key(ab), key(ba))).toBe(true);
    expect(same(key(abc), key(acb))).toBe(true);
    expect(same(key(py({ "a.py": "x = 1\n", "b.py": "y = 3\n" })), key(ab))).toBe(false);
    // The same sources under swapped names are another program.
    expect(same(key(py({ "a.py": "y = 2\n", "b.py": "x = 1\n" })), key(ab))).toBe(false);
  });
  it("changes with the entry diagnostics and the list of files", () => {
    const entry = out("module.exports = 1;", map("AAAA", "export default 1;"), { entryDiagnostics: { "router.ts": [{ file: "router.ts", line: 1, column: 1, message: "e", severity: "error" }] } });
    expect(same(key(entry), key(base))).toBe(false);
    expect(same(key(entry), key({ ...entry }))).toBe(true);
    expect(same(key(out("module.exports = 1;", map("AAAA", "export default 1;"), { files: ["router.ts", "b.ts"] })), key(base))).toBe(false);
    const { files: _none, ...noFiles } = base;
    expect(same(key(noFiles), key(base))).toBe(false);
    expect(same(key(noFiles), key({ ...noFiles }))).toBe(true);
  });
  it("is never the same as no run at all", () => {
    expect(sameRun(null, key(base))).toBe(false);
  });
  it("changes with the scenario text and the callback budget", () => {
    expect(same(key(base, "version: 1"), key(base, ["version", ": 1"].join("")))).toBe(true); // equal text, another string
    expect(same(key(base, "version: 1", 1000), key(base, "version: 1", 1000))).toBe(true);
    expect(same(key(base, "version: 1 "), key(base))).toBe(false);
    expect(same(key(base, "version: 1", 1001), key(base))).toBe(false);
  });
  it("changes with a diagnostic (warnings reach the trace)", () => {
    const warned = out("module.exports = 1;", map("AAAA", "export default 1;"), {
      diagnostics: [{ file: "router.ts", line: 1, column: 1, message: "w", severity: "warning" }],
    });
    expect(same(key(warned), key(base))).toBe(false);
  });
  it("changes with another entry, whatever the order of the bundles", () => {
    const two = { ...base, bundles: { ...base.bundles, "b.ts": { code: "x", map: "{}" } } };
    const swapped = { ...base, bundles: { "b.ts": { code: "x", map: "{}" }, ...base.bundles } };
    expect(same(key(two), key(base))).toBe(false);
    expect(same(key(swapped), key(two))).toBe(true);
  });
  it("compares a map that is not JSON as it is", () => {
    expect(same(key(out("c", "not json")), key(out("c", "not json")))).toBe(true);
    expect(same(key(out("c", "not json")), key(out("c", "not json!")))).toBe(false);
  });
});
