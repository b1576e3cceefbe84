// Header: title, Examples (the gallery), Learn (lessons), Run, Download run trace, and the status line
// (compile / run state and the "stale" badge).
import { usePlayground } from "./store.ts";
import { useCallback, useState } from "react";
import { ExamplesButton, GalleryDialog } from "./gallery/Gallery.tsx";
import { LearnButton } from "./lessons/LearnPanel.tsx";
import { ShareButton } from "./share/ShareButton.tsx";
import { ExportMenu } from "./export/ExportMenu.tsx";
import { RecentDrafts } from "./share/RecentDrafts.tsx";
import { BudgetSetting } from "./BudgetSetting.tsx";

function downloadTrace(): void {
  const { trace, example } = usePlayground.getState();
  if (!trace) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2) + "\n"], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${(example || "playground").replace(/[^\w.-]+/g, "-")}.trace.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Header({ onRun }: { onRun: () => void }) {
  const [gallery, setGallery] = useState(false);
  const closeGallery = useCallback(() => setGallery(false), []);
  const compile = usePlayground((s) => s.compile);
  const run = usePlayground((s) => s.run);
  const stale = usePlayground((s) => s.stale);
  const hasTrace = usePlayground((s) => s.trace !== null);
  const btn = "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";
  const status =
    compile.status === "compiling" ? "compiling…"
    : compile.status === "error" ? "does not compile"
    : run.status === "running" ? "running…"
    : run.status === "failed" ? "run failed"
    : run.status === "ok" ? `ran in ${Math.round(run.ms ?? 0)} ms`
    : "starting…";
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
      <h1 className="text-base font-semibold">Presence Router Playground</h1>
      <ExamplesButton className={btn} onOpen={() => setGallery(true)} />
      <LearnButton className={btn} />
      {gallery && <GalleryDialog onClose={closeGallery} />}
      <button type="button" className={btn} onClick={onRun} title="Run (Ctrl+Enter)" data-testid="run">
        ▶ Run
      </button>
      <button type="button" className={btn} onClick={downloadTrace} disabled={!hasTrace} title="Download the run trace as JSON">
        Download run trace (JSON)
      </button>
      <BudgetSetting onChange={onRun} />
      <ShareButton />
      <ExportMenu />
      <RecentDrafts />
      <span className="ml-auto flex items-center gap-2 text-xs text-slate-500" data-testid="status" data-compile-status={compile.status} data-run-status={run.status} data-stale={stale}>
        {stale && (
          <span className="rounded bg-amber-500 px-1.5 py-0.5 font-semibold text-white" data-testid="stale-badge" title="The inputs changed and the newest version does not compile or run: this is the last good result.">
            stale
          </span>
        )}
        {status}
      </span>
    </header>
  );
}
