// Code kept out of the first graph's JavaScript (the index chunk, issue 14: ≤ 300 KB gzip
// before the first graph). A Lazy is a memoised dynamic import: an action that needs it
// awaits `load()`; a view that shows something extra once it is there uses `useLazy`,
// which shows it when preloadLazies has loaded it after the first live run, so the chunk
// never competes with the first graph, the editor or the first compile.
import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { afterEditorReady, afterFirstRun } from "./boot/perf.ts";

export interface Lazy<T> {
  /** The module once loaded, else null. */
  readonly current: T | null;
  load(): Promise<T>;
  /** Called once the module has loaded (for useLazy). */
  subscribe(onLoad: () => void): () => void;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let current: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  return {
    get current() {
      return current;
    },
    subscribe(onLoad) {
      listeners.add(onLoad);
      return () => listeners.delete(onLoad);
    },
    load() {
      pending ??= importer().then(
        (m) => {
          current = m;
          for (const f of [...listeners]) f();
          return m;
        },
        (e: unknown) => {
          pending = null; // a failed chunk fetch may succeed on the next try
          throw e;
        },
      );
      return pending;
    },
  };
}

/**
 * The module, or null until it has loaded. A view's extras (hover lines, line links) wait
 * for preloadLazies, which loads every lazy module after the first live run, so they never
 * compete with the first graph, the editor or the first compile; a view opened by a click
 * passes `{ now: true }` and loads it at once. One subscription per view, no timer.
 */
export function useLazy<T>(l: Lazy<T>, opts: { now?: boolean } = {}): T | null {
  const m = useSyncExternalStore(l.subscribe, () => l.current);
  const now = opts.now === true;
  useEffect(() => {
    if (now && !l.current) void l.load().catch(() => {}); // the view stays without it; an action reports its own failure
  }, [l, now]);
  return m;
}

/**
 * For a view that shows nothing useful without the module (the gallery, the lessons):
 * loads it at once, and says why when it could not be fetched (`retry` tries again), so
 * the view never sits on "Loading…" for good.
 */
export function useLoadNow<T>(l: Lazy<T>): { module: T | null; error: string | null; retry(): void } {
  const m = useSyncExternalStore(l.subscribe, () => l.current);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (l.current) return;
    let live = true;
    l.load().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [l, attempt]);
  return {
    module: m,
    error: m ? null : error,
    retry: () => {
      setError(null);
      setAttempt((a) => a + 1);
    },
  };
}

/** A view opened by a click that needs the module to show anything: loads it at once, renders `children` with it. */
export function Loaded<T>({ module, children }: { module: Lazy<T>; children: (m: T) => ReactNode }): ReactNode {
  const m = useLoadNow(module).module;
  return m ? children(m) : null;
}

/**
 * Loads every lazy module once the page has settled (after the first live run and the
 * editor, then an idle moment: on a Python example's page the run comes first, and these
 * chunks would otherwise compete with Monaco's evaluation), so that the app keeps working
 * offline once loaded: nothing a later click needs is left to fetch.
 */
export function preloadLazies(
  idle: (f: () => void) => void = (f) => (typeof requestIdleCallback === "function" ? requestIdleCallback(f, { timeout: 5000 }) : setTimeout(f, 2000)),
  settled: () => Promise<unknown> = () => Promise.all([afterFirstRun(), afterEditorReady()]),
): void {
  void settled().then(() =>
    idle(() => {
      for (const l of ALL) void l.load().catch(() => {}); // a failed fetch is tried again on use
    }),
  );
}

// The lazily loaded modules of the app, one place to see what stays out of the first chunk.
/** YAML positions of scenario paths (pulls in the `yaml` library). */
export const pathposModule = lazy(() => import("../scenario/pathpos.ts"));
/** Export: zips, homeserver.yaml, Python packages (`yaml`, `fflate`). */
export const exportModule = lazy(() => import("../share/export.ts"));
export const pythonPackageModule = lazy(() => import("../share/pythonPackage.ts"));
/** The scale projection (a YAML rewrite of the scenario). */
export const scaleModule = lazy(() => import("../pipeline/scale.ts"));
/** The link codec: deflate with its dictionary, lz-string for old links (share/codec.ts). */
export const codecModule = lazy(() => import("../share/codec.ts"));
/** The rule glossary's entries (titles and summaries, src/rules/index.ts). */
export const glossaryModule = lazy(() => import("../rules/index.ts"));
/** The `yaml` library itself. */
export const yamlModule = lazy(() => import("yaml"));
/** Every example but the default one, and the lessons (catalog.ts looks them up). */
export const contentModule = lazy(() => import("./content.ts"));

const ALL: Lazy<unknown>[] = [glossaryModule, codecModule, contentModule, pathposModule, exportModule, pythonPackageModule, scaleModule, yamlModule];
