// Drafts at their edges: the storage keys (a change loses every user's drafts), which
// stored entries are skipped, titles in the recent list, the prune count boundary
// (exactly MAX_DRAFTS drafts are kept, one more prunes the oldest unedited one) and the
// quota-exceeded retry. Links never costing the user work: tests/links/drafts.test.ts.
import { describe, expect, it } from "vitest";
import { DraftStore, MemoryKV, MAX_DRAFTS, MAX_NAME, StorageFullError, type KV } from "../../src/share/drafts.ts";
import type { ShareState } from "../../src/share/codec.ts";

const st = (code: string, file = "router.ts"): ShareState => ({ files: file ? [[file, code]] : [], scenario: "version: 1\n", view: { tab: null, user: null, time: 0 } });

function setup(local: KV = new MemoryKV()) {
  const clock = { t: 1000 };
  let n = 0;
  const session = new MemoryKV();
  const store = new DraftStore(local, session, () => clock.t, () => `d${++n}`);
  return { local, session, clock, store };
}

describe("draft storage format", () => {
  it("a draft lives under prp:draft:<id>; the tab remembers its draft under prp:tab-draft", () => {
    const { local, session, store } = setup();
    const d = store.save(st("x"));
    // save() with no draft yet creates one holding the user's work: edited.
    expect(d).toEqual({ id: "d1", origin: "new", created: 1000, updated: 1000, edited: true, rev: 1, state: st("x") });
    expect(JSON.parse(local.getItem("prp:draft:d1")!)).toEqual(d);
    expect(local.length).toBe(1);
    expect(session.getItem("prp:tab-draft")).toBe("d1");
  });

  it("MAX_DRAFTS is 30", () => {
    expect(MAX_DRAFTS).toBe(30);
  });

  it("skips stored entries that are not drafts, and keys of other apps; a draft without `edited` (older playground) counts as edited", () => {
    const { local, store } = setup();
    const good = { id: "g", origin: "new", created: 1, updated: 1, state: st("ok") };
    local.setItem("prp:draft:g", JSON.stringify(good));
    local.setItem("other-app:draft", JSON.stringify({ ...good, id: "foreign" }));
    local.setItem("prp:draft:null", "null");
    local.setItem("prp:draft:empty", "");
    local.setItem("prp:draft:noid", JSON.stringify({ ...good, id: 7 }));
    local.setItem("prp:draft:noupdated", JSON.stringify({ ...good, updated: "1" }));
    local.setItem("prp:draft:nostate", JSON.stringify({ ...good, state: null }));
    local.setItem("prp:draft:nofiles", JSON.stringify({ ...good, state: { ...good.state, files: "a" } }));
    local.setItem("prp:draft:noscenario", JSON.stringify({ ...good, state: { ...good.state, scenario: 1 } }));
    local.setItem("prp:draft:broken", "{");
    expect(store.list().map((d) => d.id)).toEqual(["g"]);
    expect(store.get("null")).toBeNull();
    expect(store.get("empty")).toBeNull();
    expect(store.get("broken")).toBeNull();
    // Migration: an older draft (no edited/name/rev) opens, edited, unnamed, rev 0.
    expect(store.get("g")).toEqual({ ...good, edited: true, rev: 0 });
    // Every skipped entry of ours is reported with where it went wrong; other apps' keys are not ours.
    const corrupt = store.corrupt();
    expect(corrupt.map((c) => c.key).sort()).toEqual(["prp:draft:broken", "prp:draft:empty", "prp:draft:nofiles", "prp:draft:noid", "prp:draft:noscenario", "prp:draft:nostate", "prp:draft:noupdated", "prp:draft:null"]);
    expect(corrupt.find((c) => c.key === "prp:draft:noid")?.why).toMatch(/^id: /);
    expect(corrupt.find((c) => c.key === "prp:draft:broken")?.why).toBe("not JSON");
    local.setItem("prp:draft:g", JSON.stringify({ ...good, edited: false }));
    expect(store.get("g")?.edited).toBe(false);
  });

  it("lists newest first, ties by id", () => {
    const { clock, store } = setup();
    store.create(st("a"), "new"); // d1 @1000
    clock.t = 3000;
    store.create(st("b"), "new"); // d2 @3000
    clock.t = 2000;
    store.create(st("c"), "new"); // d3 @2000
    clock.t = 3000;
    store.create(st("d"), "new"); // d4 @3000
    expect(store.list().map((d) => [d.id, d.updated])).toEqual([
      ["d2", 3000],
      ["d4", 3000],
      ["d3", 2000],
      ["d1", 1000],
    ]);
  });

  it("titles: origin without its example:/lesson: prefix, then the first file", () => {
    const { store } = setup();
    let n = 0;
    const title = (origin: string, file = "router.ts") => {
      const d = store.create(st(`x${++n}`, file), origin);
      return store.list().find((s) => s.id === d.id)!.title;
    };
    expect(title("example:team-router")).toBe("team-router · router.ts");
    expect(title("lesson:l2:part")).toBe("l2:part · router.ts");
    expect(title("link", "a.ts")).toBe("link · a.ts");
    expect(title("copy:example:x")).toBe("copy:example:x · router.ts");
    expect(title("new", "")).toBe("new · scenario.yaml");
  });
});

