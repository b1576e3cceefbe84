// How module values read in the console and in warnings (src/engine/modules/format.ts):
// console-like, one line, bounded (boundary pairs at each limit), never throwing.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { describeType, formatArgs, formatValue, isMap, isSet, safeMessage } from "../../src/engine/modules/format.ts";

describe("formatArgs (console.log output)", () => {
  it("joins arguments with a space; strings bare at the top level, quoted inside values", () => {
    expect(formatArgs(["a", "b", 1])).toBe("a b 1");
    expect(formatArgs([["a"], { k: "v" }])).toBe('["a"] {"k": "v"}');
    expect(formatArgs([])).toBe("");
  });

  it("a line of exactly 2000 characters is kept whole; 2001 are cut to 2000 and an ellipsis", () => {
    expect(formatArgs(["x".repeat(2000)])).toBe("x".repeat(2000));
    expect(formatArgs(["x".repeat(2001)])).toBe("x".repeat(2000) + "…");
    expect(formatArgs(["x".repeat(1000), "y".repeat(1000)])).toBe(`${"x".repeat(1000)} ${"y".repeat(999)}…`);
  });
});

describe("formatValue", () => {
  it("primitives as a console prints them", () => {
    expect(formatValue(null)).toBe("null");
    expect(formatValue(undefined)).toBe("undefined");
    expect(formatValue(true)).toBe("true");
    expect(formatValue(-1.5)).toBe("-1.5");
    expect(formatValue(12n)).toBe("12n");
    expect(formatValue(Symbol("s"))).toBe("Symbol(s)");
    expect(formatValue("top")).toBe("top");
    expect(formatValue("inner", 1)).toBe('"inner"');
  });

  it("functions by name, anonymous ones as such", () => {
    function named() {}
    expect(formatValue(named)).toBe("[Function named]");
    expect(formatValue([() => {}][0])).toBe("[Function anonymous]");
  });

  it("nesting: three levels inside the top are shown, the fourth is […]", () => {
    expect(formatValue([[[["deep"]]]])).toBe('[[[["deep"]]]]');
    expect(formatValue([[[[["deeper"]]]]])).toBe("[[[[[…]]]]]");
  });

  it("the same object twice side by side is not circular; only a cycle is", () => {
    const shared = { a: 1 };
    expect(formatValue([shared, shared])).toBe('[{"a": 1}, {"a": 1}]');
    const cyc: unknown[] = [];
    cyc.push(cyc);
    expect(formatValue(cyc)).toBe("[[Circular]]");
  });

  it("arrays: exactly 50 items shown in full; 51 show 50 and '… 1 more'", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(formatValue(fifty)).toBe(`[${fifty.join(", ")}]`);
    expect(formatValue([...fifty, 50])).toBe(`[${fifty.join(", ")}, … 1 more]`);
  });

  it("objects: exactly 50 keys shown in full; 52 show 50 and '… 2 more'", () => {
    const obj = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const shown = Array.from({ length: 50 }, (_, i) => `"k${i}": ${i}`).join(", ");
    expect(formatValue(obj(50))).toBe(`{${shown}}`);
    expect(formatValue(obj(52))).toBe(`{${shown}, … 2 more}`);
  });

  it("Sets and Maps: their true size, exactly 50 items in full, then an ellipsis", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(formatValue(new Set(fifty))).toBe(`Set(50) {${fifty.join(", ")}}`);
    expect(formatValue(new Set([...fifty, 50, 51]))).toBe(`Set(52) {${fifty.join(", ")}, "…"}`);
    expect(formatValue(new Map([[1, "a"], [2, "b"]]))).toBe('Map(2) {1 => "a", 2 => "b"}');
    expect(formatValue(new Set())).toBe("Set(0) {}");
  });

  it("class instances carry their class name; plain and prototype-less objects do not", () => {
    class Point { x = 1; }
    expect(formatValue(new Point())).toBe('Point {"x": 1}');
    expect(formatValue({ x: 1 })).toBe('{"x": 1}');
    const bare = Object.create(null) as Record<string, number>;
    bare.x = 1;
    expect(formatValue(bare)).toBe('{"x": 1}');
    const anon = new (class {})();
    expect(formatValue(anon)).toBe("{}");
    expect(formatValue(Object.create({ constructor: 5 }))).toBe("{}");
  });

  it("errors as name: message, also nested", () => {
    expect(formatValue([new RangeError("r")])).toBe("[RangeError: r]");
  });

  it("a getter that throws makes the value unreadable, with the reason", () => {
    expect(formatValue({ get x() { throw new Error("no"); } })).toBe("<unreadable: Error: no>");
  });
});

