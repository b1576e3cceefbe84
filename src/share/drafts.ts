// Autosave that never loses work. Each browser tab edits its own draft, identified by an
// id kept in sessionStorage (so a reload of the same tab gets it back); drafts live in
// localStorage. A new tab starts from a COPY of the most recent draft, so two tabs never
// write to the same draft. Opening a link starts a new draft; the previous one stays in
// the recent list. Storage is injected so this file runs in Node tests too.
import type { ShareState } from "./codec.ts";

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
/** Drafts kept; older ones beyond this are pruned (never the current tab's, never recent ones). */
export const MAX_DRAFTS = 30;
/** A draft touched within this long may belong to another open tab: never pruned. */
export const PRUNE_AFTER_MS = 24 * 3600 * 1000;

function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text);
    if (!d || typeof d.id !== "string" || typeof d.updated !== "number" || !d.state || !Array.isArray(d.state.files) || typeof d.state.scenario !== "string") return null;
    return d as Draft;
  } catch {
    return null;
  }
}

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
  create(state: ShareState, origin: string): Draft {
    const t = this.now();
    const d: Draft = { id: this.newId(), origin, created: t, updated: t, state };
    this.write(d);
    this.session.setItem(SESSION_KEY, d.id);
    this.prune();
    return d;
  }

  /** Saves this tab's edits (creates the tab's draft on first save). */
  save(state: ShareState, origin = "new"): Draft {
    const cur = this.current();
    if (!cur) return this.create(state, origin);
    const d = { ...cur, updated: this.now(), state };
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
    try {
      this.local.setItem(PREFIX + d.id, JSON.stringify(d));
    } catch {
      // Quota exceeded: drop the oldest other drafts and retry once.
      this.prune(5);
      this.local.setItem(PREFIX + d.id, JSON.stringify(d));
    }
  }

  private prune(keep = MAX_DRAFTS): void {
    const mine = this.session.getItem(SESSION_KEY);
    const cutoff = this.now() - PRUNE_AFTER_MS;
    for (const d of this.list().slice(keep)) if (d.id !== mine && d.updated < cutoff) this.remove(d.id);
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
