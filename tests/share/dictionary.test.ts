// The `p` links' preset dictionary is frozen (every p link ever shared decodes with it),
// and it makes links of the examples it was made from short. The default example came
// later (buddy-list-router, issue 11): its link is under the chat limit all the same.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLink, CHAT_LINK_LIMIT, decodeLink, encodeState, type ShareState } from "../../src/share/codec.ts";
import { DICTIONARY_1 } from "../../src/share/dictionary1.ts";
import { DEFAULT_EXAMPLE } from "../../src/ui/examples.ts";

const BASE = "https://element-hq.github.io/presence-router-playground/";

function exampleState(name: string): ShareState {
  const dir = `examples/${name}`;
  return {
    files: [["router.ts", readFileSync(`${dir}/router.ts`, "utf8")]],
    scenario: readFileSync(`${dir}/scenario.yaml`, "utf8"),
    view: { tab: "router.ts", user: null, time: 40_000 },
  };
}

describe("preset-dictionary links (#v1.p.)", () => {
  it("the dictionary never changes: 32 KB, pinned by hash", () => {
    expect(new TextEncoder().encode(DICTIONARY_1).length).toBe(32768);
    expect(createHash("sha256").update(DICTIONARY_1).digest("hex")).toBe("a71c7c899aaf217feb5cfdb278d2755a974731b229f74fc3148910a22f43e9f4");
  });

  it("the default example's link (not in the frozen dictionary) is under the chat limit, and opens to the same state", () => {
    const state = exampleState(DEFAULT_EXAMPLE);
    expect(DEFAULT_EXAMPLE).toBe("buddy-list-router");
    const link = buildLink(BASE, state);
    // About 3,900 characters of text, about 1,300 as a link: the dictionary still
    // matches the synapse import, YAML keys and user ids.
    expect(link).toContain("#v1.p.");
    expect(link.length).toBeLessThan(CHAT_LINK_LIMIT);
    expect(decodeLink(link)).toEqual(state);
  });

  it("the legacy example it was made from is far under the chat limit, and opens to the same state", () => {
    const state = exampleState("example-presence-router");
    const link = buildLink(BASE, state);
    expect(link).toContain("#v1.p.");
    // About 2,200 characters as a plain deflate link. The frozen dictionary holds the
    // example as it was; the long-poll added since (for the swimlane) costs ~150 characters.
    expect(link.length).toBeLessThan(300);
    expect(link.length).toBeLessThan(CHAT_LINK_LIMIT);
    expect(decodeLink(link)).toEqual(state);
  });

  it("an edited example stays short: the dictionary still matches the untouched parts", () => {
    const state = exampleState("example-presence-router");
    const code = state.files[0]![1];
    const edited: ShareState = { ...state, files: [["router.ts", code.replace(/return /, "// why this user\n    return ")]] };
    expect(edited.files[0]![1]).not.toBe(code);
    const link = encodeState(edited);
    expect(link.length).toBeLessThan(300);
    expect(decodeLink(link)).toEqual(edited);
  });

  it("text unlike any example still gets the shorter of the two codecs (plain deflate)", () => {
    const odd: ShareState = { files: [["a.ts", "\u00e9".repeat(50) + Array.from({ length: 400 }, (_, i) => (i * 7919) % 1000).join(",")]], scenario: "servers: {}\n", view: { tab: null, user: null, time: 0 } };
    const link = encodeState(odd);
    expect(decodeLink(link)).toEqual(odd);
    expect(link.startsWith("v1.p.") || link.startsWith("v1.d.")).toBe(true);
  });

  it("a p link decoded without its dictionary is corrupt: the codec letter matters", () => {
    const link = encodeState(exampleState("example-presence-router"));
    expect(() => decodeLink(link.replace("v1.p.", "v1.d."))).toThrow(/decompress|UTF-8|JSON|malformed/);
  });
});
