// The playground's session around the store: opening permalinks (#v1.…), autosave of
// drafts (DraftStore), switching drafts, embed mode. Untrusted links never replace the
// user's draft: a broken link only raises a banner; a valid one starts a NEW draft.
import { create } from "zustand";
import { usePlayground, SCENARIO_FILE, type PlaygroundState } from "../store.ts";
import { LinkError, buildLink, decodeLink, type ShareState } from "../../share/codec.ts";
import { DraftStore, MemoryKV, type DraftSummary, type KV } from "../../share/drafts.ts";

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

let drafts: DraftStore | null = null;
let inMemory = false;
let noticeShown = false;
let applying = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let booted = false;

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
    const tab = state.view.tab;
    if (tab && (tab === SCENARIO_FILE || tab in files)) st.setActiveTab(tab);
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
  } catch {
    if (inMemory) return;
    storageFailed("The browser refused to save your draft (storage full or disabled).");
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
  guarded((d) => d.save(currentShareState(s), originOf(s)));
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
    guarded((d) => d.create(state, "link"));
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
  window.addEventListener("hashchange", () => {
    if (location.hash.length > 1) openFragment(location.hash, embedMode() !== null);
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
      if (!isEmpty(s)) guarded((d) => d.create(currentShareState(s), originOf(s)));
      return;
    }
    if (s.files !== prev.files || s.scenario !== prev.scenario) schedule();
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
