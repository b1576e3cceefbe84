import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/scenario/suggest.ts";

describe("suggestions", () => {
  it("counts transpositions as one edit (Damerau)", () => {
    expect(editDistance("stauts", "status")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("suggests close names only", () => {
    expect(closest("lable", ["label", "user", "device"])).toBe("label");
    expect(closest("@bobb:example.org", ["@alice:example.org", "@bob:example.org"])).toBe("@bob:example.org");
    expect(closest("zzzzzz", ["label", "user"])).toBeUndefined();
    expect(closest("Sync", ["sync", "since"])).toBe("sync");
  });
});
