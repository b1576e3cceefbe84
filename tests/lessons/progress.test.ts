// Lesson progress: validated parsing that never throws, stable serialization, and
// injected storage that may fail.
import { describe, expect, it } from "vitest";
import {
  loadProgress,
  markPassed,
  parseProgress,
  PROGRESS_KEY,
  resetCode,
  saveCode,
  saveProgress,
  serializeProgress,
  type ProgressStorage,
} from "../../src/lessons/progress.ts";

function memoryStorage(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("lesson progress", () => {
  it("round-trips through serialize and parse", () => {
    const p = { "02-first-router": { passed: true, code: "export default 1" }, "01-shared-rooms": { passed: false } };
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  it("serializes with sorted ids, so equal progress gives equal text", () => {
    const a = serializeProgress({ b: { passed: true }, a: { passed: false } });
    const b = serializeProgress({ a: { passed: false }, b: { passed: true } });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"passed":false},"b":{"passed":true}}');
  });

  it("rejects garbage without throwing", () => {
    const garbage: unknown[] = [null, undefined, "", "{", "null", "[]", "42", '"x"', "true", 5, {}, '{"a":', "\u0000"];
    for (const g of garbage) expect(parseProgress(g)).toEqual({});
  });

  it("drops invalid entries and keeps the valid ones", () => {
    const text = JSON.stringify({
      ok: { passed: true },
      withCode: { passed: false, code: "x" },
      noPassed: { code: "x" },
      passedString: { passed: "yes" },
      codeNumber: { passed: true, code: 3 },
      arr: [true],
      nul: null,
      "": { passed: true },
    });
    expect(parseProgress(text)).toEqual({ ok: { passed: true }, withCode: { passed: false, code: "x" } });
  });

  it("ignores prototype-polluting keys", () => {
    const p = parseProgress('{"__proto__": {"passed": true}, "constructor": {"passed": true}, "a": {"passed": true}}');
    expect(Object.keys(p)).toEqual(["a"]);
    expect(({} as Record<string, unknown>).passed).toBeUndefined();
  });

  it("drops unknown fields of an entry", () => {
    expect(parseProgress('{"a": {"passed": true, "extra": 1}}')).toEqual({ a: { passed: true } });
  });

  it("markPassed is sticky and keeps code; saveCode keeps passed; resetCode drops code", () => {
    let p = saveCode({}, "l1", "draft");
    expect(p).toEqual({ l1: { passed: false, code: "draft" } });
    p = markPassed(p, "l1");
    expect(p).toEqual({ l1: { passed: true, code: "draft" } });
    p = saveCode(p, "l1", "v2");
    expect(p.l1).toEqual({ passed: true, code: "v2" });
    expect(resetCode(p, "l1")).toEqual({ l1: { passed: true } });
    expect(resetCode({}, "nope")).toEqual({});
  });

  it("helpers do not mutate their input", () => {
    const p = { a: { passed: false } };
    markPassed(p, "a", "c");
    saveCode(p, "b", "c");
    expect(p).toEqual({ a: { passed: false } });
  });

  it("loads and saves through injected storage", () => {
    const s = memoryStorage();
    expect(loadProgress(s)).toEqual({});
    expect(saveProgress(s, { a: { passed: true } })).toBe(true);
    expect(s.data.get(PROGRESS_KEY)).toBe('{"a":{"passed":true}}');
    expect(loadProgress(s)).toEqual({ a: { passed: true } });
    s.data.set(PROGRESS_KEY, "corrupt{");
    expect(loadProgress(s)).toEqual({});
  });

  it("survives storage that throws or is absent", () => {
    const throwing: ProgressStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadProgress(throwing)).toEqual({});
    expect(saveProgress(throwing, { a: { passed: true } })).toBe(false);
    expect(loadProgress(null)).toEqual({});
    expect(saveProgress(undefined, {})).toBe(false);
  });
});
