// Column conversion. esbuild reports 1-based lines but 0-based columns counted in UTF-8
// bytes; editors (Monaco) and our diagnostics use 1-based UTF-16 columns.

const encoder = new TextEncoder();

/** The text of 1-based line `line` of `source` ("" past the end). */
export function lineText(source: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  const end = source.indexOf("\n", start);
  const text = source.slice(start, end < 0 ? source.length : end);
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

/** 0-based UTF-8 byte offset within `text` → 0-based UTF-16 offset. */
export function byteToUtf16(text: string, byteColumn: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteColumn) {
    const cp = text.codePointAt(i)!;
    bytes += encoder.encode(String.fromCodePoint(cp)).length;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
