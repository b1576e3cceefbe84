// The Monaco editor: one model per file (file:///router.ts, file:///scenario.yaml) kept
// for the page's lifetime (models.ts), the active tab's model shown, edits written to the store, problems shown as markers.
// Monaco is imported lazily; until it is ready a plain read-only <pre> shows the text.
import { useEffect, useMemo, useRef, useState } from "react";
import type * as Monaco from "monaco-editor/editor";
import { usePlayground, SCENARIO_FILE, type PlaygroundState } from "../store.ts";
import { useProblems } from "../problems.ts";
import { applyMarkers } from "./markers.ts";
import { syncModels } from "./models.ts";
import { tsProblemsFrom, useTsProblems } from "./tsProblems.ts";
import { usePlaygroundInstance } from "../context.ts";
import { registerEditorHook } from "../testHook.ts";
import { useSettings } from "../settings.ts";
import { firstGraphDrawn, firstTraceIn, markOnce, noteEdit } from "../boot/perf.ts";
import { monacoStart, waitsForLiveGraph } from "./monacoStart.ts";
import { findingsOf, useAnalysedRun } from "../changes.ts";
import { fixSites } from "./codeActions/findingFixes.ts";
import { applyFindingMarkers } from "./codeActions/findingMarkers.ts";
import { registerSites } from "./codeActions/registerFix.ts";

type MonacoModule = typeof import("./monaco.ts");

/** The TypeScript checker's markers of the open module files, for the Problems tab. */
function publishTsProblems(m: MonacoModule, live: Map<string, Monaco.editor.ITextModel>): void {
  const modules = [...live].filter(([f]) => f !== SCENARIO_FILE);
  const problems = tsProblemsFrom(m.monaco, modules);
  // Only on a real change: setting our own markers (applyMarkers) fires the same event,
  // and a new array each time would re-render and re-set markers without end.
  if (JSON.stringify(problems) !== JSON.stringify(useTsProblems.getState().problems)) useTsProblems.setState({ problems });
}

