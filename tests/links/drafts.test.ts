// Drafts are never lost to links (issue 10): a third-party page that opens many links in
// a popup of the playground must not push the user's work out of storage.
import { describe, expect, it } from "vitest";
import { DraftStore, MemoryKV, MAX_DRAFTS, StorageFullError } from "../../src/share/drafts.ts";
import type { ShareState } from "../../src/share/codec.ts";

const st = (code: string, tab: string | null = "router.ts"): ShareState => ({ files: [["router.ts", code]], scenario: "version: 1\n", view: { tab, user: null, time: 0 } });

/** localStorage with a size quota (characters of keys and values). */
class QuotaKV extends MemoryKV {
  constructor(private quota: number) {
    super();
  }
  private used(): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) n += this.key(i)!.length + (this.getItem(this.key(i)!) ?? "").length;
    return n;
  }
  setItem(k: string, v: string) {
    const before = this.getItem(k);
    super.setItem(k, v);
    if (this.used() > this.quota) {
      if (before === null) this.removeItem(k);
      else super.setItem(k, before);
      throw new DOMException("full", "QuotaExceededError");
    }
  }
}

function world(local = new MemoryKV()) {
  let t = 1000;
  let n = 0;
  return { local, tab: (session = new MemoryKV()) => new DraftStore(local, session, () => ++t, () => `d${++n}`) };
}

