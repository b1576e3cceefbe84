// Reusing a link's draft (src/share/drafts.ts openLink): only the same content — the same
// files AND the same scenario — opens the existing unedited draft; a link that differs in
// the scenario alone is a new draft. Sharing a base URL keeps anything before '#'.
import { describe, expect, it } from "vitest";
import { DraftStore, MemoryKV } from "../../src/share/drafts.ts";
import { buildLink, decodeLink, type ShareState } from "../../src/share/codec.ts";

const st = (scenario: string): ShareState => ({ files: [["router.ts", "export default class R {}"]], scenario, view: { tab: null, user: null, time: 0 } });

describe("openLink reuse", () => {
  it("the same files with another scenario open a new draft; the same link again reuses the first", () => {
    let n = 0;
    const store = new DraftStore(new MemoryKV(), new MemoryKV(), () => 1000, () => `d${++n}`);
    expect(store.openLink(st("version: 1\n")).id).toBe("d1");
    expect(store.openLink(st("version: 1\nseed: 2\n")).id).toBe("d2");
    expect(store.openLink(st("version: 1\n")).id).toBe("d1");
  });
});

describe("buildLink", () => {
  it("keeps the base up to its '#', and the state round-trips", () => {
    const link = buildLink("https://play.example/app/?x=1#v1.d.old", st("version: 1\n"));
    expect(link.startsWith("https://play.example/app/?x=1#v1.p.")).toBe(true);
    expect(link.split("#")).toHaveLength(2);
    expect(decodeLink(link)).toEqual(st("version: 1\n"));
  });
});
