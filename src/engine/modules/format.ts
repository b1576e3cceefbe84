// Console-like formatting of module values for `log` events and warnings. Module values
// are untrusted (getters that throw, Proxies, cycles, huge collections): formatting never
// throws and output is bounded.

const MAX_LEN = 2000;
const MAX_ITEMS = 50;

/** Formats console arguments the way a browser console prints them, as one line. */
export function formatArgs(args: readonly unknown[]): string {
  const out = args.map((a) => (typeof a === "string" ? a : formatValue(a))).join(" ");
  return out.length > MAX_LEN ? out.slice(0, MAX_LEN) + "…" : out;
}

/** A short readable rendering of any value (Sets and Maps included). */
export function formatValue(v: unknown, depth = 0, seen: Set<unknown> = new Set()): string {
  try {
    return fmt(v, depth, seen);
  } catch (e) {
    return `<unreadable: ${safeMessage(e)}>`;
  }
}

function fmt(v: unknown, depth: number, seen: Set<unknown>): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return depth === 0 ? v : JSON.stringify(v);
    case "number":
    case "boolean":
    case "undefined":
      return String(v);
    case "bigint":
      return `${v}n`;
    case "symbol":
      return v.toString();
    case "function":
      return `[Function ${(v as { name?: string }).name || "anonymous"}]`;
  }
  if (seen.has(v)) return "[Circular]";
  if (depth > 3) return "[…]";
  seen.add(v);
  try {
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    if (isSet(v)) {
      const items = take(Set.prototype.values.call(v)).map((x) => fmt(x, depth + 1, seen));
      return `Set(${Reflect.get(Set.prototype, "size", v) as number}) {${items.join(", ")}}`;
    }
    if (isMap(v)) {
      const items = take(Map.prototype.entries.call(v)).map(
        ([k, x]) => `${fmt(k, depth + 1, seen)} => ${fmt(x, depth + 1, seen)}`,
      );
      return `Map(${Reflect.get(Map.prototype, "size", v) as number}) {${items.join(", ")}}`;
    }
    if (Array.isArray(v)) {
      const items = v.slice(0, MAX_ITEMS).map((x) => fmt(x, depth + 1, seen));
      if (v.length > MAX_ITEMS) items.push(`… ${v.length - MAX_ITEMS} more`);
      return `[${items.join(", ")}]`;
    }
    const keys = Object.keys(v as object);
    const items = keys.slice(0, MAX_ITEMS).map((k) => `${JSON.stringify(k)}: ${fmt((v as Record<string, unknown>)[k], depth + 1, seen)}`);
    if (keys.length > MAX_ITEMS) items.push(`… ${keys.length - MAX_ITEMS} more`);
    // Class instances are prefixed with their class, as consoles do ("UserPresenceState {…}").
    const proto = Object.getPrototypeOf(v);
    const name = proto && proto !== Object.prototype && typeof proto.constructor === "function" ? proto.constructor.name : "";
    return `${name && name !== "Object" ? `${name} ` : ""}{${items.join(", ")}}`;
  } finally {
    seen.delete(v);
  }
}

function take<T>(it: Iterator<T>): T[] {
  const out: T[] = [];
  for (let r = it.next(); !r.done; r = it.next()) {
    if (out.length === MAX_ITEMS) {
      out.push("…" as T);
      break;
    }
    out.push(r.value);
  }
  return out;
}

/** A real Set (also from another realm); false for Proxies and look-alikes. */
export function isSet(v: unknown): v is Set<unknown> {
  if (typeof v !== "object" || v === null) return false;
  try {
    Set.prototype.has.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

/** A real Map (also from another realm); false for Proxies and look-alikes. */
export function isMap(v: unknown): v is Map<unknown, unknown> {
  if (typeof v !== "object" || v === null) return false;
  try {
    Map.prototype.has.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

/** The message of anything thrown, without running more than necessary of module code. */
export function safeMessage(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    if (typeof e === "object" && e !== null && typeof (e as Error).message === "string") {
      const name = (e as Error).name;
      return `${typeof name === "string" ? name : "Error"}: ${(e as Error).message}`;
    }
    return formatValue(e, 1);
  } catch {
    return "<unreadable error>";
  }
}

/** Describes a value's type for wrong-type warnings ("an array", "a Map", "null", ...). */
export function describeType(v: unknown): string {
  try {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
    if (typeof v !== "object") return `a ${typeof v}`;
    if (Array.isArray(v)) return "an array";
    if (isSet(v)) return "a Set";
    if (isMap(v)) return "a Map";
    if (typeof (v as { then?: unknown }).then === "function") return "a Promise";
    const proto = Object.getPrototypeOf(v);
    const name = proto && typeof proto.constructor === "function" ? proto.constructor.name : "";
    if (proto === null || name === "Object") return "a plain object";
    return name ? `a ${name}` : "an object";
  } catch {
    return "an unreadable object";
  }
}
