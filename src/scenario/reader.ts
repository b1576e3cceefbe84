// Typed reading of YAML nodes with located errors. Every reader records a problem in
// Issues and returns undefined instead of throwing, so that validation collects them all.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import { parseDuration } from "./durations.ts";
import { Issues, type Where } from "./issues.ts";
import { closest } from "./suggest.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";

/** A value to read: its node (null when absent or written as null) and its scenario path. */
export interface V {
  node: Node | null;
  path: string;
  /** What to point at when `node` is null (the key that names it, or the parent). */
  where?: Where;
}

export interface Entry extends V {
  key: string;
  keyNode: Node;
  pair: Pair;
}

export class Reader {
  /** Values left for JSON values (module configs, EDU bodies): guards alias bombs. */
  private jsonBudget: number;

  constructor(
    readonly is: Issues,
    readonly doc: Document,
    readonly limits: Limits = DEFAULT_LIMITS,
  ) {
    this.jsonBudget = limits.json;
  }

  err(v: V, message: string): void {
    this.is.error(v.node ?? v.where, v.path, message);
  }

  warn(v: V, message: string): void {
    this.is.warn(v.node ?? v.where, v.path, message);
  }

  /** Follows aliases (`*a`) to the anchored node. */
  resolve(node: unknown): Node | null {
    let n = node;
    for (let i = 0; i < 32 && isAlias(n); i++) n = n.resolve(this.doc) ?? null;
    if (isAlias(n)) return null;
    return (n as Node | null | undefined) ?? null;
  }

  /** True for an absent value or YAML null (`~`, `null`, empty). */
  isNull(v: V): boolean {
    const n = this.resolve(v.node);
    return n === null || (isScalar(n) && n.value === null);
  }

  describe(node: Node | null): string {
    const n = this.resolve(node);
    if (n === null) return "nothing";
    if (isMap(n)) return "a map";
    if (isSeq(n)) return "a list";
    if (isScalar(n)) {
      const x = n.value;
      if (x === null) return "null";
      if (typeof x === "string") return `the text "${x.length > 40 ? x.slice(0, 40) + "…" : x}"`;
      if (typeof x === "boolean") return String(x);
      if (typeof x === "number" || typeof x === "bigint") return `the number ${x}`;
    }
    return "an unsupported value";
  }

  /** Entries of a map (null counts as an empty map). */
  entries(v: V, what: string): Entry[] | undefined {
    const n = this.resolve(v.node);
    if (n === null || (isScalar(n) && n.value === null)) return [];
    if (!isMap(n)) {
      this.err(v, `${what} must be a map (key: value), got ${this.describe(n)}`);
      return undefined;
    }
    const out: Entry[] = [];
    const seen = new Set<string>();
    for (const item of n.items) {
      if (!isPair(item)) continue;
      const k = this.resolve(item.key);
      if (!isScalar(k) || k.value === null || typeof k.value === "object") {
        this.is.error((item.key as Node) ?? item, v.path, `keys in ${what} must be plain text`);
        continue;
      }
      const key = String(k.value);
      if (seen.has(key)) {
        this.is.error(k, join(v.path, key), `"${key}" appears twice in ${what}; keep one`);
        continue;
      }
      seen.add(key);
      const value = (item.value as Node | null) ?? null;
      out.push({ key, keyNode: k, pair: item as Pair, node: value, path: join(v.path, key), where: item as Pair });
    }
    return out;
  }

  /** Items of a list (null counts as an empty list). */
  items(v: V, what: string): V[] | undefined {
    const n = this.resolve(v.node);
    if (n === null || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) {
      this.err(v, `${what} must be a list, got ${this.describe(n)}`);
      return undefined;
    }
    return n.items.map((it, i) => ({ node: (it as Node) ?? null, path: `${v.path}[${i}]`, where: n }));
  }

  /**
   * A map with a fixed set of keys: unknown keys are errors with a suggestion, missing
   * required keys are errors. Returns the known entries by key.
   */
  fields(v: V, what: string, allowed: readonly string[], required: readonly string[] = []): Record<string, Entry> | undefined {
    const es = this.entries(v, what);
    if (!es) return undefined;
    const out: Record<string, Entry> = {};
    for (const e of es) {
      if (!allowed.includes(e.key)) {
        const s = closest(e.key, allowed);
        const hint = s ? `; did you mean ${s}?` : allowed.length ? ` (allowed: ${allowed.join(", ")})` : "";
        this.is.error(e.keyNode, e.path, `unknown key "${e.key}" in ${what}${hint}`);
        continue;
      }
      out[e.key] = e;
    }
    for (const r of required) {
      if (!Object.hasOwn(out, r)) this.err({ ...v, node: null, where: v.node ?? v.where }, `${what} needs "${r}"`);
    }
    return out;
  }

