// Benchmark-only loader: with `?bench` in the URL, `window.__bench.load(files, scenario)`
// opens the given files like an example (the same store action as the gallery). Pasting
// a 60 KB scenario through Monaco's input takes minutes in headless Chromium, so
// bench/browser.ts loads its 1,000- and 2,000-user scenarios this way. Without `?bench`
// nothing is installed.
import type { Playground } from "../playground.ts";

export function installBenchHook(pg: Playground): void {
  if (typeof window === "undefined" || !new URLSearchParams(window.location.search).has("bench")) return;
  Object.defineProperty(window, "__bench", {
    configurable: true,
    value: Object.freeze({
      load: (files: Record<string, string>, scenario: string) => pg.store.getState().loadExample("bench", { ...files }, scenario),
    }),
  });
}
