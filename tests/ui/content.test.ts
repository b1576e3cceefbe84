// The examples and lessons outside the first chunk (src/ui/catalog.ts, content.ts): what
// the page can look up before they have loaded, what waits for them, and what changes
// once they are there. Each test imports the app's modules afresh (vi.resetModules), so
// the lazily loaded content starts unloaded, as on a page that has just started.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test, vi } from "vitest";
import { DraftStore, MemoryKV } from "../../src/share/drafts.ts";
import { EXAMPLES } from "../../src/ui/examples.ts";
import { flush, world } from "./playgroundWorld.ts";

const OTHER = "gobbler-modern"; // any shipped example but the default one
const LESSON = "01-shared-rooms";

/** The app's modules as a page that has just started has them: nothing lazy loaded yet. */
async function fresh() {
  vi.resetModules();
  const lazy = await import("../../src/ui/lazy.ts");
  const catalog = await import("../../src/ui/catalog.ts");
  const session = await import("../../src/ui/share/session.ts");
  const { createPlayground } = await import("../../src/ui/playground.ts");
  const { createLearn } = await import("../../src/ui/lessons/learn.ts");
  const { createPlaygroundStore } = await import("../../src/ui/store.ts");
  expect(lazy.contentModule.current).toBeNull();
  return { ...lazy, ...catalog, fragmentNeeds: session.fragmentNeeds, createPlayground, createLearn, createPlaygroundStore };
}

describe("the catalog before and after the content loads", () => {
  test("the default example is there at once; others and the lessons once loaded, the default as one object", async () => {
    const m = await fresh();
    expect(m.exampleNamed(m.DEFAULT_EXAMPLE)).toBe(m.defaultExample);
    expect(m.exampleNamed(OTHER)).toBeUndefined();
    expect(m.lessonNamed(LESSON)).toBeUndefined();
    const content = await m.contentModule.load();
    expect(m.exampleNamed(OTHER)?.name).toBe(OTHER);
    expect(m.lessonNamed(LESSON)?.id).toBe(LESSON);
    expect(m.exampleNamed("no-such-example")).toBeUndefined();
    expect(content.findExample(m.DEFAULT_EXAMPLE)).toBe(m.defaultExample);
    expect(content.EXAMPLES[0]).toBe(m.defaultExample); // first in the gallery
  });

  test("the first chunk's default example is the folder's text, file by file", async () => {
    const m = await fresh();
    const dir = `examples/${m.DEFAULT_EXAMPLE}`;
    const ex = m.defaultExample;
    expect(ex.name).toBe(m.DEFAULT_EXAMPLE);
    const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") || f.endsWith(".py")).sort();
    expect(modules.length).toBeGreaterThan(0);
    expect(Object.keys(ex.files).sort()).toEqual(modules);
    for (const f of modules) expect(ex.files[f]).toBe(readFileSync(`${dir}/${f}`, "utf8"));
    expect(ex.scenario).toBe(readFileSync(`${dir}/scenario.yaml`, "utf8"));
    expect(ex.readme).toBe(readFileSync(`${dir}/README.md`, "utf8"));
    expect(ex.title).not.toBe(ex.name); // the README's heading
  });

  test("exampleIn: the default example with or without the content, others only with it", async () => {
    const m = await fresh();
    expect(m.exampleIn(null, m.DEFAULT_EXAMPLE)).toBe(m.defaultExample);
    expect(m.exampleIn(null, OTHER)).toBeUndefined();
    const content = await m.contentModule.load();
    expect(m.exampleIn(content, OTHER)?.name).toBe(OTHER);
    expect(m.exampleIn(content, m.DEFAULT_EXAMPLE)).toBe(m.defaultExample);
    expect(m.exampleIn(content, `lesson:${LESSON}`)).toBeUndefined();
  });

  test("needsContent (every name but nothing and the default example) and loadsExamplesFor (the same, but not a lesson)", async () => {
    const m = await fresh();
    // [workspace name, needsContent, loadsExamplesFor]; "xlesson:": the prefix counts, not any mention.
    const cases: Array<[string, boolean, boolean]> = [
      ["", false, false],
      [m.DEFAULT_EXAMPLE, false, false],
      [OTHER, true, true],
      [`lesson:${LESSON}`, true, false],
      ["xlesson:", true, true],
    ];
    for (const [name, needs, loads] of cases) {
      expect(m.needsContent(name), name).toBe(needs);
      expect(m.loadsExamplesFor(name), name).toBe(loads);
    }
  });

  test("fragmentNeeds: the codec for a link, the content for another example's URL, nothing else", async () => {
    const m = await fresh();
    expect(m.fragmentNeeds("")).toEqual([]);
    expect(m.fragmentNeeds("#")).toEqual([]);
    expect(m.fragmentNeeds(`#example=${m.DEFAULT_EXAMPLE}`)).toEqual([]);
    expect(m.fragmentNeeds(`#example=${OTHER}`)).toEqual([m.contentModule]);
    expect(m.fragmentNeeds("#v1.d.AAAA")).toEqual([m.codecModule]);
    expect(m.fragmentNeeds("#example=")).toEqual([]); // a bad route: its banner needs nothing
  });
});

