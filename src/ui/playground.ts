// One playground = one object that owns its whole lifecycle, in the spirit of vuejs/repl's
// store factory: the zustand store (what the user edits and sees), the session (links,
// drafts, autosave), learn mode, the compile worker and engine sandbox (runner) and the
// mounted graph renderer. Everything it touches outside itself is injected
// (PlaygroundDeps: storage, location/history, event targets, timers, clock, worker
// factories), so Node tests build one with fakes. main.tsx creates the single browser
// instance (browserDeps.ts) and provides it to React (context.ts); dispose() removes every
// subscription, listener and timer and terminates the workers.
import type Sigma from "sigma";
import { createStore, type StoreApi } from "zustand";
import { createPlaygroundStore, type PlaygroundStore } from "./store.ts";
import { createSession, type Session, type SessionDeps } from "./share/session.ts";
import { createLearn, type LearnStore } from "./lessons/learn.ts";
import { startRunner, NO_PERF, type Runner, type RunnerPerf, type SandboxLike, type ShippedRun, type WorkerLike } from "./runner.ts";
import { defaultExample, exampleNamed, lessonNamed } from "./catalog.ts";
import { contentModule } from "./lazy.ts";
import type { Originals } from "../share/drafts.ts";
import type { RunReply } from "../worker/protocol.ts";
import type { Trace } from "../trace/types.ts";
import type { RunDiffHighlight } from "./graph/style.ts";
import type { EditorHook } from "./testHook.ts";
import { DEFAULT_BUDGET_MS } from "../sandbox/budget.ts";

export interface PlaygroundDeps extends Omit<SessionDeps, "originals"> {
  workers: {
    /** A new compile worker (replaced after a compiler failure). */
    compiler(): WorkerLike;
    /** The engine sandbox; started lazily, after the first graph. */
    sandbox(onReply: (r: RunReply) => void): Promise<SandboxLike>;
    /** Starts fetching Pyodide's files at once, before the sandbox exists (a .py module is open). */
    prefetchPython?(): void;
  };
  /** The build-time run of the default example (null: none). */
  shipped?: ShippedRun | null;
  /** The callback budget of the next run (the header's setting). */
  budgetMs?: () => number;
  perf?: RunnerPerf;
}

export interface ViewState {
  galleryOpen: boolean;
  graphDiff: RunDiffHighlight | null;
  /** The open glossary entry (null: the glossary is closed). */
  glossary: string | null;
  shortcutSheet: boolean;
}

export interface Playground {
  store: PlaygroundStore;
  session: Session;
  learn: LearnStore;
  /** View state shared by distant panels: dialogs (gallery, glossary, shortcut sheet), the run-diff highlight. */
  view: StoreApi<ViewState>;
  /** The mounted editor's read-only view for the test hook (markers, cursor); null when none. */
  editorHook: EditorHook | null;
  /** Fault injection (browser tests): the named panel's next render throws (PanelBoundary). */
  faults: StoreApi<{ panel: string | null }>;
  /** The mounted sigma renderer (image export, test hook), set by DeliveryGraph. */
  graph: { renderer: Sigma | null };
  /**
   * Opens the link in the fragment or this tab's draft (the default example otherwise)
   * and starts compiling and running. Idempotent.
   */
  start(): void;
  /** Run again with the current inputs (Run button, Ctrl+Enter). */
  rerun(): void;
  /** Runs a generated world (Cost tab, "scale to N users") with the current compile, in a sandbox of its own. */
  runScaled(scenarioText: string): Promise<Trace>;
  readonly disposed: boolean;
  dispose(): void;
}

/**
 * The original content of an example or lesson draft, for the drafts' "modified" mark
 * (null until the examples and lessons have loaded: the mark falls back to the draft's
 * own "edited" flag, and the drafts list is read again once they are there).
 */
export const exampleOriginals: Originals = (origin) => {
  if (origin.startsWith("example:")) {
    const ex = exampleNamed(origin.slice("example:".length));
    return ex ? { files: Object.entries(ex.files), scenario: ex.scenario } : null;
  }
  if (origin.startsWith("lesson:")) {
    const l = lessonNamed(origin.slice("lesson:".length));
    return l ? { files: [[l.moduleFile, l.starter]], scenario: l.scenario } : null;
  }
  return null;
};

export function createPlayground(deps: PlaygroundDeps): Playground {
  const store = createPlaygroundStore();
  const session = createSession(store, { ...deps, originals: exampleOriginals });
  let progressStorage = null;
  try {
    progressStorage = deps.localStorage();
  } catch {
    progressStorage = null; // access itself can throw (sandboxed frame, disabled storage)
  }
  const learn = createLearn(store, { storage: progressStorage, setTimeout: deps.setTimeout, clearTimeout: deps.clearTimeout });
  let runner: Runner | null = null;
  let disposed = false;
  // The drafts' "modified" marks, computed again once the originals are there.
  const offContent = contentModule.subscribe(() => session.refreshDrafts());

  const pg: Playground = {
    store,
    session,
    learn: learn.store,
    view: createStore<ViewState>()(() => ({ galleryOpen: false, graphDiff: null, glossary: null, shortcutSheet: false })),
    editorHook: null,
    faults: createStore<{ panel: string | null }>()(() => ({ panel: null })),
    graph: { renderer: null },
    get disposed() {
      return disposed;
    },
    start() {
      if (runner || disposed) return;
      if (!session.boot() && !store.getState().example) {
        store.getState().loadExample(defaultExample.name, { ...defaultExample.files }, defaultExample.scenario);
      }
      runner = startRunner(store, {
        compiler: deps.workers.compiler,
        sandbox: deps.workers.sandbox,
        prefetchPython: deps.workers.prefetchPython,
        shipped: deps.shipped ?? null,
        budgetMs: deps.budgetMs ?? (() => DEFAULT_BUDGET_MS),
        perf: deps.perf ?? NO_PERF,
      });
    },
    rerun() {
      runner?.rerun();
    },
    runScaled(scenarioText) {
      return runner ? runner.runScaled(scenarioText) : Promise.reject(new Error("the playground has not started"));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      offContent();
      session.dispose();
      learn.dispose();
      runner?.dispose();
      runner = null;
      pg.graph.renderer = null;
    },
  };
  return pg;
}
