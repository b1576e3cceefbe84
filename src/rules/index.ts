// The rule glossary as the app uses it: entries by id, search, and splitting a text into
// plain parts and rule-id parts (so views can render the ids as links).
import data from "./glossary.json";
import type { Glossary, GlossaryEntry } from "./build.ts";

export type { GlossaryEntry };

const glossary = data as Glossary;
const byId = new Map(glossary.entries.map((e) => [e.id, e]));

export const GLOSSARY: readonly GlossaryEntry[] = glossary.entries;

export function ruleEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** Entries whose id, title, section or summary contain every word of the query. */
export function searchRules(query: string): GlossaryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...GLOSSARY];
  return GLOSSARY.filter((e) => {
    const id = e.id.toLowerCase();
    const hay = `${id} ${e.title} ${e.section} ${e.summary}`.toLowerCase();
    // A bare id ("r2") matches that rule only, not R20–R29.
    return words.every((w) => (/^[rs]\d{1,2}$/.test(w) ? id === w : hay.includes(w)));
  });
}

export type RulePart = { text: string; rule?: undefined } | { text: string; rule: string };

/**
 * "skipped (R63, S6)" → ["skipped (", R63, ", ", S6, ")"]. Only ids the glossary knows
 * become rule parts (R99 stays text), and not inside a word or an identifier ("@R2:x",
 * "FOO_R1"); "R43.5" links R43.
 */
export function splitRuleIds(text: string): RulePart[] {
  const out: RulePart[] = [];
  let last = 0;
  for (const m of text.matchAll(/(?<![\w@#!:$-])[RS]\d{1,2}(?![\w:])/g)) {
    if (!byId.has(m[0])) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], rule: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
  return out;
}
