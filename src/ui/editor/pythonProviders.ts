// Monaco's completion and hover providers for .py files, over ./pythonAssist.ts (the
// `synapse` package's names, signatures and docs from src/python/synapseApi.ts).
import type * as Monaco from "monaco-editor/editor";
import { pythonCompletions, pythonHover, type PyItemKind } from "./pythonAssist.ts";

export function registerPythonAssist(monaco: typeof Monaco): Monaco.IDisposable {
  const K = monaco.languages.CompletionItemKind;
  const kinds: Record<PyItemKind, Monaco.languages.CompletionItemKind> = {
    method: K.Method,
    async: K.Method,
    classmethod: K.Method,
    property: K.Property,
    field: K.Field,
    constant: K.Constant,
    module: K.Module,
    class: K.Class,
    name: K.Class,
  };
  const completion = monaco.languages.registerCompletionItemProvider("python", {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const r = pythonCompletions(model.getValue(), position.lineNumber, position.column);
      if (!r) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, r.startColumn, position.lineNumber, position.column);
      return {
        suggestions: r.items.map((it, i) => ({
          label: it.label,
          kind: kinds[it.kind],
          detail: it.detail,
          documentation: { value: it.doc },
          insertText: it.label,
          // Ours first, in the table's order, above Monaco's words from the file.
          sortText: `0${String(i).padStart(3, "0")}`,
          range,
        })),
      };
    },
  });
  const hover = monaco.languages.registerHoverProvider("python", {
    provideHover(model, position) {
      const h = pythonHover(model.getValue(), position.lineNumber, position.column);
      if (!h) return null;
      return { contents: [{ value: h.contents }], range: new monaco.Range(position.lineNumber, h.startColumn, position.lineNumber, h.endColumn) };
    },
  });
  return { dispose: () => (completion.dispose(), hover.dispose()) };
}
