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

  test("subscribers hear of the load once, and not after they unsubscribe (useLazy's store)", async () => {
    const l = lazy(async () => ({ v: 1 }));
    const heard: string[] = [];
    l.subscribe(() => heard.push("a"));
    const off = l.subscribe(() => heard.push("b"));
    off();
    expect(heard).toEqual([]);
    await l.load();
    expect(heard).toEqual(["a"]);
    await l.load(); // memoised: no second notification
    expect(heard).toEqual(["a"]);
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

describe("preloadLazies (a loaded page keeps working offline)", () => {
  test("after the first graph and an idle moment, every lazy module of the app is loaded", async () => {
    const { preloadLazies, glossaryModule, codecModule, pathposModule, exportModule, pythonPackageModule, scaleModule, yamlModule } = await import("../../src/ui/lazy.ts");
    const all = [glossaryModule, codecModule, pathposModule, exportModule, pythonPackageModule, scaleModule, yamlModule];
    let idle: (() => void) | null = null;
    let settle: () => void = () => {};
    preloadLazies((f) => (idle = f), () => new Promise<void>((ok) => (settle = ok)));
    // Nothing happens before the page has settled (the first live run), then an idle moment.
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBeNull();
    settle();
    await vi.waitFor(() => expect(idle).not.toBeNull(), { timeout: 5000 });
    expect(all.filter((l) => l.current !== null)).toHaveLength(0);
    idle!();
    await vi.waitFor(() => expect(all.every((l) => l.current !== null)).toBe(true), { timeout: 20_000 });
    expect(typeof exportModule.current!.homeserverYaml).toBe("function");
    expect(typeof yamlModule.current!.parse).toBe("function");
  }, 30_000);
});