  private scalar(v: V): unknown {
    const n = this.resolve(v.node);
    if (isScalar(n)) return n.value;
    return n === null ? null : undefined;
  }

  str(v: V, what: string): string | undefined {
    const x = this.scalar(v);
    if (typeof x !== "string") {
      this.err(v, `${what} must be text, got ${this.describe(v.node)}`);
      return undefined;
    }
    if (x.length > this.limits.string) {
      this.err(v, `${what} is too long (${x.length} characters; at most ${this.limits.string})`);
      return undefined;
    }
    return x;
  }

  bool(v: V, what: string): boolean | undefined {
    const x = this.scalar(v);
    if (typeof x !== "boolean") {
      this.err(v, `${what} must be true or false, got ${this.describe(v.node)}`);
      return undefined;
    }
    return x;
  }

  num(v: V, what: string, opts: { integer?: boolean; min?: number; max?: number; minExclusive?: boolean } = {}): number | undefined {
    const x = this.scalar(v);
    if (typeof x !== "number" || !Number.isFinite(x)) {
      this.err(v, `${what} must be a number, got ${this.describe(v.node)}`);
      return undefined;
    }
    if (opts.integer && !Number.isSafeInteger(x)) {
      this.err(v, `${what} must be a whole number, got ${x}`);
      return undefined;
    }
    if (opts.min !== undefined && (opts.minExclusive ? x <= opts.min : x < opts.min)) {
      this.err(v, `${what} must be ${opts.minExclusive ? "greater than" : "at least"} ${opts.min}, got ${x}`);
      return undefined;
    }
    if (opts.max !== undefined && x > opts.max) {
      this.err(v, `${what} must be at most ${opts.max}, got ${x}`);
      return undefined;
    }
    return x;
  }

  duration(v: V, what: string): number | undefined {
    const n = this.resolve(v.node);
    if (!isScalar(n) || (typeof n.value !== "number" && typeof n.value !== "string")) {
      this.err(v, `${what} must be a duration such as 30s, 5m, 1m30s or a number of milliseconds, got ${this.describe(n)}`);
      return undefined;
    }
    const r = parseDuration(n.value);
    if (!r.ok) {
      this.err(v, `${what}: ${r.message}`);
      return undefined;
    }
    return r.ms;
  }

  strList(v: V, what: string): string[] | undefined {
    const its = this.items(v, what);
    if (!its) return undefined;
    const out: string[] = [];
    let ok = true;
    for (const it of its) {
      const s = this.str(it, `each entry of ${what}`);
      if (s === undefined) ok = false;
      else out.push(s);
    }
    return ok ? out : undefined;
  }

  /** Plain JSON value of a node, exactly as written (module configs, bodies, EDUs). */
  json(v: V, what: string): unknown {
    const problems: string[] = [];
    const out = this.toJson(v.node, problems, 0);
    if (problems.length) {
      this.err(v, `${what}: ${problems[0]}`);
      return undefined;
    }
    return out;
  }

  private toJson(node: unknown, problems: string[], depth: number): unknown {
    if (problems.length) return null;
    if (--this.jsonBudget < 0) {
      problems.push(`too large (more than ${this.limits.json.toLocaleString("en-US")} values in total, counting repeated aliases)`);
      return null;
    }
    if (depth > 100) {
      problems.push("nested too deeply (more than 100 levels)");
      return null;
    }
    const n = this.resolve(node);
    if (n === null) return null;
    if (isScalar(n)) {
      const x = n.value;
      if (typeof x === "number" && !Number.isFinite(x)) problems.push(`${x} is not a JSON number`);
      if (typeof x === "bigint") return Number(x);
      if (typeof x === "string" && x.length > this.limits.string) problems.push(`text longer than ${this.limits.string} characters`);
      return x;
    }
    if (isSeq(n)) return n.items.map((it) => this.toJson(it, problems, depth + 1));
    if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      for (const p of n.items) {
        const k = this.resolve(p.key);
        if (!isScalar(k) || k.value === null || typeof k.value === "object") {
          problems.push("map keys must be plain text");
          return null;
        }
        if (Object.prototype.hasOwnProperty.call(obj, String(k.value))) {
          problems.push(`the key "${String(k.value)}" appears twice`);
          return null;
        }
        // defineProperty: a "__proto__" key stays an ordinary key.
        Object.defineProperty(obj, String(k.value), {
          value: this.toJson(p.value, problems, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return obj;
    }
    problems.push("unsupported YAML value");
    return null;
  }
}

/** Joins a scenario path: keys are appended with a dot (names may contain dots). */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
