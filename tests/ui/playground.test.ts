// createPlayground in Node, with fake storage, location, history, event targets, timers
// and workers: a playground boots, autosaves edits, switches examples, and dispose()
// leaves nothing running (no timer pending, every listener and subscription removed,
// every worker terminated); two playgrounds in one process share no state.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { createPlayground } from "../../src/ui/playground.ts";
import { MemoryKV } from "../../src/share/drafts.ts";
import { buildLink } from "../../src/share/codec.ts";
import { DEFAULT_EXAMPLE, EXAMPLES } from "../../src/ui/examples.ts";
import { LESSONS } from "../../src/lessons/index.ts";
import type { SandboxLike } from "../../src/ui/runner.ts";
import { contentModule } from "../../src/ui/lazy.ts";
import { edit, flush, trace, world } from "./playgroundWorld.ts";
import { WARM_FROM_DELIVERIES } from "../../src/ui/graph/warm.ts";

// Examples other than the default and the lessons are looked up in the lazily loaded
// content (catalog.ts), as the app does once it has loaded them; "before they load" is
// tested in tests/ui/content.test.ts.
beforeAll(() => contentModule.load());

describe("the active cross-check follows the graph's run", () => {
  const check = (skipped: string) => ({ instants: [0], probes: [], skipped });
  /** A started playground whose first run has answered; `followUp`: its result says a cross-check follows. */
  async function booted(followUp: boolean) {
    const w = world();
    w.workers.followUp = followUp;
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    return { w, pg };
  }
  test("the trace is shown with the check pending; the check of the same run then fills it in", async () => {
    const { w, pg } = await booted(true);
    const s = pg.store.getState();
    expect(s.run.status).toBe("ok");
    expect(s.crossCheck).toBe("pending");
    const id = w.workers.sandboxes[0]!.runs[0]!.id;
    w.workers.onReply({ type: "cross-check", id, crossCheck: check("mine"), ms: 1 });
    expect(pg.store.getState().crossCheck).toEqual(check("mine"));
    pg.dispose();
  });

  test("a check for an older run is dropped: the newest run's stays pending", async () => {
    const { w, pg } = await booted(true);
    const first = w.workers.sandboxes[0]!.runs[0]!.id;
    pg.store.getState().setScenario(pg.store.getState().scenario + "# a new run\n");
    await flush();
    const runs = w.workers.sandboxes[0]!.runs;
    expect(runs.length).toBe(2);
    w.workers.onReply({ type: "cross-check", id: first, crossCheck: check("old"), ms: 1 });
    expect(pg.store.getState().crossCheck).toBe("pending");
    w.workers.onReply({ type: "cross-check", id: runs[1]!.id, crossCheck: check("new"), ms: 1 });
    expect(pg.store.getState().crossCheck).toEqual(check("new"));
    pg.dispose();
  });

  test("a big result's graph data is built over several turns first; a check that arrives meanwhile lands after it", async () => {
    const w = world();
    w.workers.followUp = true;
    const big = () => ({ ...trace(), deliveries: Array.from({ length: WARM_FROM_DELIVERIES }, (_, i) => ({ at: i, server: "example.org", source: "@a:example.org", viewer: "@a:example.org", transport: "sync" as const, state: "online", via: ["self"] })) });
    w.workers.resultTrace = big;
    const pg = createPlayground(w.deps);
    pg.start();
    // Until the sandbox exists and has been asked to run.
    for (let i = 0; i < 20 && !w.workers.sandboxes[0]?.runs.length; i++) await flush();
    const id = w.workers.sandboxes[0]!.runs[0]!.id;
    await Promise.resolve(); // the fake's reply (a microtask)
    await Promise.resolve();
    expect(pg.store.getState().run.status).toBe("running"); // the result is being prepared
    w.workers.onReply({ type: "cross-check", id, crossCheck: check("mine"), ms: 1 });
    for (let i = 0; i < 20 && pg.store.getState().run.status !== "ok"; i++) await flush();
    await flush();
    const s = pg.store.getState();
    expect(s.run.status).toBe("ok");
    expect(s.trace?.deliveries.length).toBe(WARM_FROM_DELIVERIES);
    expect(s.crossCheck).toEqual(check("mine")); // not dropped as "before its run's result"
    pg.dispose();
  });

  test("without a follow-up there is no check (a run with errors is not probed)", async () => {
    const { pg } = await booted(false);
    expect(pg.store.getState().crossCheck).toBe(null);
    pg.dispose();
  });
});

