// What a gallery card shows about an example, read from its README: the title, the
// first paragraph (what it is), the points it teaches (the lead of each bullet of its
// "What it shows" / "What it teaches" section) and the rule ids it mentions. Pure.
import { inlineText } from "../markdown/parse.ts";

export interface ExampleCard {
  name: string;
  title: string;
  /** Inline markdown: the README's first paragraph after the title. */
  summary: string;
  /** Inline markdown, at most 4: the bold lead (or first sentence) of each teaching bullet. */
  teaches: string[];
  /** Rule ids (R1–R75, S1–S23) in order of first mention, at most 12. */
  rules: string[];
  /** Module files the example loads. */
  files: string[];
  /** A generated world's size ("10,000 users on 20 servers"), or null. */
  size: string | null;
}

export function exampleCard(ex: { name: string; title: string; readme: string; files: Record<string, string>; generated?: { users: number; servers: number } }): ExampleCard {
  const lines = ex.readme.replace(/\r\n?/g, "\n").split("\n");
  const titleAt = lines.findIndex((l) => /^#\s/.test(l));
  const body = titleAt >= 0 ? lines.slice(titleAt + 1) : lines;
  return {
    name: ex.name,
    title: inlineText(ex.title),
    summary: firstParagraph(body),
    teaches: teachingPoints(body),
    rules: ruleIds(ex.readme),
    files: Object.keys(ex.files),
    size: ex.generated ? `${ex.generated.users.toLocaleString("en-US")} users on ${ex.generated.servers} servers` : null,
  };
}

function firstParagraph(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    if (l.trim() === "") {
      if (out.length) break;
      continue;
    }
    if (/^(#|```|\s*[-*] |\s*\d+\. |>)/.test(l)) {
      if (out.length) break;
      continue;
    }
    out.push(l.trim());
  }
  return out.join(" ");
}

function teachingPoints(lines: string[]): string[] {
  const start = lines.findIndex((l) => /^(#+\s*)?what it (shows|teaches)\b/i.test(l.trim()));
  if (start < 0) return [];
  const bullets: string[] = [];
  let current: string[] | null = null;
  for (const l of lines.slice(start + 1)) {
    if (/^#/.test(l)) break;
    const m = /^[-*]\s+(.*)$/.exec(l);
    if (m) {
      if (current) bullets.push(current.join(" "));
      current = [m[1]!.trim()];
    } else if (current && /^\s+\S/.test(l)) current.push(l.trim());
    else if (current && l.trim() === "") continue;
    else if (current) break;
  }
  if (current) bullets.push(current.join(" "));
  return bullets.slice(0, 4).map(lead);
}

/** "**Lead.** rest" -> "**Lead.**"; otherwise the first sentence. */
function lead(bullet: string): string {
  const bold = /^\*\*(.+?)\*\*/.exec(bullet);
  if (bold) return `**${bold[1]!.replace(/[.:]\s*$/, "")}**`;
  const sentence = /^(.+?[.:])(\s|$)/.exec(bullet);
  const s = (sentence ? sentence[1]! : bullet).replace(/[.:]$/, "");
  return s.length > 160 ? s.slice(0, 157).trimEnd() + "…" : s;
}

export function ruleIds(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(/\b([RS])(\d{1,2})\b/g)) {
    const n = Number(m[2]);
    if ((m[1] === "R" && (n < 1 || n > 75)) || (m[1] === "S" && (n < 1 || n > 23))) continue;
    const id = m[1]! + n;
    if (!seen.includes(id)) seen.push(id);
    if (seen.length >= 12) break;
  }
  return seen;
}
