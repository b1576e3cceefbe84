// The source with the contents of strings and comments blanked out (same length, same
// offsets, newlines kept), so the code-action locators can search for names, brackets and
// `return` without being fooled by text in a string or a comment. A small scanner, not a
// parser: regex literals are not recognised (router code rarely has one with a bracket).

/** The characters of `src`, and a function that blanks [from, to) of them, newlines kept. */
function blanker(src: string): { out: string[]; blank: (from: number, to: number) => void } {
  const out = src.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  return { out, blank };
}

/** TypeScript / JavaScript: '…', "…", `…` (with its ${…} parts blanked too), // and block comments. */
export function maskTs(src: string): string {
  const { out, blank } = blanker(src);
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") j++;
        else if (c !== "`" && src[j] === "\n") break; // unterminated: stop at the line end
        j++;
      }
      blank(i + 1, Math.min(j, src.length)); // keep the quotes: "" still reads as a value
      i = j + 1;
    } else i++;
  }
  return out.join("");
}

/** Python: '…', "…", '''…''', """…""" (with any prefix letters) and # comments. */
export function maskPy(src: string): string {
  const { out, blank } = blanker(src);
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "#") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      const triple = src.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < src.length && !src.startsWith(q, j)) {
        if (src[j] === "\\") j++;
        else if (!triple && src[j] === "\n") break;
        j++;
      }
      blank(i + q.length, Math.min(j, src.length));
      i = j + q.length;
    } else i++;
  }
  return out.join("");
}

/** Offset of the bracket closing the one at `open` in masked text, or -1. */
export function matchBracket(masked: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i]!;
    if (c in pairs) stack.push(pairs[c]!);
    else if (c === ")" || c === "]" || c === "}") {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
