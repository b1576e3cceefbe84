// Header: title, Examples (the gallery), Learn (lessons), Run, Share, Export, drafts,
// Settings (theme, editor, callback budget, trace download), and the status in a slot of
// fixed size: one line whose height never changes (no wrap, no jump when "stale" or
// "run failed" appears). Below md, only what a phone needs.
import { usePlayground } from "./store.ts";
import { useCallback } from "react";
import { useGalleryOpen } from "./gallery/state.ts";
import { ExamplesButton, GalleryDialog } from "./gallery/Gallery.tsx";
import { LearnButton } from "./lessons/LearnPanel.tsx";
import { ShareButton } from "./share/ShareButton.tsx";
import { ExportMenu } from "./export/ExportMenu.tsx";
import { RecentDrafts } from "./share/RecentDrafts.tsx";
import { SettingsMenu } from "./SettingsMenu.tsx";
import { percentDone, statusText } from "./status.ts";

/** A long run's progress (simulated time done), as a thin bar along the header's bottom edge. */
function RunProgress({ done }: { done: number }) {
  const pct = percentDone(done);
  return (
    <div
      className="absolute inset-x-0 bottom-0 h-0.5 bg-slate-200 dark:bg-slate-700"
      role="progressbar"
      aria-label="Run progress (simulated time)"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-testid="run-progress"
    >
      <div className="h-full bg-sky-500 transition-[width] duration-200" style={{ width: `${pct}%` }} />
    </div>
  );
}

/**
 * The status slot and the progress bar: the only part of the header that follows the run,
 * so a big world's ~100 progress reports re-render these two, not every header button.
 */
function RunStatus() {
  const compileStatus = usePlayground((s) => s.compile.status);
  const runStatus = usePlayground((s) => s.run.status);
  const stale = usePlayground((s) => s.stale);
  const status = usePlayground(statusText);
  const progress = usePlayground((s) => s.progress); // null unless a run is going on (the store clears it)
  return (
    <>
      <span
        className="ml-auto flex w-52 shrink-0 items-center justify-end gap-2 overflow-hidden text-xs text-slate-500 max-md:w-24"
        data-testid="status"
        data-compile-status={compileStatus}
        data-run-status={runStatus}
        data-stale={stale}
        title={status}
      >
        {stale && (
          <span className="shrink-0 rounded bg-amber-500 px-1.5 font-semibold leading-5 text-white" data-testid="stale-badge" title="The inputs changed and the newest version does not compile or run: this is the last good result.">
            stale
          </span>
        )}
        <span className="truncate">{status}</span>
      </span>
      {progress != null && <RunProgress done={progress} />}
    </>
  );
}

export function Header({ onRun }: { onRun: () => void }) {
  const [gallery, setGallery] = useGalleryOpen();
  const closeGallery = useCallback(() => setGallery(false), [setGallery]);
  const btn = "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <header className="relative flex h-10 shrink-0 flex-nowrap items-center gap-2 whitespace-nowrap border-b border-slate-200 px-3 dark:border-slate-700" data-testid="header">
      <h1 className="shrink-0 text-base font-semibold max-sm:sr-only">Presence Router Playground</h1>
      <ExamplesButton className={btn} onOpen={() => setGallery(true)} />
      <LearnButton className={btn} />
      {gallery && <GalleryDialog onClose={closeGallery} />}
      <button type="button" className={`${btn} max-md:hidden`} onClick={onRun} title="Run (Ctrl+Enter)" data-testid="run">
        ▶ Run
      </button>
      <ShareButton />
      <div className="max-md:hidden">
        <ExportMenu />
      </div>
      <div className="max-md:hidden">
        <RecentDrafts />
      </div>
      <div className="max-md:hidden">
        <SettingsMenu onBudgetChange={onRun} />
      </div>
      <RunStatus />
    </header>
  );
}
