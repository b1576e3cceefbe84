// The playground shell: header; editor (left) | delivery graph over inspector (right);
// timeline at the bottom. Below 768 px wide: a read-only stacked view (the open lesson,
// graph and inspector; the editor collapsed behind a toggle, read-only).
import { useEffect, useState, useSyncExternalStore } from "react";
import { Group, Panel, Separator } from "react-resizable-panels";
import { Header } from "./Header.tsx";
import { EditorTabs, tabNames } from "./EditorTabs.tsx";
import { CodeEditor } from "./editor/CodeEditor.tsx";
import { GraphPanel } from "./GraphPanel.tsx";
import { Inspector } from "./inspector/Inspector.tsx";
import { TimelineBar } from "./TimelineBar.tsx";
import { usePlaygroundInstance } from "./context.ts";
import { LearnPanel } from "./lessons/LearnPanel.tsx";
import { useLearn } from "./lessons/learn.ts";
import { ShareBanners } from "./share/Banners.tsx";
import { ConsistencyStrip } from "./ConsistencyStrip.tsx";
import { PanelBoundary } from "./boundary/PanelBoundary.tsx";
import { FirstVisitCard } from "./welcome/FirstVisitCard.tsx";
import { GlossaryDialog } from "./glossary/GlossaryDialog.tsx";
import { ExampleAbout } from "./gallery/ExampleAbout.tsx";
import { SHORTCUTS, matches, typesText, type GlobalShortcutId } from "./shortcuts/table.ts";
import { ShortcutSheet } from "./shortcuts/ShortcutSheet.tsx";
import { requestShare } from "./share/ShareButton.tsx";

const NARROW = "(max-width: 767px)";

function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mq = window.matchMedia(NARROW);
      mq.addEventListener("change", cb);
      return () => mq.removeEventListener("change", cb);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

const sep = "w-1 bg-slate-200 hover:bg-sky-400 data-[separator=active]:bg-sky-500 dark:bg-slate-700";
const hsep = "h-1 bg-slate-200 hover:bg-sky-400 data-[separator=active]:bg-sky-500 dark:bg-slate-700";

export function App() {
  const narrow = useNarrow();
  const pg = usePlaygroundInstance();
  const [showCode, setShowCode] = useState(false);
  const learnOpen = useLearn((s) => s.open);
  const run = () => pg.rerun();

  // A permalink in the fragment, else this tab's draft; the default example otherwise.
  // The playground (main.tsx) owns the lifecycle: start is idempotent, dispose is its own.
  useEffect(() => pg.start(), [pg]);

  // Global shortcuts, from the one table the shortcut sheet shows (shortcuts/table.ts).
  // Each action returns true when it handled the key.
  useEffect(() => {
    const actions: Record<GlobalShortcutId, (e: KeyboardEvent) => boolean> = {
      run: () => (run(), true),
      tab: (e) => {
        const t = tabNames(pg.store.getState().files)[Number(e.key) - 1];
        if (t) pg.store.getState().setActiveTab(t);
        return t !== undefined;
      },
      share: () => (requestShare(), true),
      // `?` is a character wherever text is typed.
      help: (e) => !typesText(e.target) && (pg.view.setState({ shortcutSheet: true }), true),
    };
    const onKey = (e: KeyboardEvent) => {
      for (const s of SHORTCUTS) {
        if (s.scope !== "global" || !matches(s, e)) continue;
        if (actions[s.id](e)) e.preventDefault();
        return;
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [pg]);

  // Every panel has its own error boundary: a crash shows where and what, never a blank page.
  const editor = (readOnly: boolean) => (
    <PanelBoundary panel="editor">
      <div className="flex h-full flex-col">
        <EditorTabs editable={!readOnly} />
        {/* `isolate`: Monaco's z-indices stay inside the editor's own stacking context. */}
        <div className="relative isolate min-h-0 flex-1">
          <CodeEditor readOnly={readOnly} onRun={run} />
        </div>
        {/* Below the editor, not over it: the code keeps its place (the editor only gets
            shorter) and a line the strip's "go to" reveals is never hidden under it. */}
        <div className="shrink-0">
          <ConsistencyStrip />
        </div>
      </div>
    </PanelBoundary>
  );
  const graph = (
    <PanelBoundary panel="delivery graph">
      <GraphPanel />
    </PanelBoundary>
  );
  const inspector = (
    <PanelBoundary panel="inspector">
      <Inspector />
    </PanelBoundary>
  );

  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <PanelBoundary panel="header">
        <Header onRun={run} />
      </PanelBoundary>
      <PanelBoundary panel="banners">
        <ShareBanners />
      </PanelBoundary>
      <PanelBoundary panel="about">
        <ExampleAbout />
      </PanelBoundary>
      {narrow ? (
        <main className="flex min-h-0 flex-1 flex-col overflow-auto" data-layout="stacked">
          {learnOpen && (
            // The lesson first, at most a screen tall (its text scrolls; its checks stay in view).
            <div className="h-[calc(100dvh-10rem)] shrink-0 border-b border-slate-200 dark:border-slate-700">
              <PanelBoundary panel="learn">
                <LearnPanel />
              </PanelBoundary>
            </div>
          )}
          <div className="h-[45vh] shrink-0 border-b border-slate-200 dark:border-slate-700">{graph}</div>
          <div className="h-[45vh] shrink-0">{inspector}</div>
          <button type="button" className="border-t border-slate-200 p-2 text-sm dark:border-slate-700" onClick={() => setShowCode((v) => !v)}>
            {showCode ? "Hide code" : "Show code (read-only)"}
          </button>
          {showCode && <div className="h-[60vh] shrink-0">{editor(true)}</div>}
        </main>
      ) : (
        <main className="flex min-h-0 flex-1" data-layout="panes">
          {learnOpen && (
            <div className="w-[22rem] shrink-0 max-lg:w-72">
              <PanelBoundary panel="learn">
                <LearnPanel />
              </PanelBoundary>
            </div>
          )}
          <div className="min-w-0 flex-1">
          <Group orientation="horizontal">
            <Panel defaultSize="45" minSize="20">
              {editor(false)}
            </Panel>
            <Separator className={sep} />
            <Panel minSize="25">
              <Group orientation="vertical">
                <Panel defaultSize="55" minSize="15">
                  {graph}
                </Panel>
                <Separator className={hsep} />
                <Panel minSize="15">
                  {inspector}
                </Panel>
              </Group>
            </Panel>
          </Group>
          </div>
        </main>
      )}
      <PanelBoundary panel="glossary">
        <GlossaryDialog />
      </PanelBoundary>
      <PanelBoundary panel="welcome">
        <FirstVisitCard />
      </PanelBoundary>
      <ShortcutSheet />
      <footer className="shrink-0 border-t border-slate-200 dark:border-slate-700">
        <PanelBoundary panel="timeline">
          <TimelineBar />
        </PanelBoundary>
      </footer>
    </div>
  );
}
