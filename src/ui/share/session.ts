// The playground's session around the store: opening permalinks (#v1.…), autosave of
// drafts (DraftStore), switching drafts, embed mode. Untrusted links never replace the
// user's draft: a broken link only raises a banner; a valid one starts a NEW draft (or
// reopens the untouched draft of the identical link). Bursts of hashchanges (a page
// that navigates a popup of the playground in a loop) are coalesced: only the last link
// of a burst is opened. After a panel crashes, the view is never saved again until the
// user resets it (a view that crashed must not come back on reload).
import { create } from "zustand";
import { usePlayground, SCENARIO_FILE, type PlaygroundState } from "../store.ts";
import { LinkError, buildLink, decodeLink, type ShareState } from "../../share/codec.ts";
import { DraftStore, MemoryKV, StorageFullError, type DraftSummary, type KV } from "../../share/drafts.ts";

export type EmbedMode = "graph" | "editor" | null;

export function embedMode(search = typeof location === "undefined" ? "" : location.search): EmbedMode {
  const v = new URLSearchParams(search).get("embed");
  return v === "graph" || v === "editor" ? v : null;
}

interface SessionUi {
  /** A link that could not be opened: the message shown in the banner. */
  linkError: string | null;
  /** Storage is unavailable: drafts live in memory only (shown once). */
  storageNotice: string | null;
  drafts: DraftSummary[];
  currentDraft: string | null;
  dismissLinkError(): void;
  dismissStorageNotice(): void;
}

export const useSession = create<SessionUi>()((set) => ({
  linkError: null,
  storageNotice: null,
  drafts: [],
  currentDraft: null,
  dismissLinkError: () => set({ linkError: null }),
  dismissStorageNotice: () => set({ storageNotice: null }),
}));

const SAVE_DELAY_MS = 300;
/** Hashchanges closer together than this are one burst: only its last link opens. */
export const HASHCHANGE_QUIET_MS = 250;

let drafts: DraftStore | null = null;
let inMemory = false;
let noticeShown = false;
let applying = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let booted = false;
/** The user changed files or scenario since the last wholesale load (first save only). */
let contentEdited = false;
/** A panel crashed: save the code, never the view, until the user resets the view. */
let viewQuarantined = false;
let hashTimer: ReturnType<typeof setTimeout> | null = null;

const NO_VIEW: ShareState["view"] = { tab: null, user: null, time: 0 };

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

function probe(get: () => Storage): KV | null {
  try {
    const s = get();
    const k = "prp:probe";
    s.setItem(k, "1");
    s.removeItem(k);
    return s;
  } catch {
    return null;
  }
}

function storageFailed(why: string): void {
  inMemory = true;
  if (noticeShown) return;
  noticeShown = true;
  useSession.setState({ storageNotice: `${why} Your drafts are kept in memory only and will be lost when this tab closes; use Share or Export to keep your work.` });
}

function draftStore(): DraftStore {
  if (drafts) return drafts;
  const local = probe(() => window.localStorage);
  const session = probe(() => window.sessionStorage);
  if (local && session) drafts = new DraftStore(local, session, () => Date.now(), newId);
  else {
    storageFailed("This browser does not let the playground use local storage.");
    drafts = new DraftStore(new MemoryKV(), new MemoryKV(), () => Date.now(), newId);
  }
  return drafts;
}

