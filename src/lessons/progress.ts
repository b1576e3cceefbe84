// Lesson progress kept on the learner's machine: { [lessonId]: { passed, code? } }.
// Pure helpers; the storage (localStorage in the browser) is injected, so this file
// never touches it directly and tests can pass a Map-backed fake.

export interface LessonProgress {
  passed: boolean;
  /** The learner's latest router.ts for this lesson, if they edited it. */
  code?: string;
}

export type ProgressRecord = Record<string, LessonProgress>;

/** The subset of the Web Storage API this file needs. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const PROGRESS_KEY = "presence-router-playground:lessons:v1";

/** Limits that keep a corrupted or hostile stored value from costing much. */
const MAX_LESSONS = 1000;
const MAX_ID_LENGTH = 200;
const MAX_CODE_LENGTH = 500_000;

function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && !["__proto__", "constructor", "prototype"].includes(id);
}

function validEntry(v: unknown): LessonProgress | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.passed !== "boolean") return null;
  if (o.code !== undefined && (typeof o.code !== "string" || o.code.length > MAX_CODE_LENGTH)) return null;
  return o.code === undefined ? { passed: o.passed } : { passed: o.passed, code: o.code };
}

/**
 * Parses stored progress. Never throws: anything that is not valid JSON of the right
 * shape gives {}; invalid entries are dropped and valid ones kept.
 */
export function parseProgress(text: unknown): ProgressRecord {
  if (typeof text !== "string" || text.length === 0) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const out: ProgressRecord = {};
  let n = 0;
  for (const [id, v] of Object.entries(data)) {
    if (n >= MAX_LESSONS) break;
    if (!isValidId(id)) continue;
    const entry = validEntry(v);
    if (entry) {
      out[id] = entry;
      n++;
    }
  }
  return out;
}

/** Serializes with lesson ids sorted, so equal progress gives equal text. */
export function serializeProgress(p: ProgressRecord): string {
  const out: ProgressRecord = {};
  for (const id of Object.keys(p).sort()) {
    const entry = validEntry(p[id]);
    if (isValidId(id) && entry) out[id] = entry;
  }
  return JSON.stringify(out);
}

/** Records a passed lesson (passing is sticky: a later failing run does not undo it). */
export function markPassed(p: ProgressRecord, id: string, code?: string): ProgressRecord {
  const prev = p[id];
  const next: LessonProgress = { passed: true };
  const c = code ?? prev?.code;
  if (c !== undefined) next.code = c;
  return { ...p, [id]: next };
}

/** Remembers the learner's code for a lesson without changing whether it passed. */
export function saveCode(p: ProgressRecord, id: string, code: string): ProgressRecord {
  return { ...p, [id]: { passed: p[id]?.passed ?? false, code } };
}

/** Forgets the saved code of a lesson (back to the starter), keeping `passed`. */
export function resetCode(p: ProgressRecord, id: string): ProgressRecord {
  const prev = p[id];
  if (!prev) return p;
  return { ...p, [id]: { passed: prev.passed } };
}

export function loadProgress(storage: ProgressStorage | null | undefined, key = PROGRESS_KEY): ProgressRecord {
  if (!storage) return {};
  try {
    return parseProgress(storage.getItem(key));
  } catch {
    return {}; // storage disabled or throwing (private mode, sandboxed frame)
  }
}

/** Returns false when the storage refused the write (quota, disabled); never throws. */
export function saveProgress(storage: ProgressStorage | null | undefined, p: ProgressRecord, key = PROGRESS_KEY): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, serializeProgress(p));
    return true;
  } catch {
    return false;
  }
}
