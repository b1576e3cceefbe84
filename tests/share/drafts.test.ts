import { describe, expect, it } from "vitest";
import { DraftStore, MemoryKV, MAX_DRAFTS } from "../../src/share/drafts.ts";
import type { ShareState } from "../../src/share/codec.ts";

const st = (code: string): ShareState => ({ files: [["router.ts", code]], scenario: "version: 1\n", view: { tab: "router.ts", user: null, time: 0 } });

function world() {
  const local = new MemoryKV();
  let t = 1000;
  let n = 0;
  const tab = () => new DraftStore(local, new MemoryKV(), () => ++t, () => `d${++n}`);
  return { local, tab, reload: (session: MemoryKV) => new DraftStore(local, session, () => ++t, () => `d${++n}`) };
}

describe("drafts", () => {
  it("a reload of the same tab restores its latest edit", () => {
    const w = world();
    const session = new MemoryKV();
    const a = w.reload(session);
    a.save(st("v1"));
    a.save(st("v2"));
    expect(w.reload(session).restore()?.state).toEqual(st("v2"));
  });

  it("two tabs never overwrite each other's work", () => {
    const w = world();
    const s1 = new MemoryKV();
    const t1 = w.reload(s1);
    t1.save(st("tab one"));
    const s2 = new MemoryKV();
    const t2 = w.reload(s2);
    const start = t2.restore();
    expect(start?.state).toEqual(st("tab one")); // the latest draft (shared until one tab changes it)
    t2.save(st("tab two"));
    t1.save(st("tab one, later"));
    expect(w.reload(s1).restore()?.state).toEqual(st("tab one, later"));
    expect(w.reload(s2).restore()?.state).toEqual(st("tab two"));
  });

  it("opening a link starts a new draft and keeps the previous one in the recent list", () => {
    const w = world();
    const t = w.tab();
    t.save(st("mine"));
    const mineId = t.current()!.id;
    t.create(st("from a link"), "link");
    expect(t.current()?.state).toEqual(st("from a link"));
    expect(t.list().map((d) => d.id)).toContain(mineId);
    expect(t.open(mineId)?.state).toEqual(st("mine"));
  });

  it("corrupt stored drafts are skipped, not fatal", () => {
    const w = world();
    w.local.setItem("prp:draft:broken", "{not json");
    w.local.setItem("prp:draft:weird", JSON.stringify({ id: 3 }));
    const t = w.tab();
    expect(t.list()).toEqual([]);
    expect(t.restore()).toBeNull();
  });

  it("prunes unedited drafts beyond the cap, oldest first; never an edited one", () => {
    const local = new MemoryKV();
    let t = 0;
    let n = 0;
    const tab = () => new DraftStore(local, new MemoryKV(), () => ++t, () => `d${++n}`);
    const a = tab();
    for (let i = 0; i < MAX_DRAFTS + 5; i++) a.create(st(`old${i}`), "new");
    const b = tab();
    b.save(st("keep me"));
    const keep = b.current()!.id;
    const c = tab();
    for (let i = 0; i < 3; i++) c.create(st(`new${i}`), "new");
    expect(c.list().length).toBe(MAX_DRAFTS);
    // b's draft is the oldest but one of the user's edits: kept.
    expect(c.get(keep)?.state).toEqual(st("keep me"));
    // the oldest unedited ones went
    expect(c.get("d1")).toBeNull();
  });
});