describe("createPlayground: lifecycle", () => {
  test("boots the default example, compiles and runs it in the injected workers", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    expect(pg.store.getState().example).toBe(DEFAULT_EXAMPLE);
    await flush();
    expect(w.workers.compilers).toHaveLength(1);
    expect(w.workers.sandboxes).toHaveLength(1);
    expect(w.workers.sandboxes[0]!.runs).toHaveLength(1);
    expect(pg.store.getState().run.status).toBe("ok");
    // Starting twice changes nothing (App's effect may run twice under StrictMode).
    pg.start();
    expect(w.workers.compilers).toHaveLength(1);
    pg.dispose();
  });

  test("the share's example link: only while the files and scenario are the example's as shipped", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    expect(pg.session.exampleLink()).toBe(`https://play.example/#example=${DEFAULT_EXAMPLE}`);
    edit(pg, "// my edit\n");
    expect(pg.session.exampleLink()).toBeNull();
    const other = EXAMPLES.find((e) => e.name !== DEFAULT_EXAMPLE)!;
    pg.store.getState().loadExample(other.name, { ...other.files }, other.scenario);
    expect(pg.session.exampleLink()).toBe(`https://play.example/#example=${other.name}`);
    pg.store.getState().setScenario(other.scenario + "# a comment\n");
    expect(pg.session.exampleLink()).toBeNull();
    pg.store.getState().setScenario(other.scenario);
    expect(pg.session.exampleLink()).not.toBeNull();
    pg.store.getState().addFile("extra.ts", "export {};\n");
    expect(pg.session.exampleLink()).toBeNull();
    pg.store.getState().removeFile("extra.ts");
    expect(pg.session.exampleLink()).not.toBeNull();
    // Same names, one text swapped for another file's: changed.
    const [first] = Object.keys(other.files);
    pg.store.getState().setFile(first!, other.files[first!] + " ");
    expect(pg.session.exampleLink()).toBeNull();
    pg.store.getState().setFile(first!, other.files[first!]!);
    expect(pg.session.exampleLink()).not.toBeNull();
    // A file removed: changed too.
    pg.store.getState().removeFile(first!);
    expect(pg.session.exampleLink()).toBeNull();
    pg.dispose();
  });

  test("edit, switch example, dispose: nothing left running", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    expect(w.win.count()).toBe(2); // pagehide + hashchange
    expect(w.doc.count()).toBe(1); // visibilitychange

    edit(pg, "// my edit\n");
    expect(w.timers.pending.size).toBe(1); // autosave, debounced
    w.timers.runAll();
    expect(pg.session.ui.getState().drafts[0]).toMatchObject({ name: DEFAULT_EXAMPLE, modified: true });

    const other = EXAMPLES.find((e) => e.name !== DEFAULT_EXAMPLE)!;
    pg.store.getState().loadExample(other.name, { ...other.files }, other.scenario);
    await flush();
    expect(pg.session.ui.getState().drafts.map((d) => [d.name, d.modified])).toEqual([
      [other.name, false],
      [DEFAULT_EXAMPLE, true],
    ]);
    // A lesson's code is saved on a timer too: pending until dispose clears it.
    pg.learn.getState().start(LESSONS[0]!.id);
    edit(pg, "// lesson attempt\n");
    expect(w.timers.pending.size).toBe(2); // draft autosave + lesson code save

    pg.dispose();
    expect(w.timers.pending.size).toBe(0);
    expect(w.win.count()).toBe(0);
    expect(w.doc.count()).toBe(0);
    expect(w.workers.compilers.every((c) => c.terminated)).toBe(true);
    expect(w.workers.sandboxes.every((s) => s.disposed)).toBe(true);
    // The pending edit was saved by dispose, not lost.
    expect(JSON.stringify([...Array(w.local.length).keys()].map((i) => w.local.getItem(w.local.key(i)!)))).toContain("lesson attempt");

    // Subscriptions are gone: store changes after dispose start no compile, no save, no timer.
    const requests = w.workers.compilers.reduce((n, c) => n + c.requests, 0);
    const stored = w.local.length;
    edit(pg, "// after dispose\n");
    await flush();
    expect(w.workers.compilers.reduce((n, c) => n + c.requests, 0)).toBe(requests);
    expect(w.timers.pending.size).toBe(0);
    expect(w.local.length).toBe(stored);
    expect(pg.disposed).toBe(true);
  });

  test("playback schedules no draft save per frame; stopping saves the time it stopped at", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    w.timers.runAll(); // the view autosave after the first run
    const s = pg.store.getState();
    s.setPlaying(true);
    for (const t of [100, 200, 300]) pg.store.getState().setTime(t);
    expect(w.timers.pending.size).toBe(0); // playing: the time moves, nothing scheduled
    pg.store.getState().setPlaying(false);
    expect(w.timers.pending.size).toBe(1); // stopped: one save
    w.timers.runAll();
    pg.store.getState().setTime(400); // a scrub (not playing) is saved as before
    expect(w.timers.pending.size).toBe(1);
    pg.dispose();
    expect(JSON.stringify([...Array(w.local.length).keys()].map((i) => w.local.getItem(w.local.key(i)!)))).toMatch(/time\\+":400\}/);
  });

  test("a sandbox that arrives after dispose is disposed at once", async () => {
    const w = world();
    let resolve!: (s: SandboxLike) => void;
    const late = { disposed: false, run() {}, dispose() { late.disposed = true; } };
    w.deps.workers.sandbox = () => new Promise((ok) => (resolve = ok));
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    pg.dispose();
    resolve(late);
    await flush();
    expect(late.disposed).toBe(true);
  });

  test("hashchange bursts are coalesced on the injected timers; dispose cancels a pending one", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    const link = buildLink("https://play.example/", { files: [["router.ts", "// from a link\n"]], scenario: "version: 1\n", view: { tab: null, user: null, time: 0 } });
    w.timers.runAll(); // the view autosave after the first run
    w.location.hash = link.slice(link.indexOf("#"));
    w.win.fire("hashchange");
    w.win.fire("hashchange");
    expect(w.timers.pending.size).toBe(1);
    w.timers.runAll();
    // The page's first link waits for the link codec (src/ui/lazy.ts), then opens.
    await vi.waitFor(() => expect(pg.store.getState().files).toEqual({ "router.ts": "// from a link\n" }));
    w.location.hash = link.slice(link.indexOf("#"));
    w.win.fire("hashchange");
    pg.dispose();
    expect(w.timers.pending.size).toBe(0);
  });
});