describe("tab sessions", () => {
  it("save updates the tab's draft in place (same id, created kept, updated moved)", () => {
    const { clock, store, local } = setup();
    const first = store.save(st("v1"), "link");
    clock.t = 5000;
    const second = store.save(st("v2"), "ignored once the draft exists");
    expect(second).toEqual({ id: first.id, origin: "link", created: 1000, updated: 5000, edited: true, rev: 2, state: st("v2") });
    expect(local.length).toBe(1);
  });

  it("a new tab starts ON the latest draft (no identical copy); the tab that changes it second forks", () => {
    const local = new MemoryKV();
    const other = setup(local).store;
    const theirs = other.save(st("other tab"));
    const fresh = new DraftStore(local, new MemoryKV(), () => 9000, () => "mine");
    expect(fresh.restore()?.id).toBe(theirs.id);
    expect(fresh.list()).toHaveLength(1);
    // A view-only save by the new tab writes the shared draft (no fork: same content)…
    fresh.save({ ...st("other tab"), view: { tab: "router.ts", user: null, time: 5 } });
    expect(fresh.list()).toHaveLength(1);
    // …so the first tab, changing the content after it, forks: both works are kept.
    const forked = other.save(st("other tab, changed"));
    expect(forked.id).not.toBe(theirs.id);
    expect(forked.edited).toBe(true);
    expect(other.get(theirs.id)?.state.view.time).toBe(5);
    expect(other.current()?.id).toBe(forked.id);
    // The new tab, whose read is current, writes in place.
    expect(fresh.save(st("new tab, changed")).id).toBe(theirs.id);
  });

  it("creating a draft with the content of a stored one reopens it: no identical entries", () => {
    const { clock, store } = setup();
    const a = store.create(st("example code"), "example:x");
    store.create(st("something else"), "example:y");
    clock.t = 2000;
    const again = store.create({ ...st("example code"), view: { tab: "router.ts", user: null, time: 9 } }, "example:x");
    expect(again.id).toBe(a.id);
    expect(again.updated).toBe(2000);
    expect(again.state.view.time).toBe(9);
    expect(store.list().map((d) => d.id)).toEqual([a.id, "d2"]);
    expect(store.current()?.id).toBe(a.id);
    // One character of difference is another entry.
    expect(store.create(st("example code!"), "example:x").id).not.toBe(a.id);
  });

  it("rename: trimmed, capped at MAX_NAME; blank goes back to the origin's name; delete returns the draft and undo restores it", () => {
    const { store } = setup();
    const d = store.create(st("x"), "example:team-router");
    expect(store.list()[0]).toMatchObject({ name: "team-router", named: false, title: "team-router · router.ts" });
    store.rename(d.id, "  my router  ");
    expect(store.list()[0]).toMatchObject({ name: "my router", named: true, title: "my router · router.ts" });
    store.rename(d.id, "n".repeat(MAX_NAME + 1));
    expect(store.get(d.id)?.name).toBe("n".repeat(MAX_NAME));
    store.rename(d.id, "   ");
    expect(store.get(d.id)?.name).toBeUndefined();
    expect(store.list()[0]?.name).toBe("team-router");
    expect(store.rename("nope", "x")).toBeNull();
    const gone = store.remove(d.id)!;
    expect(store.list()).toEqual([]);
    store.restoreDeleted(gone);
    expect(store.get(d.id)?.state).toEqual(st("x"));
  });

  it("modified: against the origin's original when it has one, else the edited flag", () => {
    const local = new MemoryKV();
    const originals = (o: string) => (o === "example:x" ? { files: [["router.ts", "orig"]] as Array<[string, string]>, scenario: "version: 1\n" } : null);
    let n = 0;
    const store = new DraftStore(local, new MemoryKV(), () => 1, () => `d${++n}`, originals);
    const ex = store.create(st("orig"), "example:x");
    const modified = () => store.list().find((s) => s.id === ex.id)!.modified;
    expect(modified()).toBe(false);
    store.save(st("orig "));
    expect(modified()).toBe(true);
    store.save(st("orig")); // back to the original: not modified, though edited
    expect(store.get(ex.id)?.edited).toBe(true);
    expect(modified()).toBe(false);
    const link = store.create(st("from a link"), "link");
    expect(store.list().find((s) => s.id === link.id)!.modified).toBe(false);
    store.save(st("from a link, edited"));
    expect(store.list().find((s) => s.id === link.id)!.modified).toBe(true);
  });

  it("opening an unknown draft changes nothing", () => {
    const { store } = setup();
    const d = store.save(st("x"));
    expect(store.open("nope")).toBeNull();
    expect(store.current()?.id).toBe(d.id);
    store.create(st("y"), "new");
    expect(store.open(d.id)?.id).toBe(d.id);
    expect(store.current()?.id).toBe(d.id);
  });
});