/** The state a link or draft carries, from the store. */
export function currentShareState(s: PlaygroundState = usePlayground.getState()): ShareState {
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

/**
 * A panel crashed (error boundary): store this tab's draft with its code but without the
 * view, and keep the view out of every later save until resetView(). Never throws.
 */
export function quarantineView(): void {
  if (viewQuarantined) return;
  viewQuarantined = true;
  try {
    flushSave();
  } catch {
    /* the boundary must not throw */
  }
}

/** The "reset view" action: the default view for the current files; saves resume. */
export function resetView(): void {
  const st = usePlayground.getState();
  st.resetView();
  viewQuarantined = false;
  flushSave();
}

/** The full-app link for the current state (no `?embed`). */
export function currentLink(): string {
  const u = new URL(location.href);
  u.searchParams.delete("embed");
  u.hash = "";
  return buildLink(u.toString(), currentShareState());
}

/** Replaces the store's inputs and view with a link's or draft's state. */
export function applyState(state: ShareState, example = ""): void {
  applying = true;
  try {
    const files = Object.fromEntries(state.files);
    const st = usePlayground.getState();
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

function refreshList(): void {
  if (!drafts) return;
  useSession.setState({ drafts: drafts.list(), currentDraft: drafts.current()?.id ?? null });
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
        ? "The browser's storage for this site is full, and the playground never deletes drafts you edited to make room: your latest changes are not saved there. Delete drafts you no longer need (browser site data) or use Export."
        : "The browser refused to save your draft (storage disabled).",
    );
    drafts = new DraftStore(new MemoryKV(), new MemoryKV(), () => Date.now(), newId);
    try {
      write(drafts);
    } catch {
      /* memory does not fail */
    }
  }
  refreshList();
}

/** Saves the current state to this tab's draft now (no-op in embed mode). */
export function flushSave(s: PlaygroundState = usePlayground.getState()): void {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  if (embedMode() || isEmpty(s)) return;
  guarded((d) => d.save(draftState(s), originOf(s), contentEdited));
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    flushSave();
  }, SAVE_DELAY_MS);
}

/** Opens a fragment as a link. Returns true when the store now holds the link's state. */
function openFragment(hash: string, embed: boolean): boolean {
  let state: ShareState | null = null;
  try {
    state = decodeLink(hash);
  } catch (e) {
    const msg = e instanceof LinkError ? e.message : "The link could not be opened.";
    useSession.setState({ linkError: `This link could not be opened: ${msg} Your current work is unchanged.` });
  }
  // Reloading must restore the draft, not re-open the link.
  try {
    history.replaceState(history.state, "", location.pathname + location.search);
  } catch {
    /* ignore */
  }
  if (!state) return false;
  if (!embed) {
    flushSave();
    guarded((d) => d.openLink(state));
  }
  applyState(state);
  useSession.setState({ linkError: null });
  return true;
}

/**
 * Start-up, before the runner starts: open a link in the fragment, else restore this
 * tab's draft. Returns true when the store was filled (the caller loads a default
 * example otherwise). Installs autosave (not in embed mode).
 */
export function bootSession(): boolean {
  if (booted) return !isEmpty(usePlayground.getState());
  booted = true;
  const embed = embedMode() !== null;
  let loaded = false;
  if (location.hash.length > 1) loaded = openFragment(location.hash, embed);
  if (!loaded && !embed) {
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
  if (!embed) installAutosave();
  refreshList();
  // Coalesced: a burst of hashchanges (a popup navigated in a loop) opens one link, the last.
  window.addEventListener("hashchange", () => {
    if (hashTimer) clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      hashTimer = null;
      if (location.hash.length > 1) openFragment(location.hash, embedMode() !== null);
    }, HASHCHANGE_QUIET_MS);
  });
  return loaded;
}

function installAutosave(): void {
  usePlayground.subscribe((s, prev) => {
    if (applying) return;
    if (s.revision !== prev.revision) {
      // Wholesale replacement (an example or lesson picked): keep the old work in its
      // draft and start a new one for the new content.
      if (!isEmpty(prev)) flushSave(prev);
      contentEdited = false;
      if (!isEmpty(s)) guarded((d) => d.create(draftState(s), originOf(s)));
      return;
    }
    if (s.files !== prev.files || s.scenario !== prev.scenario) {
      contentEdited = true;
      schedule();
    }
    else if ((s.activeTab !== prev.activeTab || s.selectedUser !== prev.selectedUser || s.time !== prev.time) && !timer) schedule();
  });
  const flush = () => flushSave();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

/** Switch this tab to another draft (the current one is saved first). */
export function switchDraft(id: string): void {
  flushSave();
  let d = null;
  try {
    d = draftStore().open(id);
  } catch {
    d = null;
  }
  if (d) applyState(d.state, exampleOf(d.origin));
  refreshList();
}

export function refreshDrafts(): void {
  draftStore();
  refreshList();
}
