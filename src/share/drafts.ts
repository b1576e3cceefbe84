// Autosave that never loses work. Each browser tab edits its own draft, identified by an
// id kept in sessionStorage (so a reload of the same tab gets it back); drafts live in
// localStorage. A new tab starts from a COPY of the most recent draft, so two tabs never
// write to the same draft. Opening a link starts a new draft (or reopens the untouched
// draft of the identical link); the previous one stays in the recent list.
//
// Links come from strangers, so they must never cost the user work: only drafts the user
// has not edited (links, examples, lessons, copies) are pruned, oldest first; a draft the
// user edited is never deleted automatically. When storage is full the write fails with
// StorageFullError and the caller says so. Storage is injected so this file runs in Node
// tests too.
import * as v from "valibot";
import type { ShareState } from "./codec.ts";
import { ShareStateV1 } from "./schema.ts";

export interface KV {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(i: number): string | null;
}

export interface Draft {
  id: string;
  /** Where it came from: "example:<name>", "lesson:<id>", "link", "copy", "new". */
  origin: string;
  created: number;
  updated: number;
  /** The user changed its files or scenario (view changes do not count): never pruned. */
  edited: boolean;
  state: ShareState;
}

export interface DraftSummary {
  id: string;
  origin: string;
  updated: number;
  title: string;
}

const PREFIX = "prp:draft:";
const SESSION_KEY = "prp:tab-draft";
/** Drafts kept; unedited ones beyond this are pruned, oldest first (never the current tab's). */
export const MAX_DRAFTS = 30;

/** Storage refused a write even after the unedited drafts were pruned. */
export class StorageFullError extends Error {
  constructor() {
    super("The browser's storage for this site is full.");
    this.name = "StorageFullError";
  }
}

// A stored draft is parsed like a link (its state came from one, or from an older
// version of the playground). Drafts written before `edited` existed count as edited.
const StoredDraft = v.object({
  id: v.string(),
  origin: v.fallback(v.string(), "new"),
  created: v.fallback(v.number(), 0),
  updated: v.number(),
  edited: v.fallback(v.boolean(), true),
  state: ShareStateV1,
});

function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = v.safeParse(StoredDraft, json);
  if (r.success) return r.output;
  // A view that does not fit (say, a tab that names no file) is dropped; the code is kept.
  if (typeof json !== "object" || json === null || !Object.hasOwn(json, "state")) return null;
  const state: unknown = (json as { state: unknown }).state;
  if (typeof state !== "object" || state === null) return null;
  const again = v.safeParse(StoredDraft, { ...json, state: { ...state, view: null } });
  return again.success ? again.output : null;
}

const sameContent = (a: ShareState, b: ShareState) => a.scenario === b.scenario && JSON.stringify(a.files) === JSON.stringify(b.files);

export class DraftStore {
  constructor(
    private local: KV,
    private session: KV,
    private now: () => number,
    private newId: () => string,
  ) {}

  list(): DraftSummary[] {
    const out: DraftSummary[] = [];
    for (let i = 0; i < this.local.length; i++) {
      const k = this.local.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const d = parseDraft(this.local.getItem(k));
      if (d) out.push({ id: d.id, origin: d.origin, updated: d.updated, title: titleOf(d) });
    }
    return out.sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id));
  }

  get(id: string): Draft | null {
    return parseDraft(this.local.getItem(PREFIX + id));
  }

  /** The draft this tab is editing, if the tab has one (survives reload and crash). */
  current(): Draft | null {
    const id = this.session.getItem(SESSION_KEY);
    return id ? this.get(id) : null;
  }

  /**
   * Start-up: this tab's own draft if it has one; otherwise a copy of the most recent
   * draft (another tab may be editing that one); otherwise null (caller shows a default).
   */
  restore(): Draft | null {
    const mine = this.current();
    if (mine) return mine;
    const latest = this.list()[0];
    if (!latest) return null;
    const src = this.get(latest.id);
    return src ? this.create(src.state, "copy") : null;
  }

  /** A new draft for this tab (from a link, example or lesson); the old one is kept. */
  create(state: ShareState, origin: string, edited = false): Draft {
    const t = this.now();
    const d: Draft = { id: this.newId(), origin, created: t, updated: t, edited, state };
    this.prune(MAX_DRAFTS - 1);
    this.write(d);
    this.session.setItem(SESSION_KEY, d.id);
    return d;
  }

  /**
   * Opens a link's state in this tab: the untouched draft of an identical link if there
   * is one (the same link opened twice is one draft), else a new unedited draft.
   */
  openLink(state: ShareState): Draft {
    for (const s of this.list()) {
      const d = s.origin === "link" ? this.get(s.id) : null;
      if (d && !d.edited && sameContent(d.state, state)) {
        const again = { ...d, updated: this.now(), state };
        this.write(again);
        this.session.setItem(SESSION_KEY, d.id);
        return again;
      }
    }
    return this.create(state, "link");
  }

  /**
   * Saves this tab's state (creates the tab's draft on first save; `edited` says whether
   * that first state is the user's work). A change of files or scenario marks it edited.
   */
  save(state: ShareState, origin = "new", edited = true): Draft {
    const cur = this.current();
    if (!cur) return this.create(state, origin, edited);
    const d = { ...cur, updated: this.now(), edited: cur.edited || !sameContent(cur.state, state), state };
    this.write(d);
    return d;
  }

  /** Switch this tab to an existing draft (from the recent list). */
  open(id: string): Draft | null {
    const d = this.get(id);
    if (d) this.session.setItem(SESSION_KEY, id);
    return d;
  }

  remove(id: string): void {
    this.local.removeItem(PREFIX + id);
  }

  private write(d: Draft): void {
    const text = JSON.stringify(d);
    try {
      this.local.setItem(PREFIX + d.id, text);
    } catch {
      // Quota exceeded: drop every unedited draft but this tab's and retry once; the
      // user's edited drafts are never deleted to make room.
      this.prune(0, d.id);
      try {
        this.local.setItem(PREFIX + d.id, text);
      } catch {
        throw new StorageFullError();
      }
    }
  }

  /** Removes unedited drafts, oldest first, until at most `keep` drafts remain (edited ones never). */
  private prune(keep = MAX_DRAFTS, also: string | null = null): void {
    const mine = this.session.getItem(SESSION_KEY);
    const all = this.list();
    let excess = all.length - keep;
    for (const s of [...all].reverse()) {
      if (excess <= 0) break;
      if (s.id === mine || s.id === also) continue;
      const d = this.get(s.id);
      if (!d || d.edited) continue;
      this.remove(s.id);
      excess--;
    }
  }
}

function titleOf(d: Draft): string {
  const first = d.state.files[0]?.[0] ?? "scenario.yaml";
  const origin = d.origin.startsWith("example:") || d.origin.startsWith("lesson:") ? d.origin.split(":").slice(1).join(":") : d.origin;
  return `${origin} · ${first}`;
}

/** An in-memory KV (tests, and a fallback when storage is unavailable). */
export class MemoryKV implements KV {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
}