describe("pruning", () => {
  /** `n` unedited drafts d1…dn at t = 1…n, each created by another tab. */
  function crowd(n: number) {
    const { clock, store, local, session } = setup();
    for (let i = 1; i <= n; i++) {
      clock.t = i;
      store.create(st(`n${i}`), "new");
    }
    session.removeItem("prp:tab-draft"); // no draft is this tab's
    return { clock, store, local };
  }

  it("creating a draft with MAX_DRAFTS - 1 stored prunes nothing; with MAX_DRAFTS stored it prunes the oldest unedited one", () => {
    const at = crowd(MAX_DRAFTS - 1).store;
    at.create(st("new"), "new");
    expect(at.list()).toHaveLength(MAX_DRAFTS);
    expect(at.get("d1")).not.toBeNull();
    const past = crowd(MAX_DRAFTS).store;
    past.create(st("new"), "new");
    expect(past.list()).toHaveLength(MAX_DRAFTS);
    expect(past.get("d1")).toBeNull();
    expect(past.get("d2")).not.toBeNull();
  });

  it("an edited oldest draft is skipped: the oldest unedited one goes instead", () => {
    const { store } = crowd(MAX_DRAFTS);
    store.open("d1");
    store.save(st("my edit"));
    store.create(st("new"), "new");
    expect(store.get("d1")?.state).toEqual(st("my edit"));
    expect(store.get("d2")).toBeNull();
    expect(store.get("d3")).not.toBeNull();
  });

  it("when storage is full, drops every unedited draft but this tab's and retries once; then says it is full", () => {
    const inner = new MemoryKV();
    let cap = Infinity;
    const full: KV = {
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => {
        if (!inner.getItem(k) && inner.length >= cap) throw new Error("QuotaExceededError");
        inner.setItem(k, v);
      },
      removeItem: (k) => inner.removeItem(k),
      get length() {
        return inner.length;
      },
      key: (i) => inner.key(i),
    };
    const { clock, store } = setup(full);
    for (let i = 0; i < 8; i++) {
      clock.t = i;
      store.create(st(`old${i}`), "new"); // d1 @0 … d8 @7
    }
    store.open("d4");
    store.save(st("edited")); // d4: the user's work, never dropped
    store.open("d1"); // this tab edits the oldest one: it must survive the emergency prune
    cap = 8;
    clock.t = 100;
    const d = store.create(st("new"), "new");
    expect(JSON.parse(inner.getItem(`prp:draft:${d.id}`)!).state).toEqual(st("new"));
    expect(store.list().map((x) => x.id)).toEqual(["d9", "d4", "d1"]);
    // Full with nothing left to drop (d1 and d4 edited, d9 this tab's): the write is
    // refused with StorageFullError and nothing is deleted.
    clock.t = 200;
    expect(store.current()?.id).toBe("d9"); // create() switched this tab to the new draft
    store.open("d1");
    store.save(st("old0, edited"));
    store.open("d9");
    cap = 3;
    let err: unknown = null;
    try {
      store.create(st("one too many"), "new");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toBe("The browser's storage for this site is full.");
    expect(store.list().map((x) => x.id)).toEqual(["d1", "d9", "d4"]);
  });
});
