// Which rule ids exist, without the glossary's text: R1–R75 (rules) and S1–S23
// (surprises) of the presence semantics. Views that turn ids into glossary links need only
// this; the entries (titles, summaries: ≈ 31 KB) load with the glossary when a view shows
// them (src/ui/lazy.ts). tests/rules/glossary.test.ts checks both lists agree.

export const RULE_COUNT = 75;
export const SURPRISE_COUNT = 23;

const IDS: ReadonlySet<string> = new Set([
  ...Array.from({ length: RULE_COUNT }, (_, i) => `R${i + 1}`),
  ...Array.from({ length: SURPRISE_COUNT }, (_, i) => `S${i + 1}`),
]);

export function isRuleId(id: string): boolean {
  return IDS.has(id);
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
    if (!IDS.has(m[0])) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], rule: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
  return out;
}
