// TypeScript diagnostics (the markers Monaco's TS worker sets, owner "typescript") as
// Problems. Kept in their own small store so the Problems tab can list them without
// importing Monaco (the editor chunk stays lazy); CodeEditor.tsx fills it.
import { create } from "zustand";
import type * as Monaco from "monaco-editor/editor";
import type { Problem } from "../problems.ts";

export const useTsProblems = create<{ problems: Problem[] }>()(() => ({ problems: [] }));

/** Errors and warnings only: TS hints (unused names, deprecations) are not problems. */
export function tsProblemsFrom(
  monaco: typeof Monaco,
  files: Iterable<[string, Monaco.editor.ITextModel]>,
): Problem[] {
  const out: Problem[] = [];
  for (const [file, model] of files) {
    for (const k of monaco.editor.getModelMarkers({ owner: "typescript", resource: model.uri })) {
      if (k.severity !== monaco.MarkerSeverity.Error && k.severity !== monaco.MarkerSeverity.Warning) continue;
      out.push({
        owner: "typescript",
        file,
        line: k.startLineNumber,
        column: k.startColumn,
        endLine: k.endLineNumber,
        endColumn: k.endColumn,
        message: typeof k.code === "string" && k.code ? `${k.message} (TS${k.code})` : k.message,
        severity: k.severity === monaco.MarkerSeverity.Error ? "error" : "warning",
        count: 1,
      });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
