import { describe, expect, test, vi } from "vitest";
import { lazy } from "../../src/ui/lazy.ts";

describe("lazy (code kept out of the first chunk)", () => {
  test("imports once, however many ask, and then holds the module", async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const l = lazy(importer);
    expect(l.current).toBeNull();
    const [a, b] = await Promise.all([l.load(), l.load()]);
    expect(a).toBe(b);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(l.current).toEqual({ answer: 42 });
    await l.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  test("a failed import is tried again on the next load (a chunk fetch may succeed later)", async () => {
    let fail = true;
    const importer = vi.fn(async () => {
      if (fail) throw new Error("offline");
      return { ok: true };
    });
    const l = lazy(importer);
    await expect(l.load()).rejects.toThrow("offline");
    expect(l.current).toBeNull();
    fail = false;
    await expect(l.load()).resolves.toEqual({ ok: true });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
