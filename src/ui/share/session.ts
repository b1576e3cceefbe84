// The playground's session around the store: opening permalinks (#v1.…) and direct
// example URLs (#example=<name>, share/route.ts), autosave of
// drafts (DraftStore), switching, renaming and deleting drafts, embed mode. Untrusted
// links never replace the user's draft: a broken link only raises a banner; a valid one
// starts a NEW draft (or reopens the draft holding the same content). Bursts of
// hashchanges (a page that navigates a popup of the playground in a loop) are coalesced:
// only the last link of a burst is opened. After a panel crashes, the view is never
// saved again until the user resets it (a view that crashed must not come back on reload).
//
// createSession is called by createPlayground with everything it touches injected
// (storage, location, history, event targets, timers, clock): its state lives in the
// closure, and dispose() removes every listener, subscription and timer it added.
import { createStore, useStore, type StoreApi } from "zustand";
import { usePlaygroundInstance } from "../context.ts";
import { SCENARIO_FILE, type PlaygroundState, type PlaygroundStore } from "../store.ts";
import type { ShareState } from "../../share/codec.ts";
import { codecModule, contentModule, type Lazy } from "../lazy.ts";
import { needsContent } from "../catalog.ts";
import { exampleLink, parseRoute } from "../../share/route.ts";
import { DraftStore, MemoryKV, StorageFullError, differsFromOriginal, type Draft, type DraftSummary, type KV, type Originals } from "../../share/drafts.ts";

export type EmbedMode = "graph" | "editor" | null;

/**
 * What opening the fragment needs loaded first (lazy.ts): a permalink needs the link
 * codec, a direct URL of an example other than the default one needs the examples.
 */
export function fragmentNeeds(hash: string): Lazy<unknown>[] {
  if (hash.length <= 1) return [];
  const route = parseRoute(hash);
  if (route.kind === "link") return [codecModule];
  if (route.kind === "example" && needsContent(route.name)) return [contentModule];
  return [];
}

export function embedMode(search: string): EmbedMode {
  const v = new URLSearchParams(search).get("embed");
  return v === "graph" || v === "editor" ? v : null;
}

export interface SessionUi {
  /** A link that could not be opened: the message shown in the banner. */
  linkError: string | null;
  /** Storage is unavailable: drafts live in memory only (shown once). */
  storageNotice: string | null;
  /** Stored drafts that could not be read (skipped): shown once, never a blank screen. */
  corruptNotice: string | null;
  drafts: DraftSummary[];
  currentDraft: string | null;
  /** The draft deleted last, while its undo is offered. */
  deleted: { id: string; name: string } | null;
  /** A new version of the app is installed: the function that switches to it (reloads). */
  update: (() => void) | null;
  dismissLinkError(): void;
  dismissStorageNotice(): void;
  dismissUpdate(): void;
  dismissCorruptNotice(): void;
}

/** What the session needs from the page; tests pass fakes. */
export interface SessionDeps {
  /** localStorage / sessionStorage, or null when unavailable (access may throw). */
  localStorage: () => KV | null;
  sessionStorage: () => KV | null;
  location: { readonly href: string; readonly hash: string; readonly pathname: string; readonly search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void; readonly state: unknown };
  /** The window: hashchange and pagehide listeners. */
  window: Pick<EventTarget, "addEventListener" | "removeEventListener">;
  /** The document: visibilitychange; hidden → save now. */
  document: Pick<EventTarget, "addEventListener" | "removeEventListener"> & { readonly visibilityState: string };
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (t: unknown) => void;
  now: () => number;
  newId: () => string;
  embed: EmbedMode;
  /** An example's or lesson's original content, for the "modified" mark. */
  originals?: Originals;
}

export interface Session {
  ui: StoreApi<SessionUi>;
  /**
   * Start-up, before the runner starts: open a link in the fragment, else restore this
   * tab's draft. Returns true when the store was filled (the caller loads a default
   * example otherwise). Installs autosave (not in embed mode). Idempotent.
   */
  boot(): boolean;
  /** The state a link or draft carries, from the store. */
  currentShareState(s?: PlaygroundState): ShareState;
  /** The full-app link for the current state (no `?embed`). Throws until the link codec is loaded (`codecModule.load()`). */
  currentLink(): string;
  /** The example's direct URL (`#example=name`) when the open files and scenario are that example's as shipped, else null. */
  exampleLink(): string | null;
  /** Replaces the store's inputs and view with a link's or draft's state. */
  applyState(state: ShareState, example?: string): void;
  /** Saves the current state to this tab's draft now (no-op in embed mode). */
  flushSave(s?: PlaygroundState): void;
  switchDraft(id: string): void;
  refreshDrafts(): void;
  renameDraft(id: string, name: string): void;
  /** Deletes a draft (not this tab's); undoDelete() brings it back. */
  deleteDraft(id: string): void;
  undoDelete(): void;
  /** A panel crashed (error boundary): save the code, never the view, until resetView(). Never throws. */
  quarantineView(): void;
  /** The "reset view" action: the default view for the current files; saves resume. */
  resetView(): void;
  dispose(): void;
}

