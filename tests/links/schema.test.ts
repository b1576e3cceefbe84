// The decoded link's schema (src/share/schema.ts): typed values or a located refusal,
// never a value that names Object.prototype. Seeded fuzz with fast-check.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deflateSync } from "fflate";
import { decodeLink, LinkError } from "../../src/share/codec.ts";
import { FILE_NAME, MAX_LINK_FILES, parseShareState, SCENARIO_TAB } from "../../src/share/schema.ts";

const link = (payload: unknown) => `#v1.d.${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(payload)))).toString("base64url")}`;
const good = { files: [["router.ts", "export default class R {}"]], scenario: "version: 1\n", view: { tab: "router.ts", user: "@a:x", time: 5 } };

function refusal(payload: unknown): string {
  try {
    decodeLink(link(payload));
  } catch (e) {
    if (e instanceof LinkError) return e.message;
    throw e;
  }
  return "decoded";
}

describe("link schema", () => {
  it("a view.tab of __proto__ (blanked the app) or another inherited name is refused at view.tab", () => {
    for (const tab of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(refusal({ ...good, view: { ...good.view, tab } })).toMatch(/malformed at view\.tab: names no file of the link/);
    }
  });

  it("a file named __proto__.ts is an ordinary own file name", () => {
    const st = decodeLink(link({ ...good, files: [["__proto__.ts", "x"]], view: { tab: "__proto__.ts" } }));
    expect(st.files).toEqual([["__proto__.ts", "x"]]);
    expect(st.view).toEqual({ tab: "__proto__.ts", user: null, time: 0 });
  });

  it("each malformed part is named with its path", () => {
    expect(refusal({ ...good, files: [["../x.ts", ""]] })).toMatch(/files\[0\]\[0\]: '..\/x.ts' is not a module file name/);
    expect(refusal({ ...good, files: [["a\nb.ts", ""]] })).toMatch(/files\[0\]\[0\]/);
    expect(refusal({ ...good, files: [["a.ts", 1]] })).toMatch(/files\[0\]\[1\]/);
    expect(refusal({ ...good, files: [["a.ts", "x"], ["a.ts", "y"]] })).toMatch(/files: two files have the same name/);
    expect(refusal({ ...good, scenario: null })).toMatch(/at scenario/);
    expect(refusal({ ...good, view: { time: -1 } })).toMatch(/view\.time/);
    expect(refusal({ ...good, view: { time: "5" } })).toMatch(/view\.time: expected a non-negative number/);
    expect(refusal({ ...good, view: { user: "u".repeat(301) } })).toMatch(/view\.user: longer than 300/);
    expect(refusal({ ...good, view: { user: "u".repeat(300) } })).toBe("decoded");
    expect(refusal([1, 2])).toMatch(/the top level: expected an object/);
    expect(refusal({ ...good, view: [] })).toMatch(/at view: expected an object/);
  });

  it("file count: exactly the limit opens, one more is refused", () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => [`f${i}.ts`, ""]);
    expect(refusal({ ...good, files: files(MAX_LINK_FILES), view: null })).toBe("decoded");
    expect(refusal({ ...good, files: files(MAX_LINK_FILES + 1), view: null })).toMatch(/more than 50 module files/);
  });

  it("fuzz (seeded): any JSON value parses to typed values or a located refusal", () => {
    const name = fc.oneof(fc.constantFrom("router.ts", "__proto__", "constructor", "a.js", SCENARIO_TAB, "../x.ts", "x.ts\n", ""), fc.string());
    const file = fc.oneof(fc.tuple(name, fc.string()), fc.anything());
    const view = fc.oneof(fc.record({ tab: fc.oneof(name, fc.constant(null), fc.anything()), user: fc.oneof(fc.string(), fc.constant(null), fc.anything()), time: fc.oneof(fc.double(), fc.integer(), fc.anything()) }, { requiredKeys: [] }), fc.anything());
    const payload = fc.oneof(
      fc.record({ files: fc.oneof(fc.array(file, { maxLength: 4 }), fc.anything()), scenario: fc.oneof(fc.string(), fc.anything()), view }, { requiredKeys: [] }),
      fc.anything(),
    );
    let accepted = 0;
    fc.assert(
      fc.property(payload, (p) => {
        const r = parseShareState(JSON.parse(JSON.stringify(p ?? null)));
        if (!r.ok) {
          expect(r.where.length).toBeGreaterThan(0);
          expect(r.what.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const { files, scenario, view: v } = r.state;
        expect(typeof scenario).toBe("string");
        for (const [n, src] of files) {
          expect(n).toMatch(FILE_NAME);
          expect(typeof src).toBe("string");
        }
        expect(new Set(files.map((f) => f[0])).size).toBe(files.length);
        expect(v.tab === null || v.tab === SCENARIO_TAB || files.some((f) => f[0] === v.tab)).toBe(true);
        expect(v.user === null || typeof v.user === "string").toBe(true);
        expect(Number.isFinite(v.time) && v.time >= 0).toBe(true);
      }),
      { seed: 20261205, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});