describe("what waits for the content", () => {
  test("a #example= hashchange to another example opens it once the examples have loaded", async () => {
    const m = await fresh();
    const w = world();
    const pg = m.createPlayground(w.deps);
    pg.start();
    await flush();
    expect(pg.store.getState().example).toBe(m.DEFAULT_EXAMPLE);
    w.location.hash = `#example=${OTHER}`;
    w.win.fire("hashchange");
    w.timers.runAll();
    expect(pg.store.getState().example).toBe(m.DEFAULT_EXAMPLE); // not yet: loading
    await vi.waitFor(() => expect(pg.store.getState().example).toBe(OTHER));
    expect(pg.session.ui.getState().linkError).toBeNull();
    pg.dispose();
  });

  test("an #example= URL opened before the examples load says so; the work is kept", async () => {
    const m = await fresh();
    const w = world({ hash: `#example=${OTHER}` });
    const pg = m.createPlayground(w.deps);
    pg.start();
    expect(pg.session.ui.getState().linkError).toMatch(/the examples could not be loaded/);
    expect(pg.store.getState().example).toBe(m.DEFAULT_EXAMPLE);
    pg.dispose();
  });

  test("the default example's URL opens without them", async () => {
    const m = await fresh();
    const w = world({ hash: `#example=${m.DEFAULT_EXAMPLE}` });
    const pg = m.createPlayground(w.deps);
    pg.start();
    expect(pg.session.ui.getState().linkError).toBeNull();
    expect(pg.store.getState().example).toBe(m.DEFAULT_EXAMPLE);
    expect(m.contentModule.current).toBeNull();
    pg.dispose();
  });

  test("starting a lesson first loads the lessons, then opens it", async () => {
    const m = await fresh();
    const store = m.createPlaygroundStore();
    const timers = { setTimeout: () => 0, clearTimeout: () => {} };
    const learn = m.createLearn(store, { storage: null, ...timers });
    learn.store.getState().start(LESSON);
    expect(store.getState().example).toBe(""); // not yet
    await vi.waitFor(() => expect(store.getState().example).toBe(`lesson:${LESSON}`));
    learn.dispose();
  });

  test("a lesson's workspace (a restored draft) makes learn mode load the lessons", async () => {
    const m = await fresh();
    const store = m.createPlaygroundStore();
    store.getState().loadExample(`lesson:${LESSON}`, { "router.ts": "" }, "");
    const learn = m.createLearn(store, { storage: null, setTimeout: () => 0, clearTimeout: () => {} });
    await vi.waitFor(() => expect(m.contentModule.current).not.toBeNull());
    learn.dispose();
  });

  test("a default-example workspace does not load them", async () => {
    const m = await fresh();
    const store = m.createPlaygroundStore();
    store.getState().loadExample(m.DEFAULT_EXAMPLE, { ...m.defaultExample.files }, m.defaultExample.scenario);
    const learn = m.createLearn(store, { storage: null, setTimeout: () => 0, clearTimeout: () => {} });
    await flush();
    expect(m.contentModule.current).toBeNull();
    learn.dispose();
  });

  test("the drafts' 'modified' marks are read again once the originals are there", async () => {
    const m = await fresh();
    const local = new MemoryKV();
    const other = EXAMPLES.find((e) => e.name === OTHER)!;
    // An example draft whose text is the example's again after an edit: "edited", not modified.
    let n = 0;
    const ds = new DraftStore(local, new MemoryKV(), () => ++n, () => `seed${n}`);
    ds.create({ files: Object.entries(other.files), scenario: other.scenario, view: { tab: null, user: null, time: 0 } }, `example:${OTHER}`, true);
    const w = world({ local });
    const pg = m.createPlayground(w.deps);
    pg.start();
    const mark = () => pg.session.ui.getState().drafts.find((d) => d.origin === `example:${OTHER}`)?.modified;
    expect(mark()).toBe(true); // no original yet: the draft's own "edited" flag
    await m.contentModule.load();
    expect(mark()).toBe(false);
    pg.dispose();
  });
});