const SAVE_DELAY_MS = 300;
/** Hashchanges closer together than this are one burst: only its last link opens. */
export const HASHCHANGE_QUIET_MS = 250;

const NO_VIEW: ShareState["view"] = { tab: null, user: null, time: 0 };

function probe(get: () => KV | null): KV | null {
  try {
    const s = get();
    if (!s) return null;
    const k = "prp:probe";
    s.setItem(k, "1");
    s.removeItem(k);
    return s;
  } catch {
    return null;
  }
}

/** The store's `example` for a draft origin ("example:<name>" → name; "lesson:<id>" as is). */
function exampleOf(origin: string): string {
  if (origin.startsWith("lesson:")) return origin;
  return origin.startsWith("example:") ? origin.slice("example:".length) : "";
}

function originOf(s: PlaygroundState): string {
  if (!s.example) return "new";
  return s.example.startsWith("lesson:") ? s.example : `example:${s.example}`;
}

function isEmpty(s: PlaygroundState): boolean {
  return Object.keys(s.files).length === 0 && s.scenario === "";
}

export function createSession(store: PlaygroundStore, deps: SessionDeps): Session {
  const ui = createStore<SessionUi>()((set) => ({
    linkError: null,
    storageNotice: null,
    corruptNotice: null,
    drafts: [],
    currentDraft: null,
    deleted: null,
    update: null,
    dismissLinkError: () => set({ linkError: null }),
    dismissUpdate: () => set({ update: null }),
    dismissStorageNotice: () => set({ storageNotice: null }),
    dismissCorruptNotice: () => set({ corruptNotice: null }),
  }));

  let drafts: DraftStore | null = null;
  let inMemory = false;
  let noticeShown = false;
  let corruptShown = false;
  let applying = false;
  let timer: unknown = null;
  let hashTimer: unknown = null;
  let booted = false;
  let disposed = false;
  /** The user changed files or scenario since the last wholesale load (first save only). */
  let contentEdited = false;
  /** A panel crashed: save the code, never the view, until the user resets the view. */
  let viewQuarantined = false;
  let lastDeleted: Draft | null = null;
  const cleanups: Array<() => void> = [];

  const memoryStore = () => new DraftStore(new MemoryKV(), new MemoryKV(), deps.now, deps.newId, deps.originals);

  function storageFailed(why: string): void {
    inMemory = true;
    if (noticeShown) return;
    noticeShown = true;
    ui.setState({ storageNotice: `${why} Your drafts are kept in memory only and will be lost when this tab closes; use Share or Export to keep your work.` });
  }

  function draftStore(): DraftStore {
    if (drafts) return drafts;
    const local = probe(deps.localStorage);
    const session = probe(deps.sessionStorage);
    if (local && session) drafts = new DraftStore(local, session, deps.now, deps.newId, deps.originals);
    else {
      storageFailed("This browser does not let the playground use local storage.");
      drafts = memoryStore();
    }
    return drafts;
  }

  function currentShareState(s: PlaygroundState = store.getState()): ShareState {
    return {
      files: Object.entries(s.files),
      scenario: s.scenario,
      view: { tab: s.activeTab, user: s.selectedUser, time: s.time ?? s.trace?.scenario.end ?? 0 },
    };
  }

  /** What a draft stores: the state, without the view while the view is quarantined. */
  function draftState(s: PlaygroundState): ShareState {
    const st = currentShareState(s);
    return viewQuarantined ? { ...st, view: NO_VIEW } : st;
  }

  function applyState(state: ShareState, example = ""): void {
    applying = true;
    try {
      const files = Object.fromEntries(state.files);
      const st = store.getState();
      st.loadExample(example, files, state.scenario);
      contentEdited = false;
      const tab = state.view.tab;
      if (tab && (tab === SCENARIO_FILE || Object.hasOwn(files, tab))) st.setActiveTab(tab);
      else st.setActiveTab(state.files[0]?.[0] ?? SCENARIO_FILE);
      st.select(state.view.user, state.view.time);
    } finally {
      applying = false;
    }
  }

  function refreshList(): void {
    if (!drafts) return;
    const patch: Partial<SessionUi> = { drafts: drafts.list(), currentDraft: drafts.current()?.id ?? null };
    const corrupt = corruptShown ? [] : drafts.corrupt();
    if (corrupt.length) {
      corruptShown = true;
      const first = corrupt[0]!;
      patch.corruptNotice = `${corrupt.length === 1 ? "A stored draft" : `${corrupt.length} stored drafts`} could not be read and ${corrupt.length === 1 ? "was" : "were"} skipped (${first.key}: ${first.why}). Your other drafts are fine.`;
    }
    ui.setState(patch);
  }

  /** Runs a storage write; on failure (quota, storage revoked) moves to memory with a notice. */
  function guarded(write: (d: DraftStore) => void): void {
    const d = draftStore();
    try {
      write(d);
    } catch (e) {
      if (inMemory) return;
      storageFailed(
        e instanceof StorageFullError
          ? "The browser's storage for this site is full, and the playground never deletes drafts you edited to make room: your latest changes are not saved there. Delete drafts you no longer need (Recent drafts) or use Export."
          : "The browser refused to save your draft (storage disabled).",
      );
      drafts = memoryStore();
      try {
        write(drafts);
      } catch {
        /* memory does not fail */
      }
    }
    refreshList();
  }

  function clearSaveTimer(): void {
    if (timer !== null) {
      deps.clearTimeout(timer);
      timer = null;
    }
  }

  function flushSave(s: PlaygroundState = store.getState()): void {
    clearSaveTimer();
    if (disposed || deps.embed || isEmpty(s)) return;
    guarded((d) => d.save(draftState(s), originOf(s), contentEdited));
  }

  function schedule(): void {
    clearSaveTimer();
    timer = deps.setTimeout(() => {
      timer = null;
      flushSave();
    }, SAVE_DELAY_MS);
  }

  const refuse = (msg: string) => ui.setState({ linkError: `This link could not be opened: ${msg} Your current work is unchanged.` });

  /** A direct example URL's content, or null (with the banner) for a name that is not an example. */
  function exampleOfRoute(hash: string): { name: string; state: ShareState } | null {
    const route = parseRoute(hash);
    if (route.kind !== "example") {
      if (route.kind === "bad-example") refuse(route.message);
      return null;
    }
    const original = deps.originals?.(`example:${route.name}`);
    if (!original && needsContent(route.name) && !contentModule.current) {
      refuse("the examples could not be loaded.");
      return null;
    }
    if (!original) {
      refuse(`there is no example named '${route.name}' (the Examples menu lists them).`);
      return null;
    }
    return { name: route.name, state: { files: original.files, scenario: original.scenario, view: NO_VIEW } };
  }

  /** Opens a fragment as a link or a direct example URL. Returns true when the store now holds its state. */
  function openFragment(hash: string): boolean {
    let state: ShareState | null = null;
    let example: string | null = null;
    if (parseRoute(hash).kind !== "link") {
      const ex = exampleOfRoute(hash);
      if (ex) [state, example] = [ex.state, ex.name];
    } else {
      // The codec is loaded before a link is opened (main.tsx at start, the hashchange
      // listener later): it is not part of the first chunk (lazy.ts).
      const codec = codecModule.current;
      if (!codec) refuse("the link decoder could not be loaded.");
      else {
        try {
          state = codec.decodeLink(hash);
        } catch (e) {
          refuse(e instanceof codec.LinkError ? e.message : "The link could not be opened.");
        }
      }
    }
    // Reloading must restore the draft, not re-open the link.
    try {
      deps.history.replaceState(deps.history.state, "", deps.location.pathname + deps.location.search);
    } catch {
      /* ignore */
    }
    if (!state) return false;
    const opened = state;
    if (!deps.embed) {
      flushSave();
      guarded((d) => (example === null ? d.openLink(opened) : d.create(opened, `example:${example}`)));
    }
    if (example === null) applyState(opened);
    else {
      // As the Examples menu opens it (the timeline at its opening moment, the first tab).
      applying = true;
      try {
        store.getState().loadExample(example, Object.fromEntries(opened.files), opened.scenario);
        contentEdited = false;
      } finally {
        applying = false;
      }
    }
    ui.setState({ linkError: null });
    return true;
  }

  function listen(target: Pick<EventTarget, "addEventListener" | "removeEventListener">, type: string, fn: () => void): void {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  }

  function installAutosave(): void {
    cleanups.push(
      store.subscribe((s, prev) => {
        if (applying) return;
        if (s.revision !== prev.revision) {
          // Wholesale replacement (an example or lesson picked): keep the old work in its
          // draft and start (or reopen, when identical) one for the new content.
          if (!isEmpty(prev)) flushSave(prev);
          contentEdited = false;
          if (!isEmpty(s)) guarded((d) => d.create(draftState(s), originOf(s)));
          return;
        }
        if (s.files !== prev.files || s.scenario !== prev.scenario) {
          contentEdited = true;
          schedule();
        } else if (timer === null && (s.activeTab !== prev.activeTab || s.selectedUser !== prev.selectedUser || (s.time !== prev.time && !s.playing) || (prev.playing && !s.playing))) {
          // Playback moves the time every frame: its time is saved when it stops.
          schedule();
        }
      }),
    );
    listen(deps.window, "pagehide", () => flushSave());
    listen(deps.document, "visibilitychange", () => {
      if (deps.document.visibilityState === "hidden") flushSave();
    });
  }

  function boot(): boolean {
    if (booted) return !isEmpty(store.getState());
    booted = true;
    let loaded = false;
    if (deps.location.hash.length > 1) loaded = openFragment(deps.location.hash);
    if (!loaded && !deps.embed) {
      let restored = null;
      try {
        restored = draftStore().restore();
      } catch {
        restored = null;
      }
      if (restored) {
        applyState(restored.state, exampleOf(restored.origin));
        loaded = true;
      }
    }
    if (!deps.embed) installAutosave();
    refreshList();
    // Coalesced: a burst of hashchanges (a popup navigated in a loop) opens one link, the last.
    listen(deps.window, "hashchange", () => {
      if (hashTimer !== null) deps.clearTimeout(hashTimer);
      hashTimer = deps.setTimeout(() => {
        hashTimer = null;
        const hash = deps.location.hash;
        if (hash.length <= 1) return;
        const missing = fragmentNeeds(hash).filter((l) => !l.current);
        if (missing.length === 0) openFragment(hash);
        else {
          // The first link of the page waits for the codec, the first example URL for the
          // examples (the banner says so if they cannot load).
          const open = () => !disposed && openFragment(hash);
          void Promise.all(missing.map((l) => l.load())).then(open, open);
        }
      }, HASHCHANGE_QUIET_MS);
    });
    return loaded;
  }

  return {
    ui,
    boot,
    currentShareState,
    currentLink() {
      const u = new URL(deps.location.href);
      u.searchParams.delete("embed");
      u.hash = "";
      const codec = codecModule.current;
      if (!codec) throw new Error("the link encoder is not loaded yet");
      return codec.buildLink(u.toString(), currentShareState());
    },
    exampleLink() {
      const s = store.getState();
      const original = s.example ? deps.originals?.(`example:${s.example}`) : null;
      if (!original || differsFromOriginal(original, currentShareState(s))) return null;
      const u = new URL(deps.location.href);
      u.searchParams.delete("embed");
      return exampleLink(u.toString(), s.example);
    },
    applyState,
    flushSave,
    switchDraft(id) {
      flushSave();
      let d = null;
      try {
        d = draftStore().open(id);
      } catch {
        d = null;
      }
      if (d) applyState(d.state, exampleOf(d.origin));
      refreshList();
    },
    refreshDrafts() {
      draftStore();
      refreshList();
    },
    renameDraft(id, name) {
      guarded((d) => d.rename(id, name));
    },
    deleteDraft(id) {
      if (id === draftStore().current()?.id) return; // this tab's draft: it would come back on the next save
      const name = ui.getState().drafts.find((d) => d.id === id)?.name ?? "draft";
      const gone: { draft: Draft | null } = { draft: null };
      guarded((d) => (gone.draft = d.remove(id)));
      lastDeleted = gone.draft;
      ui.setState({ deleted: gone.draft ? { id, name } : null });
    },
    undoDelete() {
      const d = lastDeleted;
      lastDeleted = null;
      if (d) guarded((s) => s.restoreDeleted(d));
      ui.setState({ deleted: null });
    },
    quarantineView() {
      if (viewQuarantined) return;
      viewQuarantined = true;
      try {
        flushSave();
      } catch {
        /* the boundary must not throw */
      }
    },
    resetView() {
      store.getState().resetView();
      viewQuarantined = false;
      flushSave();
    },
    dispose() {
      if (disposed) return;
      // Last chance to keep the work, then nothing of this session may run again.
      try {
        flushSave();
      } catch {
        /* disposing must not throw */
      }
      disposed = true;
      clearSaveTimer();
      if (hashTimer !== null) deps.clearTimeout(hashTimer);
      hashTimer = null;
      for (const c of cleanups.splice(0)) c();
    },
  };
}

/** Reads the session's UI state (banners, recent drafts) of the nearest PlaygroundProvider. */
export function useSession<T>(selector: (s: SessionUi) => T): T {
  return useStore(usePlaygroundInstance().session.ui, selector);
}
