// Located problems found while reading a scenario, and the collector that records them.
import { isAlias, isCollection, isNode, isPair, LineCounter, type Document, type Node, type Pair } from "yaml";

export interface ScenarioIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Path inside the scenario, e.g. "steps[3].sync.user" ("" for the whole file). */
  path: string;
  message: string;
  severity: "error" | "warning";
}

/** Anything an issue can point at: a YAML node, a pair, an explicit [start, end) offset range. */
export type Where = Node | Pair | readonly [number, number] | null | undefined;

export const MAX_ERRORS = 50;

export class Issues {
  readonly list: ScenarioIssue[] = [];
  errorCount = 0;
  private dropped = 0;

  constructor(
    readonly text: string,
    readonly lc: LineCounter,
    readonly file: string,
    readonly doc: Document | null,
  ) {}

  error(where: Where, path: string, message: string): void {
    this.add(where, path, message, "error");
  }

  warn(where: Where, path: string, message: string): void {
    this.add(where, path, message, "warning");
  }

  /** Stops reading further once the cap is reached (the parse fails anyway). */
  get full(): boolean {
    return this.errorCount >= MAX_ERRORS;
  }

  add(where: Where, path: string, message: string, severity: "error" | "warning"): void {
    if (severity === "error") {
      if (this.errorCount >= MAX_ERRORS) {
        this.dropped++;
        return;
      }
      this.errorCount++;
    } else if (this.list.length >= MAX_ERRORS * 2) return;
    const [start, end] = this.span(where);
    const a = this.lc.linePos(start);
    const b = this.lc.linePos(Math.max(end, start));
    this.list.push({
      file: this.file,
      line: a.line,
      column: a.col,
      endLine: b.line,
      endColumn: b.col,
      path,
      message,
      severity,
    });
  }

  /** Issues sorted by position (errors before warnings at the same place), plus a cap note. */
  finish(): ScenarioIssue[] {
    const out = this.list
      .map((x, i) => ({ x, i }))
      .sort((p, q) => p.x.line - q.x.line || p.x.column - q.x.column || sev(p.x) - sev(q.x) || p.i - q.i)
      .map((p) => p.x);
    if (this.errorCount >= MAX_ERRORS) {
      const last = out.filter((x) => x.severity === "error").at(-1)!;
      const more = this.dropped > 0 ? ` (${this.dropped}+ more not shown)` : "";
      out.push({ ...last, message: `stopped after ${MAX_ERRORS} errors${more}; fix the ones above first` });
    }
    return out;
  }

  /** Offset range of a location; collections are clipped to their first line. */
  span(where: Where): [number, number] {
    const len = this.text.length;
    let s = 0;
    let e = 0;
    if (Array.isArray(where)) {
      [s, e] = where as [number, number];
    } else if (isPair(where)) {
      const k = isNode(where.key) ? where.key.range : undefined;
      const v = isNode(where.value) ? where.value.range : undefined;
      s = k?.[0] ?? v?.[0] ?? 0;
      e = v?.[1] ?? k?.[1] ?? s;
      if (isCollection(where.value)) e = lineEnd(this.text, s);
    } else if (isNode(where) && where.range) {
      [s, e] = where.range;
      if (isCollection(where) || isAlias(where)) e = Math.min(e, lineEnd(this.text, s));
    }
    s = Math.min(Math.max(0, s), len);
    e = Math.min(Math.max(s, e), len);
    // Trim trailing whitespace/newlines so markers end on the construct itself.
    while (e > s && /\s/.test(this.text[e - 1])) e--;
    return [s, e];
  }
}

function sev(i: ScenarioIssue): number {
  return i.severity === "error" ? 0 : 1;
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i < 0 ? text.length : i;
}

/** One line for terminals: `scenario.yaml:12:5: error: message (at steps[3].sync.user)`. */
export function formatIssue(i: ScenarioIssue): string {
  return `${i.file}:${i.line}:${i.column}: ${i.severity}: ${i.message}${i.path ? ` (at ${i.path})` : ""}`;
}
