// Problems → Monaco markers, one owner per source ("esbuild", "runtime", "scenario"), so
// each source replaces only its own markers.
import type * as Monaco from "monaco-editor/editor";
import type { Problem, ProblemOwner } from "../problems.ts";

const OWNERS: ProblemOwner[] = ["esbuild", "runtime", "scenario"];

export function applyMarkers(monaco: typeof Monaco, models: Map<string, Monaco.editor.ITextModel>, problems: Problem[]): void {
  for (const [file, model] of models) {
    for (const owner of OWNERS) {
      // An unknown key in the scenario is underlined by the schema (yaml.ts), instantly and
      // with the same "did you mean": not twice.
      const mine = problems.filter((p) => p.owner === owner && p.file === file && p.line > 0 && !(owner === "scenario" && /(^|: )unknown key "/.test(p.message)));
      monaco.editor.setModelMarkers(
        model,
        owner,
        mine.map((p) => {
          const line = Math.min(p.line, model.getLineCount());
          const endLine = Math.min(p.endLine ?? line, model.getLineCount());
          // Without an end, underline from the column to the end of the line.
          const endColumn = p.endColumn ?? model.getLineMaxColumn(endLine);
          return {
            severity: p.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: p.count > 1 ? `${p.message} (×${p.count})` : p.message,
            source: owner,
            startLineNumber: line,
            startColumn: p.column,
            endLineNumber: endLine,
            endColumn: endColumn > p.column || endLine > line ? endColumn : p.column + 1,
          };
        }),
      );
    }
  }
}
