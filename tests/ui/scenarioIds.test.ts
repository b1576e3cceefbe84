// scenario.yaml's completion ids (src/ui/editor/scenarioIds.ts): read from the text up to
// MAX_IDS_TEXT characters; above, only the module files (the parse would freeze the page
// at every edit of a 1.1 MB scenario).
import { describe, expect, it } from "vitest";
import { MAX_IDS_TEXT, scenarioIdsOf } from "../../src/ui/editor/scenarioIds.ts";

const base = 'version: 1\nservers:\n  a.org: {}\nusers:\n  "@alice:a.org": {}\n  "@bob:a.org": { devices: [PHONE] }\nrooms:\n  "!r:a.org": ["@alice:a.org"]\n';
const padTo = (n: number) => base + "#" + "x".repeat(n - base.length - 2) + "\n";

describe("scenarioIdsOf", () => {
  it("reads users, rooms, servers and devices, and lists the module files", () => {
    const ids = scenarioIdsOf(base, ["router.ts"])!;
    expect(ids.users).toEqual(["@alice:a.org", "@bob:a.org"]);
    expect(ids.rooms).toEqual(["!r:a.org"]);
    expect(ids.servers).toEqual(["a.org"]);
    expect(ids.devices).toContain("PHONE");
    expect(ids.modules).toEqual(["router.ts"]);
  });

  it(`parses a text of exactly ${MAX_IDS_TEXT} characters, not one more`, () => {
    expect(padTo(MAX_IDS_TEXT)).toHaveLength(MAX_IDS_TEXT);
    expect(scenarioIdsOf(padTo(MAX_IDS_TEXT), [])!.users).toEqual(["@alice:a.org", "@bob:a.org"]);
    const big = scenarioIdsOf(padTo(MAX_IDS_TEXT + 1), ["router.ts"])!;
    expect(big.users).toEqual([]);
    expect(big.rooms).toEqual([]);
    expect(big.modules).toEqual(["router.ts"]);
  });

  it("a duplicate key still gives ids; too many aliases give null (keep the last good ones)", () => {
    expect(scenarioIdsOf(base + 'users:\n  "@carol:a.org": {}\n', [])).not.toBeNull();
    const bomb = "a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    expect(scenarioIdsOf(bomb, [])).toBeNull();
  });
});