describe("isSet / isMap (real ones, any realm; not Proxies)", () => {
  it("accepts real Sets and Maps, also from another realm", () => {
    expect(isSet(new Set())).toBe(true);
    expect(isSet(runInNewContext("new Set([1])"))).toBe(true);
    expect(isMap(new Map())).toBe(true);
    expect(isMap(runInNewContext("new Map()"))).toBe(true);
  });

  it("refuses primitives, null, each other, look-alikes and Proxies", () => {
    for (const v of [null, undefined, "Set", 1, {}, [], new Map(), new Proxy(new Set(), {}), { has: () => true }]) expect(isSet(v)).toBe(false);
    for (const v of [null, undefined, "Map", 1, {}, [], new Set(), new Proxy(new Map(), {}), { has: () => true }]) expect(isMap(v)).toBe(false);
  });
});

describe("safeMessage (what a module threw)", () => {
  it("errors and error-like objects as name: message", () => {
    expect(safeMessage(new TypeError("t"))).toBe("TypeError: t");
    expect(safeMessage({ name: "Custom", message: "m" })).toBe("Custom: m");
    expect(safeMessage({ name: 5, message: "m" })).toBe("Error: m");
    expect(safeMessage({ message: "m" })).toBe("Error: m");
  });

  it("anything else formatted as a value (strings quoted)", () => {
    expect(safeMessage("oops")).toBe('"oops"');
    expect(safeMessage(42)).toBe("42");
    expect(safeMessage(null)).toBe("null");
    expect(safeMessage({ message: 3 })).toBe('{"message": 3}');
  });

  it("a hostile thrown value does not throw again", () => {
    const evil = new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });
    expect(safeMessage(evil)).toBe("<unreadable error>");
  });
});

describe("describeType (wrong-type warnings)", () => {
  it("names each kind of value", () => {
    expect(describeType(null)).toBe("null");
    expect(describeType(undefined)).toBe("undefined");
    expect(describeType(3)).toBe("a number");
    expect(describeType(true)).toBe("a boolean");
    expect(describeType(() => 1)).toBe("a function");
    expect(describeType([])).toBe("an array");
    expect(describeType(new Set())).toBe("a Set");
    expect(describeType(new Map())).toBe("a Map");
    expect(describeType(Promise.resolve())).toBe("a Promise");
    expect(describeType({ then: () => {} })).toBe("a Promise");
    expect(describeType({ then: 1 })).toBe("a plain object");
    expect(describeType({})).toBe("a plain object");
    expect(describeType(Object.create(null))).toBe("a plain object");
    expect(describeType(new (class Foo {})())).toBe("a Foo");
    expect(describeType(Object.create({ constructor: 5 }))).toBe("an object");
    expect(describeType(new Proxy({}, { get() { throw new Error("x"); } }))).toBe("an unreadable object");
  });

  it("a string of 40 characters is quoted whole; 41 are cut to 40 and an ellipsis", () => {
    expect(describeType("a".repeat(40))).toBe(`the string "${"a".repeat(40)}"`);
    expect(describeType("a".repeat(41))).toBe(`the string "${"a".repeat(40)}…"`);
  });
});