describe("drafts and links", () => {
  it("31 links opened one after another (the popup attack) delete none of the user's edited drafts", () => {
    const w = world();
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = w.tab();
      t.save(st(`my work ${i}`));
      mine.push(t.current()!.id);
    }
    const victim = w.tab();
    victim.save(st("the tab's own work"));
    for (let i = 0; i < MAX_DRAFTS + 1; i++) victim.openLink(st(`attacker ${i}`));
    for (const [i, id] of mine.entries()) expect(victim.get(id)?.state, id).toEqual(st(`my work ${i}`));
    expect(victim.list().some((d) => victim.get(d.id)?.state.files[0][1] === "the tab's own work")).toBe(true);
    expect(victim.list().length).toBe(MAX_DRAFTS);
  });

  it("a link draft is pruned before any edited draft, even an older one", () => {
    const w = world();
    const a = w.tab();
    a.save(st("oldest, edited"));
    const old = a.current()!.id;
    const b = w.tab();
    for (let i = 0; i < MAX_DRAFTS; i++) b.openLink(st(`link ${i}`));
    expect(b.get(old)).not.toBeNull();
    expect(b.list().length).toBe(MAX_DRAFTS);
  });

  it("opening an identical link reuses its untouched draft; an edited one is not reused", () => {
    const w = world();
    const t = w.tab();
    const first = t.openLink(st("shared"));
    t.save(st("mine")); // edits the link's draft
    expect(t.get(first.id)?.edited).toBe(true);
    const second = t.openLink(st("shared"));
    expect(second.id).not.toBe(first.id);
    const third = t.openLink(st("shared", "scenario.yaml"));
    expect(third.id).toBe(second.id); // same content, another view: the same draft
    expect(t.current()?.id).toBe(second.id);
    expect(t.list().length).toBe(2);
  });

  it("a link is the same draft only when every file (name, text, order) and the scenario are the same", () => {
    const w = world();
    const t = w.tab();
    const base: ShareState = { files: [["a.ts", "A"], ["b.ts", "B"]], scenario: "version: 1\n", view: { tab: null, user: null, time: 0 } };
    const first = t.openLink(base);
    const variants: ShareState[] = [
      { ...base, scenario: "version: 1\n# x\n" },
      { ...base, files: [["a.ts", "A"], ["c.ts", "B"]] },
      { ...base, files: [["a.ts", "A"], ["b.ts", "B!"]] },
      { ...base, files: [["b.ts", "B"], ["a.ts", "A"]] },
      { ...base, files: [["a.ts", "A"]] },
      { ...base, files: [["a.ts", "A"], ["b.ts", "B"], ["c.ts", "C"]] },
    ];
    const ids = variants.map((v) => t.openLink(v).id);
    expect(new Set([first.id, ...ids]).size).toBe(1 + variants.length);
    // Equal content in new arrays and strings: the first draft again.
    expect(t.openLink({ ...base, files: [["a.ts", ["A"].join("")], ["b.ts", "B"]] }).id).toBe(first.id);
  });

  it("an example's draft is modified exactly when its content differs from the example's", () => {
    const local = new MemoryKV();
    const original = { files: [["router.ts", "R"]] as Array<[string, string]>, scenario: "S" };
    const t = new DraftStore(local, new MemoryKV(), () => 1, () => "x", (o) => (o === "example:e" ? original : null));
    t.create({ files: [["router.ts", "R"]], scenario: "S", view: { tab: null, user: null, time: 0 } }, "example:e");
    expect(t.list()[0]!.modified).toBe(false);
    t.save({ files: [["router.ts", "R"]], scenario: "S2", view: { tab: null, user: null, time: 0 } });
    expect(t.list()[0]!.modified).toBe(true);
    t.save({ files: [["router.ts", "R2"]], scenario: "S", view: { tab: null, user: null, time: 0 } });
    expect(t.list()[0]!.modified).toBe(true);
    t.save({ files: [["router.ts", "R"]], scenario: "S", view: { tab: "router.ts", user: null, time: 5 } });
    expect(t.list()[0]!.modified).toBe(false);
  });

  it("reads a stored draft again only when its text changed, and sees what another tab wrote", () => {
    const local = new MemoryKV();
    let gets = 0;
    const counting = Object.assign(Object.create(local) as MemoryKV, { getItem: (k: string) => (gets++, local.getItem(k)) });
    const t = new DraftStore(counting, new MemoryKV(), () => 1, () => "x");
    const d = t.create(st("one"), "new");
    const parse = JSON.parse;
    let parses = 0;
    JSON.parse = ((text: string, r?: Parameters<typeof JSON.parse>[1]) => (parses++, parse(text, r))) as typeof JSON.parse;
    try {
      expect(t.get(d.id)!.state.files).toEqual([["router.ts", "one"]]);
      const first = parses;
      expect(t.get(d.id)!.state.files).toEqual([["router.ts", "one"]]);
      expect(parses).toBe(first); // the same text: not parsed again
      // Another tab (same storage) saves: the next read parses the new text.
      local.setItem(`prp:draft:${d.id}`, JSON.stringify({ ...t.get(d.id)!, rev: 9, state: st("two") }));
      expect(t.get(d.id)!.state.files).toEqual([["router.ts", "two"]]);
      expect(t.get(d.id)!.rev).toBe(9);
      expect(parses).toBe(first + 1);
    } finally {
      JSON.parse = parse;
    }
    expect(gets).toBeGreaterThan(0); // every read still asks the storage
    // A caller changing the draft it got does not change what the next read gives.
    const got = t.get(d.id)!;
    got.rev = 100;
    got.name = "changed";
    expect(t.get(d.id)!.rev).toBe(9);
    expect(t.get(d.id)!.name).toBeUndefined();
    // Removed, then a corrupt entry under the same key: reported, not the old reading.
    t.remove(d.id);
    expect(t.get(d.id)).toBeNull();
    local.setItem(`prp:draft:${d.id}`, "{not json");
    expect(t.get(d.id)).toBeNull();
    expect(t.corrupt().map((c) => c.why)).toEqual(["not JSON"]);
  });

  it("a view change alone does not make a draft edited; a code change does", () => {
    const w = world();
    const t = w.tab();
    const d = t.openLink(st("x"));
    t.save(st("x", "scenario.yaml"));
    expect(t.get(d.id)?.edited).toBe(false);
    t.save(st("x2", "scenario.yaml"));
    expect(t.get(d.id)?.edited).toBe(true);
  });

  it("storage full: unedited drafts make room; when only edited ones are left, it says so and deletes nothing", () => {
    const local = new QuotaKV(4000);
    const w = world(local);
    const t = w.tab();
    for (let i = 0; i < 6; i++) t.openLink(st(`link ${i} ${"x".repeat(300)}`));
    t.save(st("my edit " + "y".repeat(300))); // makes room by pruning link drafts
    expect(t.current()?.edited).toBe(true);
    const mine = t.current()!.id;
    const others: string[] = [];
    for (let i = 0; i < 20; i++) {
      const u = w.tab();
      try {
        u.save(st(`other edit ${i} ${"z".repeat(300)}`));
        others.push(u.current()!.id);
      } catch (e) {
        expect(e).toBeInstanceOf(StorageFullError);
        break;
      }
    }
    expect(others.length).toBeLessThan(20);
    expect(t.get(mine)?.state.files[0][1]).toMatch(/^my edit/);
    for (const id of others) expect(t.get(id)).not.toBeNull();
  });

  it("stored drafts are parsed like links: a view.tab of __proto__ is dropped, the code kept", () => {
    const w = world();
    const session = new MemoryKV();
    w.local.setItem("prp:draft:x", JSON.stringify({ id: "x", origin: "link", created: 1, updated: 2, state: { ...st("a"), view: { tab: "__proto__", user: null, time: 0 } } }));
    session.setItem("prp:tab-draft", "x");
    expect(w.tab(session).restore()?.state).toEqual(st("a", null));
    // A draft from before `edited` existed counts as edited (never pruned).
    w.local.setItem("prp:draft:y", JSON.stringify({ id: "y", origin: "link", created: 1, updated: 2, state: st("b") }));
    expect(w.tab().get("y")?.edited).toBe(true);
  });
});
