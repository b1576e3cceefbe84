// Quick fixes for scenario.yaml markers, from what the scenario layer already said in the
// marker (src/scenario/ids.ts, reader.ts, schema.ts via editor/yaml.ts): "…; did you mean
// X?" → "Change to X" on the marked word; "unknown user @x (declare it under users:)" →
// "Add @x to users". Pure: text and marker in, offset edits out.
import { isMap, isScalar, parseDocument } from "yaml";
import type { OffsetEdit } from "./routerFix.ts";

export interface YamlFix {
  title: string;
  edits: OffsetEdit[];
  preferred: boolean;
}

/** The marked span of a marker as offsets into the text. */
export interface Span {
  start: number;
  end: number;
}

/** One word, possibly quoted: what a "did you mean" can replace without touching structure. */
const WORD = /^(["']?)([^\s"'{}[\],#]+)\1$/;

export function didYouMeanFix(text: string, message: string, span: Span): YamlFix | null {
  const m = /did you mean (.+?)\?/.exec(message);
  if (!m) return null;
  const suggestion = m[1]!;
  const marked = text.slice(span.start, span.end);
  const w = WORD.exec(marked);
  if (!w || w[2] === suggestion) return null;
  // Keep the quotes the author used; a bare word that YAML would misread gets double quotes.
  const quote = w[1] || (/^[@!#&*|>%`]|: /.test(suggestion) ? '"' : "");
  return { title: `Change to ${suggestion}`, edits: [{ start: span.start, end: span.end, text: `${quote}${suggestion}${quote}` }], preferred: true };
}

/** "unknown user @x:hs (declare it under users:)" → the edit adding `"@x:hs": {}` under users. */
export function addUserFix(text: string, message: string): YamlFix | null {
  // Also next to a "did you mean" (the suggestion may be another person, not a typo).
  const m = /unknown user (@[^\s;]+)(?:; did you mean | \(declare (?:it|users) under users:\))/.exec(message);
  if (!m) return null;
  const user = m[1]!;
  const entry = `${JSON.stringify(user)}: {}`;
  const title = `Add ${user} to users`;
  const doc = parseDocument(text, { prettyErrors: false });
  if (!isMap(doc.contents)) return null;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "users");
  if (!pair) {
    // No users: at all: a new block at the end.
    const sep = text.endsWith("\n") || text === "" ? "" : "\n";
    return { title, edits: [{ start: text.length, end: text.length, text: `${sep}users:\n  ${entry}\n` }], preferred: true };
  }
  const lineEnd = (i: number) => (text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i));
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    // `users:` with nothing under it.
    const at = lineEnd((pair.key as { range: [number, number, number] }).range[0]);
    return { title, edits: [{ start: at, end: at, text: `\n  ${entry}` }], preferred: true };
  }
  if (!isMap(value) || value.flow) return null; // `users: {…}` is the author's own layout
  const items = value.items;
  const first = items[0]?.key as { range?: [number, number, number] } | undefined;
  const last = items[items.length - 1];
  const lastEnd = (last?.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last?.key as { range?: [number, number, number] })?.range?.[1];
  if (!first?.range || lastEnd === undefined) return null;
  const indent = first.range[0] - (text.lastIndexOf("\n", first.range[0] - 1) + 1);
  const at = lineEnd(Math.max(lastEnd - 1, 0));
  return { title, edits: [{ start: at, end: at, text: `\n${" ".repeat(indent)}${entry}` }], preferred: true };
}

/** Every fix for one marker of scenario.yaml. */
export function yamlFixes(text: string, message: string, span: Span): YamlFix[] {
  const change = didYouMeanFix(text, message, span);
  const add = addUserFix(text, message);
  // With a suggestion, "Change to" is the likely fix; adding the user is the other choice.
  if (change && add) return [change, { ...add, preferred: false }];
  return [change, add].filter((f): f is YamlFix => f !== null);
}
