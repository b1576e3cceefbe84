// YAML syntax errors in plain words: yaml's message without its position suffix and
// code excerpt (the issue carries line/column), plus a hint for the usual mistakes.
import type { YAMLError } from "yaml";

const HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: "this key appears twice in the same map; keep one",
  TAB_AS_INDENT: "tabs are not allowed for indentation in YAML; indent with spaces",
  MULTIPLE_DOCS: "the file holds more than one YAML document (a second ---); a scenario is one document",
  TAG_RESOLVE_FAILED: "YAML reads a value starting with ! as a tag; quote room ids, e.g. \"!team:example.org\"",
};

export function yamlErrorMessage(e: YAMLError): string {
  const plain = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim();
  const hint = HINTS[e.code];
  if (e.code === "TAG_RESOLVE_FAILED") {
    const tag = /tag: (\S+)/.exec(plain)?.[1]?.replace(/:$/, "");
    return tag ? `${tag} is read as a YAML tag; quote it: "${tag}"` : hint!;
  }
  if (hint) return hint;
  if (e.code === "BAD_SCALAR_START" && /reserved character @/.test(plain)) {
    return `${plain}; quote user ids, e.g. "@alice:example.org"`;
  }
  if (e.code === "BAD_SCALAR_START" && /reserved character `/.test(plain)) return `${plain}; quote the value`;
  // Unterminated quotes: yaml reports the end of the text; yamlErrorRange points at the opening quote.
  const q = /^Missing closing (["'])quote/.exec(plain);
  if (q) return `this quoted text is never closed; add the closing ${q[1]}`;
  if (e.code === "MISSING_CHAR") return `${plain} (is a bracket left open?)`;
  return lowerFirst(plain);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Where to mark a syntax error: yaml's range, or the opening quote of an unclosed string. */
export function yamlErrorRange(e: YAMLError, text: string): [number, number] {
  const q = /^Missing closing (["'])quote/.exec(e.message);
  if (q) {
    const open = text.lastIndexOf(q[1], e.pos[0] - 1); // lastIndexOf clamps a position past the end
    if (open >= 0) return [open, open + 1];
  }
  return [e.pos[0], e.pos[1]];
}
