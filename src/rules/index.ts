// The rule glossary as the app uses it: entries by id and search. Splitting a text into
// plain parts and rule-id parts (so views can render the ids as links) is in ids.ts, which
// needs no entry: the app loads this file only when it shows entries (src/ui/lazy.ts).
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

// Which ids exist and where they are in a text: src/rules/ids.ts (no glossary text needed).
export { isRuleId, splitRuleIds, type RulePart } from "./ids.ts";
