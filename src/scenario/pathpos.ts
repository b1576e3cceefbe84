// Scenario paths ("steps[3].sync.user", "servers.example.org.modules[0]") back to YAML
// positions, so engine errors and expectation results can be shown in the editor.
// Map keys may contain dots (server names, user ids), so a key is matched greedily
// against the keys actually present; `["key"]` (JSON string in brackets) also works.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

export interface PathPos {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** False when only a prefix of the path was found (the position is that prefix's). */
  exact: boolean;
}

/** Parses `text` once and returns a function mapping paths to positions. */
export function createLocator(text: string): (path: string) => PathPos | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  return (path) => locateInDocument(doc, lc, text, path);
}

/** One-shot form of createLocator. */
export function scenarioPathToPos(text: string, path: string): PathPos | null {
  return createLocator(text)(path);
}

export function locateInDocument(doc: Document, lc: LineCounter, text: string, path: string): PathPos | null {
  const root = doc.contents as Node | null;
  if (!root) return null;
  const found = walk(doc, root, path, 0, null);
  const target = found ?? { node: root, exact: false };
  const range = target.node.range;
  if (!range) return null;
  let end = range[1];
  if (isMap(target.node) || isSeq(target.node)) {
    const nl = text.indexOf("\n", range[0]);
    end = Math.min(end, nl < 0 ? text.length : nl);
  }
  while (end > range[0] && /\s/.test(text[end - 1] ?? "")) end--;
  const a = lc.linePos(range[0]);
  const b = lc.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, exact: target.exact };
}

interface Found {
  node: Node;
  exact: boolean;
}

function walk(doc: Document, node: Node, path: string, pos: number, keyNode: Node | null): Found | null {
  let n: Node | null = node;
  for (let i = 0; i < 32 && isAlias(n); i++) n = (n.resolve(doc) as Node | undefined) ?? null;
  if (!n) return keyNode ? { node: keyNode, exact: pos >= path.length } : null;
  if (pos >= path.length) return { node: n, exact: true };
  if (path[pos] === ".") pos++;
  // [n] index or ["key"]
  if (path[pos] === "[") {
    const close = path.indexOf("]", pos);
    if (close < 0) return { node: n, exact: false };
    const inner = path.slice(pos + 1, close);
    if (/^\d+$/.test(inner) && isSeq(n)) {
      const item = n.items[Number(inner)];
      if (!isNode(item)) return { node: n, exact: false };
      return walk(doc, item, path, close + 1, null) ?? { node: n, exact: false };
    }
    if (inner.startsWith('"') && isMap(n)) {
      let key: string | undefined;
      try {
        const parsed: unknown = JSON.parse(inner);
        key = typeof parsed === "string" ? parsed : undefined;
      } catch {
        key = undefined;
      }
      const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair) return enter(doc, pair, path, close + 1) ?? { node: n, exact: false };
    }
    return { node: n, exact: false };
  }
  if (!isMap(n)) return { node: n, exact: false };
  // Greedy: the longest key that matches and is followed by ".", "[" or the end.
  const candidates = n.items
    .filter((p) => isPair(p) && isScalar(p.key) && p.key.value !== null)
    .map((p) => ({ p, k: String((p.key as { value: unknown }).value) }))
    .filter(({ k }) => path.startsWith(k, pos) && (pos + k.length === path.length || path[pos + k.length] === "." || path[pos + k.length] === "["))
    .sort((a, b) => b.k.length - a.k.length);
  let partial: Found | null = null;
  for (const { p, k } of candidates) {
    const r = enter(doc, p, path, pos + k.length);
    if (r?.exact) return r;
    partial ??= r;
  }
  return partial ?? { node: n, exact: false };
}

function enter(doc: Document, pair: { key: unknown; value: unknown }, path: string, pos: number): Found | null {
  const key = pair.key as Node;
  if (!isNode(pair.value)) return { node: key, exact: pos >= path.length };
  return walk(doc, pair.value, path, pos, key);
}
