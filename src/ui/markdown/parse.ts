// The markdown subset of lesson.md and example READMEs, parsed to a small tree that
// Markdown.tsx turns into React elements. Pure; never produces HTML.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  /** href null: the URL was not safe (javascript:, data:, …); the text is kept. */
  | { kind: "link"; href: string | null; children: Inline[] };

export type Block =
  | { kind: "heading"; level: number; inlines: Inline[] }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "code"; lang: string; text: string }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] };

const LIST_ITEM = /^(\s{0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Only http(s), mailto, relative paths and #anchors survive; anything else becomes null. */
export function safeHref(url: string): string | null {
  const u = url.trim();
  if (/^(https?:\/\/|mailto:)/i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return null; // javascript:, data:, vbscript:, …
  if (u.startsWith("//")) return null; // protocol-relative: another origin
  return u;
}

export function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return blocksOf(lines);
}

function blocksOf(lines: string[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!);
      i++; // closing fence (or end of text)
      out.push({ kind: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      out.push({ kind: "heading", level: h[1]!.length, inlines: parseInline(h[2]!) });
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ""));
      out.push({ kind: "quote", blocks: blocksOf(body) });
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      const ordered = /\d/.test(li[2]!);
      const items: Block[][] = [];
      const start = ordered ? parseInt(li[2]!, 10) : 1;
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]!);
        if (!m || /\d/.test(m[2]!) !== ordered) break;
        const indent = m[1]!.length + m[2]!.length + 1;
        const body = [m[3]!];
        i++;
        // Continuation: indented lines, and blank lines followed by indented lines.
        while (i < lines.length) {
          const l = lines[i]!;
          if (l.trim() === "") {
            const next = lines[i + 1];
            if (next !== undefined && /^\s{2,}\S/.test(next)) {
              body.push("");
              i++;
              continue;
            }
            break;
          }
          if (/^\s{2,}\S/.test(l)) {
            body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
            i++;
            continue;
          }
          break;
        }
        items.push(blocksOf(body));
      }
      out.push({ kind: "list", ordered, start, items });
      continue;
    }
    // Paragraph: up to a blank line or the start of another block.
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (l.trim() === "" || FENCE.test(l) || HEADING.test(l) || /^\s{0,3}>/.test(l) || (para.length > 0 && LIST_ITEM.test(l) && /^\s{0,3}[-*+]\s/.test(l))) break;
      para.push(l.trim());
      i++;
    }
    out.push({ kind: "paragraph", inlines: parseInline(para.join(" ")) });
  }
  return out;
}

/** Inline markup: `code`, **strong**, *em* / _em_, [text](url). Unclosed markers stay text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push({ kind: "text", text: buf });
    buf = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#>-]/.test(text[i + 1]!)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      let n = 1;
      while (text[i + n] === "`") n++;
      const ticks = "`".repeat(n);
      const end = text.indexOf(ticks, i + n);
      if (end > 0) {
        flush();
        out.push({ kind: "code", text: text.slice(i + n, end).replace(/^ (.*) $/, "$1") });
        i = end + n;
        continue;
      }
    }
    if ((c === "*" && text[i + 1] === "*") || (c === "_" && text[i + 1] === "_")) {
      const marker = c + c;
      const end = text.indexOf(marker, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === "*" || c === "_") && text[i + 1] !== undefined && text[i + 1] !== " " && text[i + 1] !== c) {
      // `_` only at a word boundary, so snake_case names stay as they are.
      const boundary = c === "*" || i === 0 || !/\w/.test(text[i - 1]!);
      if (boundary) {
        let end = i + 1;
        while ((end = text.indexOf(c, end)) > 0) {
          if (text[end - 1] !== " " && text[end + 1] !== c && (c === "*" || !/\w/.test(text[end + 1] ?? ""))) break;
          end++;
        }
        if (end > i + 1) {
          flush();
          out.push({ kind: "em", children: parseInline(text.slice(i + 1, end)) });
          i = end + 1;
          continue;
        }
      }
    }
    if (c === "[") {
      const close = findClose(text, i);
      if (close > 0 && text[close + 1] === "(") {
        const paren = text.indexOf(")", close + 2);
        if (paren > 0) {
          flush();
          out.push({ kind: "link", href: safeHref(text.slice(close + 2, paren)), children: parseInline(text.slice(i + 1, close)) });
          i = paren + 1;
          continue;
        }
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

function findClose(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return j;
  }
  return -1;
}

/** Plain text of inline markdown (for titles and tooltips). */
export function inlineText(text: string): string {
  const walk = (xs: Inline[]): string => xs.map((x) => (x.kind === "text" || x.kind === "code" ? x.text : walk(x.children))).join("");
  return walk(parseInline(text));
}
