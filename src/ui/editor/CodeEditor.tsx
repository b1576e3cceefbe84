// The Monaco editor: one model per file (file:///router.ts, file:///scenario.yaml), the
// active tab's model shown, edits written to the store, problems shown as markers.
// Monaco is imported lazily; until it is ready a plain read-only <pre> shows the text.
import { useEffect, useMemo, useRef, useState } from "react";
import type * as Monaco from "monaco-editor/editor";
import { usePlayground, SCENARIO_FILE } from "../store.ts";
import { collectProblems } from "../problems.ts";
import { applyMarkers } from "./markers.ts";
import { registerEditorHook } from "../testHook.ts";
import { afterFirstGraph, markOnce, noteEdit } from "../boot/perf.ts";

type MonacoModule = typeof import("./monaco.ts");

export function CodeEditor({ readOnly = false, onRun }: { readOnly?: boolean; onRun: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [m, setM] = useState<MonacoModule | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, Monaco.editor.ITextModel>());
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;

  const revision = usePlayground((s) => s.revision);
  const activeTab = usePlayground((s) => s.activeTab);
  const reveal = usePlayground((s) => s.reveal);
  const files = usePlayground((s) => s.files);
  const scenario = usePlayground((s) => s.scenario);
  const compile = usePlayground((s) => s.compile);
  const scenarioIssues = usePlayground((s) => s.scenarioIssues);
  const trace = usePlayground((s) => s.trace);
  const stale = usePlayground((s) => s.stale);
  const runFailure = usePlayground((s) => s.runFailure);
  const problems = useMemo(
    () => collectProblems({ files, compile, scenarioIssues, trace, stale, runFailure }),
    [files, compile, scenarioIssues, trace, stale, runFailure],
  );

  // Load Monaco once.
  useEffect(() => {
    let live = true;
    // After the first graph frame: parsing Monaco would otherwise delay it.
    void afterFirstGraph()
      .then(() => import("./monaco.ts"))
      .then((mod) => live && setM(mod));
    return () => {
      live = false;
    };
  }, []);

  // Create the editor (disposed on unmount: StrictMode mounts twice).
  useEffect(() => {
    if (!m || !host.current) return;
    const ed = m.monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      readOnly,
    });
    editorRef.current = ed;
    const untheme = m.followSystemTheme();
    ed.addCommand(m.monaco.KeyMod.CtrlCmd | m.monaco.KeyCode.Enter, () => onRunRef.current());
    const unhook = registerEditorHook({
      markers: (file) =>
        m.monaco.editor.getModelMarkers({ resource: m.modelUri(file) }).map((k) => ({
          owner: k.owner,
          severity: k.severity === m.monaco.MarkerSeverity.Error ? "error" : "warning",
          message: k.message,
          line: k.startLineNumber,
          column: k.startColumn,
        })),
    });
    return () => {
      unhook();
      untheme();
      ed.dispose();
      editorRef.current = null;
    };
  }, [m, readOnly]);

  // (Re)create the models whenever the file set is replaced (example load).
  useEffect(() => {
    if (!m) return;
    const { files: fs, scenario: sc } = usePlayground.getState();
    const created = new Map<string, Monaco.editor.ITextModel>();
    const subs: Monaco.IDisposable[] = [];
    const entries: Array<[string, string, string]> = [
      ...Object.entries(fs).map(([f, t]) => [f, t, "typescript"] as [string, string, string]),
      [SCENARIO_FILE, sc, "yaml"],
    ];
    for (const [file, text, lang] of entries) {
      m.monaco.editor.getModel(m.modelUri(file))?.dispose();
      const model = m.monaco.editor.createModel(text, lang, m.modelUri(file));
      created.set(file, model);
      subs.push(
        model.onDidChangeContent(() => {
          noteEdit(); // latency stamp (boot/perf.ts): keystroke -> graph
          const s = usePlayground.getState();
          if (file === SCENARIO_FILE) s.setScenario(model.getValue());
          else s.setFile(file, model.getValue());
        }),
      );
    }
    models.current = created;
    const ed = editorRef.current;
    const tab = usePlayground.getState().activeTab;
    if (ed) {
      ed.setModel(created.get(tab) ?? null);
      requestAnimationFrame(() => markOnce("editor-ready"));
    }
    return () => {
      for (const d of subs) d.dispose();
      for (const model of created.values()) model.dispose();
      models.current = new Map();
    };
  }, [m, revision]);

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
