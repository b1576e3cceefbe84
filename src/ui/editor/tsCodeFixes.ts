// TypeScript's quick fixes (Ctrl+., the light bulb), asked of the TypeScript worker only
// where TypeScript marked an error.
//
// Monaco's own provider asks the worker for fixes on every cursor move and marker change,
// with or without errors under the cursor. Each ask after an edit makes the worker build a
// new program of the edited file (~50-100 ms of a core here), and on 2 cores that work
// competes with the compile and the run of the very edit the user waits for: 7 asks in 10
// keystrokes that changed no error (bench/stages). TypeScript has no fix without an error
// code, so this provider skips the worker when the markers in range carry none.
// monaco.ts turns the built-in provider off (modeConfiguration.codeActions) for this one.
import type * as Monaco from "monaco-editor/editor";

/** A fix as the worker returns it (TypeScript's CodeFixAction, the fields used here). */
export interface TsCodeFix {
  description: string;
  changes: ReadonlyArray<{ isNewFile?: boolean; textChanges: ReadonlyArray<{ span: { start: number; length: number }; newText: string }> }>;
}

export type FixesAt = (uri: string, start: number, end: number, errorCodes: number[], format: Record<string, unknown>) => Promise<ReadonlyArray<TsCodeFix>>;

/** TypeScript's error codes among the markers (its diagnostics carry them as "2552"). */
export function tsErrorCodes(markers: readonly Monaco.editor.IMarkerData[]): number[] {
  const codes = new Set<number>();
  for (const m of markers) {
    const n = Number(typeof m.code === "string" ? m.code : m.code?.value);
    if (Number.isInteger(n) && n > 0) codes.add(n);
  }
  return [...codes];
}

/** The format options Monaco's own provider sends (fixes that insert code are laid out alike). */
function formatOptions(model: Monaco.editor.ITextModel): Record<string, unknown> {
  const o = model.getOptions();
  return { ConvertTabsToSpaces: o.insertSpaces, TabSize: o.tabSize, IndentSize: o.tabSize, IndentStyle: 2, NewLineCharacter: "\n", InsertSpaceAfterCommaDelimiter: true, InsertSpaceAfterSemicolonInForStatements: true, InsertSpaceBeforeAndAfterBinaryOperators: true, InsertSpaceAfterKeywordsInControlFlowStatements: true, InsertSpaceAfterFunctionKeywordForAnonymousFunctions: true };
}

export function tsCodeFixProvider(fixesFor: (uri: Monaco.Uri) => Promise<FixesAt>): Monaco.languages.CodeActionProvider {
  return {
    async provideCodeActions(model, range, context) {
      const none = { actions: [], dispose() {} };
      const codes = tsErrorCodes(context.markers);
      if (!codes.length) return none;
      const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
      const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
      const fixesAt = await fixesFor(model.uri);
      if (model.isDisposed()) return none;
      const fixes = await fixesAt(model.uri.toString(), start, end, codes, formatOptions(model));
      if (model.isDisposed()) return none;
      const actions = fixes
        .filter((f) => !f.changes.some((c) => c.isNewFile))
        .map((f) => ({
          title: f.description,
          kind: "quickfix",
          diagnostics: context.markers,
          edit: {
            edits: f.changes.flatMap((c) =>
              c.textChanges.map((t) => {
                const a = model.getPositionAt(t.span.start);
                const b = model.getPositionAt(t.span.start + t.span.length);
                return { resource: model.uri, versionId: undefined, textEdit: { range: { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column }, text: t.newText } };
              }),
            ),
          },
        }));
      return { actions, dispose() {} };
    },
  };
}
