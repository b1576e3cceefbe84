// "Did you mean" (src/scenario/suggest.ts) at its bounds: the distance a suggestion may
// have (⌊length/3⌋, at least 1) on both sides, the early exit of the bounded distance,
// the length filters, and deterministic ties.
import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "../../src/scenario/suggest.ts";

describe("editDistance", () => {
  it("insertions, deletions, substitutions and adjacent transpositions cost one each", () => {
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abc", "abd")).toBe(1);
    expect(editDistance("abc", "ab")).toBe(1);
    expect(editDistance("ab", "abc")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("abcd", "badc")).toBe(2);
    expect(editDistance("ca", "abc")).toBe(3); // optimal string alignment: no edit of a transposed pair
  });

  it("with max, stops once every path is longer than max + 1 and says max + 1", () => {
    expect(editDistance("aaaaaaaa", "bbbbbbbb", 2)).toBe(3);
    expect(editDistance("aaaaaaaa", "bbbbbbbb", 7)).toBe(8);
    expect(editDistance("aaaaaaaa", "bbbbbbbb", 8)).toBe(8);
    // A distance within max is exact.
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
  });
});

describe("closest", () => {
  it("accepts up to ⌊length/3⌋ edits (at least 1), not one more", () => {
    // 6 letters: 2 edits allowed.
    expect(closest("abcxyz", ["abcdef"])).toBeUndefined();
    expect(closest("abcdxy", ["abcdef"])).toBe("abcdef");
    // 2 letters: 1 edit allowed.
    expect(closest("ab", ["ax"])).toBe("ax");
    expect(closest("ab", ["xy"])).toBeUndefined();
    // The longer of the two words sets the bound: 5 and 6 letters → 2.
    expect(closest("abcde", ["abcdxy"])).toBe("abcdxy");
  });

  it("ignores case when measuring, and never suggests the word itself", () => {
    expect(closest("SYNC", ["sync"])).toBe("sync");
    expect(closest("sync", ["sync"])).toBeUndefined();
    expect(closest("sync", ["sync", "synd"])).toBe("synd");
  });

  it("skips candidates more than 3 characters longer or shorter, or over 300 characters", () => {
    expect(closest("abcdefghijkl", ["abcdefghijklmnop"])).toBeUndefined();
    expect(closest("abcdefghijkl", ["abcdefghijklmno"])).toBe("abcdefghijklmno");
    const long = "a".repeat(300);
    expect(closest(long, [long + "b"])).toBeUndefined();
    expect(closest(long.slice(1), [long])).toBe(long);
  });

  it("ties keep the candidates' order; a closer later candidate wins", () => {
    expect(closest("cat", ["bat", "hat"])).toBe("bat");
    expect(closest("cat", ["hat", "bat"])).toBe("hat");
    expect(closest("cats", ["bots", "cat"])).toBe("cat");
  });

  it("didYouMean is ready to append, or empty", () => {
    expect(didYouMean("lable", ["label"])).toBe("; did you mean label?");
    expect(didYouMean("zzzz", ["label"])).toBe("");
  });
});
