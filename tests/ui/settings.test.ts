// Stored settings are read field by field: a bad or missing field takes its default,
// never the whole set.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, FONT_SIZES, readSettings } from "../../src/ui/settings.ts";

describe("readSettings", () => {
  it("keeps every valid field", () => {
    expect(readSettings(JSON.stringify({ theme: "dark", fontSize: 16, wordWrap: true }))).toEqual({ theme: "dark", fontSize: 16, wordWrap: true });
  });
  it("replaces each invalid field by its default, keeping the others", () => {
    expect(readSettings(JSON.stringify({ theme: "purple", fontSize: 16, wordWrap: "yes" }))).toEqual({ ...DEFAULT_SETTINGS, fontSize: 16 });
    expect(readSettings(JSON.stringify({ theme: "light", fontSize: 15 }))).toEqual({ ...DEFAULT_SETTINGS, theme: "light" });
  });
  it("takes only the listed font sizes (both ends of the list, and one past each)", () => {
    expect(readSettings(JSON.stringify({ fontSize: FONT_SIZES[0] })).fontSize).toBe(12);
    expect(readSettings(JSON.stringify({ fontSize: FONT_SIZES[FONT_SIZES.length - 1] })).fontSize).toBe(18);
    expect(readSettings(JSON.stringify({ fontSize: 11 })).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(readSettings(JSON.stringify({ fontSize: 19 })).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
  it("reads nothing, garbage or a non-object as the defaults", () => {
    for (const raw of [null, "", "{", "42", "null", "[]"]) expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
