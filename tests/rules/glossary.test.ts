// The rule glossary (src/rules): complete, matching the spec when the spec is present
// (it lives outside the repository: CI's clean clone has only the committed JSON), and
// rule ids in texts split into links exactly where a reader would expect.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allRuleIds, buildGlossary, parseSpec, type Glossary } from "../../src/rules/build.ts";
import { GLOSSARY, ruleEntry, searchRules, splitRuleIds } from "../../src/rules/index.ts";
import { isRuleId, RULE_COUNT, SURPRISE_COUNT } from "../../src/rules/ids.ts";
import { findSpec, GLOSSARY_FILE } from "../../scripts/spec-path.ts";

const committed = JSON.parse(readFileSync(GLOSSARY_FILE, "utf8")) as Glossary;
const spec = findSpec();

describe("rule glossary data", () => {
  it("has exactly one entry per rule and surprise, in order, each with a title, a section and a one- or two-sentence summary", () => {
    expect(committed.entries.map((e) => e.id)).toEqual(allRuleIds());
    expect(allRuleIds()).toHaveLength(75 + 23);
    for (const e of committed.entries) {
      expect(e.title.length, e.id).toBeGreaterThan(2);
      expect(e.section, e.id).toMatch(/^\d+\.(\d+)? /);
      expect(e.summary.length, e.id).toBeGreaterThan(30);
      expect(e.summary.length, e.id).toBeLessThanOrEqual(300);
      expect(e.summary.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 2).length, e.id).toBeLessThanOrEqual(3);
      expect(e.see).not.toContain(e.id);
    }
  });

  it("is what the app imports", () => {
    expect(GLOSSARY).toEqual(committed.entries);
    expect(ruleEntry("R24")?.title).toBe("should_notify");
    expect(ruleEntry("S6")?.title).toBe("Waking is not seeing");
    expect(ruleEntry("R76")).toBeUndefined();
    expect(ruleEntry("S24")).toBeUndefined();
  });

  it.skipIf(!spec)("matches the spec (npm run glossary regenerates it)", () => {
    expect(buildGlossary(spec!.text)).toEqual(committed);
  });
});

describe("building from spec text", () => {
  const mini = [
    "## 4. The state machine",
    "### 4.2 The update pipeline",
    "**R24 — should_notify(old, new)** `[code][test]`. Returns true when",
    "something changed (see R23).",
    "**R25 — Wheel timer and tick** `[code]`.",
    "## 11. Surprises",
    "* **S1.** A user who only PUTs online goes offline later (R25, R28).",
    "* **S2.** Syncing counts (R18).",
  ].join("\n");

  it("takes ids, short titles, sections, tags and cross-references from the text", () => {
    const raw = parseSpec(mini);
    expect(raw.map((r) => [r.id, r.title, r.section])).toEqual([
      ["R24", "should_notify", "4.2 The update pipeline"],
      ["R25", "Wheel timer and tick", "4.2 The update pipeline"],
      ["S1", "", "11. Surprises"],
      ["S2", "", "11. Surprises"],
    ]);
    // A surprise ends at the next bullet: S1 does not cite S2's R18.
    expect(raw[2]!.body).not.toContain("R18");
    expect(raw[0]!.body).toContain("R23");
  });

  it("names every id the spec lacks", () => {
    expect(() => buildGlossary(mini)).toThrow(/has no rule R1, R2, .*R75, S3, .*S23$/);
  });

  it.skipIf(!spec)("names a rule whose title is gone from both the spec and the summaries", () => {
    const text = spec!.text.replace("**R24 — should_notify(old, new)**", "**R24**");
    expect(() => buildGlossary(text)).toThrow("R24 has no title in the spec");
  });
});

describe("rule ids without the glossary (src/rules/ids.ts)", () => {
  it("name exactly the glossary's entries: R1–R75 and S1–S23", () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(ids.length).toBe(RULE_COUNT + SURPRISE_COUNT);
    for (const id of ids) expect(isRuleId(id), id).toBe(true);
    // Both sides of each boundary.
    expect([isRuleId("R1"), isRuleId("R75"), isRuleId("S1"), isRuleId("S23")]).toEqual([true, true, true, true]);
    expect([isRuleId("R0"), isRuleId("R76"), isRuleId("S0"), isRuleId("S24"), isRuleId("r1"), isRuleId("R01")]).toEqual([false, false, false, false, false, false]);
  });
});

describe("splitRuleIds", () => {
  const links = (t: string) => splitRuleIds(t).filter((p) => p.rule).map((p) => p.rule);

  it("links known ids and keeps the text around them intact", () => {
    const parts = splitRuleIds("skipped (R63, S6)");
    expect(parts).toEqual([{ text: "skipped (" }, { text: "R63", rule: "R63" }, { text: ", " }, { text: "S6", rule: "S6" }, { text: ")" }]);
    expect(parts.map((p) => p.text).join("")).toBe("skipped (R63, S6)");
  });

  it("links the first and last ids, not the ones past the end", () => {
    expect(links("R1 R75 R76 S1 S23 S24 R0")).toEqual(["R1", "R75", "S1", "S23"]);
  });

  it("links a sub-step's rule and slash-separated ids, not ids inside words or user ids", () => {
    expect(links("HTTP 500, R43.5")).toEqual(["R43"]);
    expect(links("KeyError, R51/S8")).toEqual(["R51", "S8"]);
    expect(links("@R2:example.org FOO_R1 R2D2 xR3 #S4 R12:")).toEqual([]);
  });

  it("returns a text without ids as one plain part", () => {
    expect(splitRuleIds("no rules here")).toEqual([{ text: "no rules here" }]);
    expect(splitRuleIds("")).toEqual([{ text: "" }]);
  });
});

describe("searchRules", () => {
  it("an empty query lists every rule", () => {
    expect(searchRules("  ")).toHaveLength(98);
  });

  it("a bare id finds that rule only (r2 is not R20–R29)", () => {
    expect(searchRules("r2").map((e) => e.id)).toEqual(["R2"]);
    expect(searchRules("S6").map((e) => e.id)).toEqual(["S6"]);
  });

  it("words must all match, case-insensitively, in title, section or summary", () => {
    const hits = searchRules("ALL_USERS mapping").map((e) => e.id);
    expect(hits).toContain("S8");
    expect(hits).not.toContain("R24");
    expect(searchRules("should_notify").map((e) => e.id)).toContain("R24");
    expect(searchRules("zzzz")).toEqual([]);
  });
});