export function CodeEditor({ readOnly = false, onRun }: { readOnly?: boolean; onRun: () => void }) {
  const pg = usePlaygroundInstance();
  const store = pg.store;
  const host = useRef<HTMLDivElement>(null);
  const [m, setM] = useState<MonacoModule | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, Monaco.editor.ITextModel>());
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;

  const revision = usePlayground((s) => s.revision);
  // The set of files (not their text): a file added or removed needs its model.
  const fileSet = usePlayground((s) => Object.keys(s.files).join("\n"));
  const activeTab = usePlayground((s) => s.activeTab);
  const reveal = usePlayground((s) => s.reveal);
  const files = usePlayground((s) => s.files);
  const scenario = usePlayground((s) => s.scenario);
  const problems = useProblems();
  const stale = usePlayground((s) => s.stale);

  // Load Monaco once, when monacoStart.ts says (after the first graph: parsing Monaco
  // would otherwise delay it).
  useEffect(() => {
    let live = true;
    const start = monacoStart(
      {
        firstGraph: firstGraphDrawn(),
        firstTrace: firstTraceIn(),
        onFailure: (cb) => {
          const check = (st: PlaygroundState) => (st.compile.status === "error" || st.run.status === "failed") && cb();
          check(store.getState());
          return store.subscribe(check);
        },
        sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
      },
      () => waitsForLiveGraph(store.getState()),
    );
    void start.ready.then(() => import("./monaco.ts")).then((mod) => live && setM(mod));
    return () => {
      live = false;
      start.cancel();
    };
  }, [store]);

  // Create the editor (disposed on unmount: StrictMode mounts twice).
  useEffect(() => {
    if (!m || !host.current) return;
    const ed = m.monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: useSettings.getState().fontSize,
      wordWrap: useSettings.getState().wordWrap ? "on" : "off",
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      readOnly,
    });
    editorRef.current = ed;
    const untheme = m.followSystemTheme();
    const unsettings = useSettings.subscribe((st) => ed.updateOptions({ fontSize: st.fontSize, wordWrap: st.wordWrap ? "on" : "off" }));
    ed.addCommand(m.monaco.KeyMod.CtrlCmd | m.monaco.KeyCode.Enter, () => onRunRef.current());
    const unhook = registerEditorHook(pg, {
      markers: (file) =>
        m.monaco.editor.getModelMarkers({ resource: m.modelUri(file) }).map((k) => ({
          owner: k.owner,
          severity: k.severity === m.monaco.MarkerSeverity.Error ? "error" : "warning",
          message: k.message,
          line: k.startLineNumber,
          column: k.startColumn,
        })),
      cursor: () => {
        const pos = ed.getPosition();
        const file = [...models.current].find(([, model]) => model === ed.getModel())?.[0];
        return pos && file ? { file, line: pos.lineNumber, column: pos.column } : null;
      },
    });
    return () => {
      unhook();
      untheme();
      unsettings();
      ed.dispose();
      editorRef.current = null;
    };
  }, [m, readOnly]);

  // Sync the models (one per file for the page's lifetime, models.ts) whenever the file
  // set is replaced (example or lesson load) or a file is added or removed.
  useEffect(() => {
    if (!m) return;
    const { files: fs, scenario: sc } = store.getState();
    models.current = syncModels(m.monaco, m.modelUri, { ...fs, [SCENARIO_FILE]: sc }, (file, text) => {
      noteEdit(); // latency stamp (boot/perf.ts): keystroke -> graph
      const s = store.getState();
      if (file === SCENARIO_FILE) s.setScenario(text);
      else s.setFile(file, text);
    });
    publishTsProblems(m, models.current);
    const ed = editorRef.current;
    const tab = store.getState().activeTab;
    if (ed) {
      ed.setModel(models.current.get(tab) ?? null);
      requestAnimationFrame(() => markOnce("editor-ready"));
    }
  }, [m, revision, fileSet]);

  // TypeScript's markers -> the Problems tab (tsProblems.ts).
  useEffect(() => {
    if (!m) return;
    const sub = m.monaco.editor.onDidChangeMarkers(() => publishTsProblems(m, models.current));
    return () => sub.dispose();
  }, [m]);

  // The scenario's own ids (users, rooms, servers, labels) and the module files as
  // scenario.yaml completions (yaml.ts). Keyed by the module files' names, not their
  // texts: a code edit must not re-parse the scenario's YAML on the main thread (a
  // 1,000-user scenario is ~60 KB, tens of ms per keystroke).
  const moduleNames = useMemo(() => Object.keys(files).join("\n"), [files]);
  useEffect(() => {
    if (m) m.updateScenarioIds(SCENARIO_FILE, scenario, moduleNames ? moduleNames.split("\n") : []);
  }, [m, scenario, moduleNames]);

  // Show the active tab.
  useEffect(() => {
    const ed = editorRef.current;
    const model = models.current.get(activeTab);
    if (ed && model && ed.getModel() !== model) ed.setModel(model);
  }, [m, activeTab, revision, readOnly]);

  // Markers.
  useEffect(() => {
    if (m) applyMarkers(m.monaco, models.current, problems);
  }, [m, revision, problems]);

  // Consistency findings with a fix as markers on the callback's line (codeActions/):
  // only for a current run, placed in the current text; the run after its graph (changes.ts).
  const analysed = useAnalysedRun();
  useEffect(() => {
    if (!m) return;
    const t = analysed.trace;
    const sites = t && !stale ? [...fixSites(findingsOf(t, analysed.hints), files), ...registerSites(t, files)] : [];
    applyFindingMarkers(m.monaco, models.current, sites);
  }, [m, revision, analysed.trace, analysed.hints, stale, files]);

  // Jump to a location (Problems tab, router call errors).
  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !reveal) return;
    const model = models.current.get(reveal.file);
    if (!model) return;
    if (ed.getModel() !== model) ed.setModel(model);
    const line = Math.max(1, Math.min(reveal.line, model.getLineCount()));
    ed.setPosition({ lineNumber: line, column: Math.max(1, reveal.column) });
    ed.revealLineInCenter(line);
    ed.focus();
  }, [reveal]);

  const fallback = activeTab === SCENARIO_FILE ? scenario : (files[activeTab] ?? "");
  return (
    <div className="relative h-full w-full" data-testid="editor" data-editor-ready={m ? "true" : "false"}>
      <div ref={host} className="absolute inset-0" />
      {!m && (
        <pre className="absolute inset-0 overflow-auto p-3 font-mono text-xs text-slate-500">{fallback}</pre>
      )}
    </div>
  );
}