describe("createPlayground: two instances share nothing", () => {
  test("stores, drafts, learn state and workers are per instance", async () => {
    const a = world();
    const b = world();
    const pa = createPlayground(a.deps);
    const pb = createPlayground(b.deps);
    pa.start();
    pb.start();
    await flush();
    edit(pa, "// only in a\n");
    a.timers.runAll();
    expect(pb.store.getState().files).not.toEqual(pa.store.getState().files);
    expect(Object.values(pb.store.getState().files)).not.toContain("// only in a\n");
    expect(b.local.length).toBe(1); // b's own default-example draft, nothing of a's
    pa.learn.getState().setOpen(true);
    expect(pb.learn.getState().open).toBe(false);
    pa.session.ui.setState({ linkError: "x" });
    expect(pb.session.ui.getState().linkError).toBeNull();
    expect(pa.store).not.toBe(pb.store);
    pa.dispose();
    // Disposing one leaves the other running.
    expect(b.workers.compilers[0]!.terminated).toBe(false);
    edit(pb, "// b goes on\n");
    expect(b.timers.pending.size).toBe(1);
    b.timers.runAll();
    await flush();
    expect(pb.store.getState().run.status).toBe("ok");
    pb.dispose();
  });

  test("a second playground on the same storage (a reload) restores the first one's draft", async () => {
    const a = world();
    const pa = createPlayground(a.deps);
    pa.start();
    await flush();
    edit(pa, "// kept across reloads\n");
    pa.dispose(); // pagehide: saves
    const b = world({ local: a.local });
    const pb = createPlayground(b.deps);
    pb.start();
    expect(Object.values(pb.store.getState().files)).toContain("// kept across reloads\n");
    pb.dispose();
  });
});

describe("createPlayground: drafts", () => {
  test("opening the same example again adds no entry; a corrupt stored draft is reported and skipped", async () => {
    const local = new MemoryKV();
    local.setItem("prp:draft:bad", JSON.stringify({ id: "bad", updated: 1, state: { files: "nope" } }));
    const w = world({ local });
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    const ex = EXAMPLES.find((e) => e.name === DEFAULT_EXAMPLE)!;
    for (let i = 0; i < 3; i++) pg.store.getState().loadExample(ex.name, { ...ex.files }, ex.scenario);
    expect(pg.session.ui.getState().drafts).toHaveLength(1);
    expect(pg.session.ui.getState().corruptNotice).toMatch(/^A stored draft could not be read and was skipped \(prp:draft:bad: state\.files: /);
    pg.dispose();
  });

  test("rename, delete (not this tab's) and undo", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    const first = pg.session.ui.getState().currentDraft!;
    const other = EXAMPLES.find((e) => e.name !== DEFAULT_EXAMPLE)!;
    pg.store.getState().loadExample(other.name, { ...other.files }, other.scenario);
    pg.session.renameDraft(first, "my first try");
    expect(pg.session.ui.getState().drafts.find((d) => d.id === first)?.name).toBe("my first try");
    const current = pg.session.ui.getState().currentDraft!;
    pg.session.deleteDraft(current); // this tab's: refused
    expect(pg.session.ui.getState().drafts).toHaveLength(2);
    pg.session.deleteDraft(first);
    expect(pg.session.ui.getState().drafts.map((d) => d.id)).toEqual([current]);
    expect(pg.session.ui.getState().deleted).toEqual({ id: first, name: "my first try" });
    pg.session.undoDelete();
    expect(pg.session.ui.getState().drafts.find((d) => d.id === first)?.name).toBe("my first try");
    expect(pg.session.ui.getState().deleted).toBeNull();
    pg.dispose();
  });
});

