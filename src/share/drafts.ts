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
//
// No duplicates: creating a draft whose files and scenario equal a stored draft's reuses
// that draft (so does a new tab: it starts ON the latest draft). Two tabs may then share
// one draft; each write bumps the draft's `rev`, and a tab whose draft was written by
// another tab since it last read it forks its changed content into a new draft
// (copy-on-write), so two tabs still never overwrite each other's work.
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
  /** A name the user gave it (Recent drafts → rename); absent: the origin's name. */
  name?: string;
  /** Write counter (copy-on-write between tabs sharing a draft). */
  rev: number;
  state: ShareState;
}

export interface DraftSummary {
  id: string;
  origin: string;
  updated: number;
  title: string;
  /** The shown name: the user's, else the example/lesson name (else "link", "new", …). */
  name: string;
  /** True when the user renamed it. */
  named: boolean;
  /** Differs from the example's/lesson's original (or, with no original, was edited). */
  modified: boolean;
}

/** The original content of a draft origin ("example:<name>", "lesson:<id>"), if it has one. */
export type Originals = (origin: string) => { files: Array<[string, string]>; scenario: string } | null;

/** Whether a state's module files or scenario differ from its example's or lesson's original (a draft's "modified"). */
export function differsFromOriginal(original: NonNullable<ReturnType<Originals>>, state: { files: Array<[string, string]>; scenario: string }): boolean {
  return !sameContent(original, state);
}

type Content = { files: ReadonlyArray<readonly [string, string]>; scenario: string };

/**
 * The same files (names, texts, order) and scenario. Compared field by field: a key
 * string of each would copy a 1 MB scenario (the 10,000-user example) at every save.
 */
function sameContent(a: Content, b: Content): boolean {
  return a.scenario === b.scenario && a.files.length === b.files.length && a.files.every(([name, text], i) => b.files[i]![0] === name && b.files[i]![1] === text);
}

/** A stored entry that could not be read: skipped, and reported to the user. */
export interface CorruptDraft {
  key: string;
  why: string;
}

export const MAX_NAME = 80;

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
// version of the playground). Migration of older drafts is these fallbacks: drafts
// written before `edited` existed count as edited; before `name`/`rev`, unnamed, rev 0.
const StoredDraft = v.object({
  id: v.string(),
  origin: v.fallback(v.string(), "new"),
  created: v.fallback(v.number(), 0),
  updated: v.number(),
  edited: v.fallback(v.boolean(), true),
  name: v.fallback(v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_NAME), v.minLength(1))), undefined),
  rev: v.fallback(v.number(), 0),
  state: ShareStateV1,
});

type Parsed = { ok: true; draft: Draft } | { ok: false; why: string };

function parseDraft(text: string | null): Parsed {
  if (!text) return { ok: false, why: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: "not JSON" };
  }
  const r = v.safeParse(StoredDraft, json);
  if (r.success) return { ok: true, draft: withoutEmpty(r.output) };
  const why = describeIssue(r.issues[0]);
  // A view that does not fit (say, a tab that names no file) is dropped; the code is kept.
  if (typeof json !== "object" || json === null || !Object.hasOwn(json, "state")) return { ok: false, why };
  const state: unknown = (json as { state: unknown }).state;
  if (typeof state !== "object" || state === null) return { ok: false, why };
  const again = v.safeParse(StoredDraft, { ...json, state: { ...state, view: null } });
  return again.success ? { ok: true, draft: withoutEmpty(again.output) } : { ok: false, why };
}

/** A draft of its own for the caller (its fields may be replaced), sharing the unchanged state. */
function copyOf(p: Parsed): Parsed {
  return p.ok ? { ok: true, draft: { ...p.draft } } : p;
}

