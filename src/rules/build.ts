// Builds the rule glossary from the spec's text (../shared/spec/presence-semantics.md):
// ids, titles, sections, tags and cross-references come from the spec, the summaries
// from summaries.ts. Pure: `npm run glossary` writes its result to glossary.json, and a
// test checks the committed file against the spec whenever the spec is present.
import { SUMMARIES } from "./summaries.ts";

export interface GlossaryEntry {
  id: string;
  title: string;
  /** The spec's section, "4.2 The update pipeline". */
  section: string;
  /** The spec's provenance tags: code, test, doc, inferred, sim. */
  tags: string[];
  /** Other rules the spec's text of this one cites, in order of first mention (at most 8). */
  see: string[];
  summary: string;
}

export interface Glossary {
  source: string;
  entries: GlossaryEntry[];
}

/** Every id the glossary must have: R1–R75 and S1–S23. */
export function allRuleIds(): string[] {
  return [...Array.from({ length: 75 }, (_, i) => `R${i + 1}`), ...Array.from({ length: 23 }, (_, i) => `S${i + 1}`)];
}

/** "`should_notify(old, new)`" → "should_notify"; "`f(x)`, local targets" → "f, local targets". */
function shortTitle(raw: string): string {
  const t = raw.replace(/`/g, "").trim();
  const call = /^([\w.]+)\(.*\)(.*)$/.exec(t);
  return call ? `${call[1]}${call[2]}`.trim() : t;
}

function refsIn(text: string, self: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b([RS]\d{1,2})\b/g)) if (m[1] !== self && !out.includes(m[1]!) && out.length < 8) out.push(m[1]!);
  return out;
}

interface Raw { id: string; title: string; section: string; body: string }

export function parseSpec(spec: string): Raw[] {
  const lines = spec.split("\n");
  const out: Raw[] = [];
  let h2 = "";
  let h3 = "";
  let cur: Raw | null = null;
  const flush = () => {
    if (cur) out.push(cur);
    cur = null;
  };
  for (const line of lines) {
    const head = /^(##|###) (.*)$/.exec(line);
    if (head) {
      flush();
      if (head[1] === "##") [h2, h3] = [head[2]!, ""];
      else h3 = head[2]!;
      continue;
    }
    const rule = /^\*\*(R\d+)(?: — (.*?))?\*\*(.*)$/.exec(line);
    const surprise = /^\* \*\*(S\d+)\.\*\* (.*)$/.exec(line);
    if (rule || surprise) {
      flush();
      const rest = rule ? rule[3]! : surprise![2]!;
      cur = { id: (rule ?? surprise)![1]!, title: rule?.[2] ? shortTitle(rule[2]) : "", section: (h3 || h2).replace(/`/g, ""), body: rest };
      continue;
    }
    // A surprise ends at the next bullet; a rule at the next rule or heading.
    if (cur && (cur as Raw).id.startsWith("S") && /^\* /.test(line)) flush();
    if (cur) (cur as Raw).body += `\n${line}`;
  }
  flush();
  return out;
}

/** The glossary for a spec text; throws naming every id without an entry or a summary. */
export function buildGlossary(spec: string): Glossary {
  const raw = new Map(parseSpec(spec).map((r) => [r.id, r]));
  const missing = allRuleIds().filter((id) => !raw.has(id));
  const unsummarised = allRuleIds().filter((id) => !SUMMARIES[id]);
  if (missing.length) throw new Error(`presence-semantics.md has no rule ${missing.join(", ")}`);
  if (unsummarised.length) throw new Error(`src/rules/summaries.ts has no summary for ${unsummarised.join(", ")}`);
  const entries = allRuleIds().map((id): GlossaryEntry => {
    const r = raw.get(id)!;
    const s = SUMMARIES[id]!;
    const title = s.title ?? r.title;
    if (!title) throw new Error(`${id} has no title in the spec: give one in src/rules/summaries.ts`);
    // Tags are the first `[code][test]` group, on the title's line or the next one.
    const group = /`((?:\[\w+\])+)`/.exec(r.body.split("\n").slice(0, 2).join(" "));
    const tags = group ? [...group[1]!.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!) : [];
    return { id, title, section: r.section, tags, see: refsIn(r.body, id), summary: s.summary };
  });
  return { source: "presence-semantics.md", entries };
}
