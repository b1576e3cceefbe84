// Monaco's TypeScript worker (6.9 MB of script: the TypeScript compiler) is created the
// moment this small module is imported, which CodeEditor.tsx does right after the first
// graph, next to the Monaco import: the worker fetches and parses its script on its own
// thread while the main thread evaluates Monaco, instead of after the editor exists
// (Monaco asks for it only when the first TypeScript model is checked).
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";

let early: Worker | null = new TsWorker();

/** The early worker for Monaco's first request, a new one after that. */
export function takeTsWorker(): Worker {
  const w = early ?? new TsWorker();
  early = null;
  return w;
}