function withoutEmpty(d: Draft): Draft {
  if (d.name !== undefined) return d;
  const { name: _, ...rest } = d;
  return rest;
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return "not a draft";
  const path = issue.path?.map((p) => String(p.key)).join(".") ?? "";
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The example or lesson name of an origin ("example:x" → "x"), else the origin itself. */
export function originName(origin: string): string {
  return origin.startsWith("example:") || origin.startsWith("lesson:") ? origin.split(":").slice(1).join(":") : origin;
}

export class DraftStore {
  /** The rev of each draft as this tab last read or wrote it (copy-on-write). */
  private seen = new Map<string, number>();

  /**
   * The last reading of each stored entry: its text and what it parsed to. A save reads
   * the tab's draft back first; for a 1 MB scenario (the 10,000-user example) parsing and
   * checking it again took ~50 ms of the page. Used only while the stored text is the same;
   * no more text than the storage itself holds (its quota is a few MB).
   */
  private readings = new Map<string, { text: string; parsed: Parsed }>();

  /** The entry `k` of local storage, parsed (again only when its text changed). */
  private read(k: string): Parsed {
    const text = this.local.getItem(k);
    const last = this.readings.get(k);
    if (last && text !== null && last.text === text) return copyOf(last.parsed);
    const parsed = parseDraft(text);
    if (text === null) this.readings.delete(k);
    else this.readings.set(k, { text, parsed });
    return copyOf(parsed);
  }

  constructor(
    private local: KV,
    private session: KV,
    private now: () => number,
    private newId: () => string,
    private originals: Originals = () => null,
  ) {}

  private all(): { drafts: Draft[]; corrupt: CorruptDraft[] } {
    const drafts: Draft[] = [];
    const corrupt: CorruptDraft[] = [];
    for (let i = 0; i < this.local.length; i++) {
      const k = this.local.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const p = this.read(k);
      if (p.ok) drafts.push(p.draft);
      else corrupt.push({ key: k, why: p.why });
    }
    drafts.sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id));
    return { drafts, corrupt };
  }

  /** Newest first. */
  list(): DraftSummary[] {
    return this.all().drafts.map((d) => this.summary(d));
  }

  /** Stored entries that are not readable drafts (skipped by list, reported by the UI). */
  corrupt(): CorruptDraft[] {
    return this.all().corrupt;
  }

  private summary(d: Draft): DraftSummary {
    const original = this.originals(d.origin);
    const modified = original ? differsFromOriginal(original, d.state) : d.edited;
    return { id: d.id, origin: d.origin, updated: d.updated, title: titleOf(d), name: d.name ?? originName(d.origin), named: d.name !== undefined, modified };
  }

  get(id: string): Draft | null {
    const p = this.read(PREFIX + id);
    return p.ok ? p.draft : null;
  }

  /** The draft this tab is editing, if the tab has one (survives reload and crash). */
  current(): Draft | null {
    const id = this.session.getItem(SESSION_KEY);
    const d = id ? this.get(id) : null;
    if (d && !this.seen.has(d.id)) this.seen.set(d.id, d.rev);
    return d;
  }

  /**
   * Start-up: this tab's own draft if it has one; otherwise the most recent draft
   * (another tab may be editing it too: the first of the two to change it afterwards
   * keeps it, the other forks a copy); otherwise null (caller shows a default).
   */
  restore(): Draft | null {
    const mine = this.current();
    if (mine) return mine;
    const latest = this.all().drafts[0];
    return latest ? this.adopt(latest) : null;
  }

  /** Makes `d` this tab's draft, as read now. */
  private adopt(d: Draft): Draft {
    this.seen.set(d.id, d.rev);
    this.session.setItem(SESSION_KEY, d.id);
    return d;
  }

  /**
   * A draft for this tab (from a link, example or lesson); the old one is kept. Content
   * equal to a stored draft's reopens that draft (its view updated) instead of adding
   * an identical entry.
   */
  create(state: ShareState, origin: string, edited = false, name?: string): Draft {
    const same = this.all().drafts.find((d) => sameContent(d.state, state));
    if (same) {
      const again: Draft = { ...same, updated: this.now(), state };
      this.write(again);
      return this.adopt(again);
    }
    const t = this.now();
    const d: Draft = { id: this.newId(), origin, created: t, updated: t, edited, rev: 0, state, ...(name ? { name } : {}) };
    this.prune(MAX_DRAFTS - 1);
    this.write(d);
    return this.adopt(d);
  }

  /**
   * Opens a link's state in this tab: the untouched draft of an identical link if there
   * is one (the same link opened twice is one draft), else a new unedited draft.
   */
  openLink(state: ShareState): Draft {
    return this.create(state, "link");
  }

  /**
   * Saves this tab's state (creates the tab's draft on first save; `edited` says whether
   * that first state is the user's work). A change of files or scenario marks it edited.
   */
  save(state: ShareState, origin = "new", edited = true): Draft {
    const cur = this.current();
    if (!cur) return this.create(state, origin, edited);
    const changed = !sameContent(cur.state, state);
    // Another tab wrote this draft since this tab read it: keep theirs, fork ours.
    if (changed && this.seen.get(cur.id) !== cur.rev) return this.create(state, cur.origin, true, cur.name);
    const d = { ...cur, updated: this.now(), edited: cur.edited || changed, state };
    this.write(d);
    return d;
  }

  /** Switch this tab to an existing draft (from the recent list). */
  open(id: string): Draft | null {
    const d = this.get(id);
    return d ? this.adopt(d) : null;
  }

  /** Gives a draft a name (trimmed, at most MAX_NAME characters); blank: back to the default. */
  rename(id: string, name: string): Draft | null {
    const d = this.get(id);
    if (!d) return null;
    const clean = name.trim().slice(0, MAX_NAME);
    const { name: _, ...rest } = d;
    const next: Draft = clean ? { ...rest, name: clean } : rest;
    this.write(next);
    return next;
  }

  /** Deletes a draft; returns it, for undo (restoreDeleted). */
  remove(id: string): Draft | null {
    const d = this.get(id);
    this.local.removeItem(PREFIX + id);
    this.readings.delete(PREFIX + id);
    return d;
  }

  /** Undo of remove: writes the draft back as it was. */
  restoreDeleted(d: Draft): void {
    this.write({ ...d });
  }

  private write(d: Draft): void {
    d.rev += 1;
    if (this.session.getItem(SESSION_KEY) === d.id || this.seen.has(d.id)) this.seen.set(d.id, d.rev);
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
  return `${d.name ?? originName(d.origin)} · ${first}`;
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
