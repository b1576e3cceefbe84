// Embed mode for iframes in docs: `?embed=graph` (graph + timeline) or `?embed=editor`
// (editor + graph), minimal chrome, an "Open in the playground" link carrying the same
// state as a full-app permalink. Embed mode never reads or writes drafts.
import { PanelBoundary } from "../boundary/PanelBoundary.tsx";
import { useEffect, useState } from "react";
import { usePlayground } from "../store.ts";
import { usePlaygroundInstance } from "../context.ts";
import { GraphPanel } from "../GraphPanel.tsx";
import { TimelineBar } from "../TimelineBar.tsx";
import { EditorTabs } from "../EditorTabs.tsx";
import { statusText } from "../status.ts";
import { CodeEditor } from "../editor/CodeEditor.tsx";
import { ShareBanners } from "../share/Banners.tsx";
import type { EmbedMode } from "../share/session.ts";
import { GlossaryDialog } from "../glossary/GlossaryDialog.tsx";
import { codecModule } from "../lazy.ts";

function useOpenLink(): string {
  const { currentLink } = usePlaygroundInstance().session;
  const files = usePlayground((s) => s.files);
  const scenario = usePlayground((s) => s.scenario);
  const [href, setHref] = useState("");
  useEffect(() => {
    const t = setTimeout(() => {
      void codecModule.load().then(
        () => {
          try {
            setHref(currentLink());
          } catch {
            /* keep the previous link */
          }
        },
        () => {}, // keep the previous link
      );
    }, 200);
    return () => clearTimeout(t);
  }, [files, scenario, currentLink]);
  return href;
}

export function EmbedApp({ mode }: { mode: Exclude<EmbedMode, null> }) {
  const pg = usePlaygroundInstance();
  const href = useOpenLink();
  // Only what is worth saying in an embed: a failure or work in progress.
  const status = usePlayground((s) => (s.compile.status === "error" || s.run.status === "failed" || s.run.status === "running" ? statusText(s) : ""));

  // Embed mode: the session opens the link but never reads or writes drafts.
  useEffect(() => pg.start(), [pg]);

  const open = (
    <a
      href={href || undefined}
      target="_blank"
      rel="noopener"
      data-testid="open-in-playground"
      className="text-sky-700 underline dark:text-sky-300"
      onClick={(e) => {
        try {
          e.currentTarget.href = pg.session.currentLink(); // the state right now
        } catch {
          /* use the last one */
        }
      }}
    >
      Open in the playground ↗
    </a>
  );

  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100" data-embed={mode}>
      <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
        <span className="font-semibold">Presence Router Playground</span>
        {status && <span className="text-slate-500">{status}</span>}
        <span className="ml-auto">{open}</span>
      </div>
      <ShareBanners />
      {mode === "graph" ? (
        <>
          <main className="min-h-0 flex-1">
            <PanelBoundary panel="delivery graph">
              <GraphPanel />
            </PanelBoundary>
          </main>
          <footer className="shrink-0 border-t border-slate-200 dark:border-slate-700">
            <PanelBoundary panel="timeline">
              <TimelineBar />
            </PanelBoundary>
          </footer>
        </>
      ) : (
        <main className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col border-r border-slate-200 dark:border-slate-700">
            <PanelBoundary panel="editor">
              <EditorTabs />
              <div className="min-h-0 flex-1">
                <CodeEditor onRun={() => pg.rerun()} />
              </div>
            </PanelBoundary>
          </div>
          <div className="min-w-0 flex-1">
            <PanelBoundary panel="delivery graph">
              <GraphPanel />
            </PanelBoundary>
          </div>
        </main>
      )}
      <GlossaryDialog />
    </div>
  );
}