describe("createPlayground: direct example URLs (#example=<name>)", () => {
  const py = "modern-docs-router-py";

  test("a fresh tab opened at #example=<name> shows that example, in a draft of its own, and drops the fragment", async () => {
    const w = world({ hash: `#example=${py}` });
    const pg = createPlayground(w.deps);
    pg.start();
    expect(pg.store.getState().time).toBeNull(); // the timeline opens as the Examples menu opens it (runner)
    await flush();
    const ex = EXAMPLES.find((e) => e.name === py)!;
    const s = pg.store.getState();
    expect(s.example).toBe(py);
    expect(s.files).toEqual(ex.files);
    expect(s.scenario).toBe(ex.scenario);
    expect(pg.session.ui.getState().linkError).toBeNull();
    expect(w.replaced).toEqual(["/"]); // a reload restores the draft, not the URL
    expect(pg.session.ui.getState().drafts).toHaveLength(1);
    pg.dispose();
  });

  test("an unknown or malformed name raises the link banner and keeps the user's draft", async () => {
    for (const [hash, why] of [
      ["#example=no-such-example", /^This link could not be opened: there is no example named 'no-such-example' \(the Examples menu lists them\)\. Your current work is unchanged\.$/],
      ["#example=../etc/passwd", /'\.\.\/etc\/passwd' is not an example name/],
      ["#example=__proto__", /'__proto__' is not an example name/],
    ] as const) {
      const a = world();
      const pa = createPlayground(a.deps);
      pa.start();
      await flush();
      edit(pa, "// my work\n");
      pa.dispose();
      const b = world({ local: a.local, hash });
      // Same tab (sessionStorage) as the first playground: its draft is this tab's.
      const pb = createPlayground({ ...b.deps, sessionStorage: () => a.session });
      pb.start();
      expect(pb.session.ui.getState().linkError).toMatch(why);
      expect(Object.values(pb.store.getState().files)).toContain("// my work\n");
      expect(pb.session.ui.getState().drafts).toHaveLength(1);
      pb.dispose();
    }
  });

  test("a #example= hashchange opens the example as a new draft; the previous work stays in its draft", async () => {
    const w = world();
    const pg = createPlayground(w.deps);
    pg.start();
    await flush();
    edit(pg, "// before the link\n");
    w.location.hash = `#example=${py}`;
    w.win.fire("hashchange");
    w.timers.runAll();
    expect(pg.store.getState().example).toBe(py);
    const drafts = pg.session.ui.getState().drafts;
    expect(drafts).toHaveLength(2);
    expect(w.local.length).toBe(2);
    expect([...Array(w.local.length).keys()].some((i) => (w.local.getItem(w.local.key(i)!) ?? "").includes("// before the link"))).toBe(true);
    pg.dispose();
  });
});

describe("createPlayground: Pyodide starts loading as soon as a .py module is open (issue 13)", () => {
  test("a Python example opened by its URL starts the sandbox and its Python preload at start (not after a first graph); a TypeScript example does not", async () => {
    const w = world({ hash: "#example=modern-docs-router-py" });
    const pg = createPlayground(w.deps);
    pg.start();
    // Pyodide's files are asked for at once, before the sandbox (its chunk, its iframe) exists.
    expect(w.workers.prefetches).toBe(1);
    expect(w.workers.sandboxesAtFirstPrefetch).toBe(0);
    await Promise.resolve(); // the sandbox factory's promise: no timer (afterFirstGraph) involved
    await Promise.resolve();
    expect(w.workers.sandboxes).toHaveLength(1);
    expect(w.workers.sandboxes[0]!.preloads).toBe(1);
    pg.dispose();

    const ts = world();
    const pt = createPlayground(ts.deps);
    pt.start();
    await flush();
    expect(ts.workers.sandboxes.every((sb) => sb.preloads === 0)).toBe(true);
    expect(ts.workers.prefetches).toBe(0);
    // Switching to a Python example preloads then.
    const py = EXAMPLES.find((e) => e.name === "modern-docs-router-py")!;
    pt.store.getState().loadExample(py.name, { ...py.files }, py.scenario);
    await flush();
    expect(ts.workers.sandboxes.reduce((n, sb) => n + sb.preloads, 0)).toBeGreaterThanOrEqual(1);
    pt.dispose();
  });
});
