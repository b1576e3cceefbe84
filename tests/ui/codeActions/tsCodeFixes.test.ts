import { describe, expect, it } from "vitest";
import type * as Monaco from "monaco-editor/editor";
import { tsCodeFixProvider, tsErrorCodes, type FixesAt } from "../../../src/ui/editor/tsCodeFixes.ts";

// A model over a text, with the offset <-> position mapping Monaco's has (1-based lines/columns).
function model(text: string, disposed = () => false) {
  const lines = text.split("\n");
  const offsetAt = (p: { lineNumber: number; column: number }) => lines.slice(0, p.lineNumber - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  const positionAt = (o: number) => {
    let line = 1;
    while (line < lines.length && o > lines[line - 1]!.length) o -= lines[line++ - 1]!.length + 1;
    return { lineNumber: line, column: o + 1 };
  };
  const uri = { toString: () => "file:///router.ts" };
  return { uri, getOffsetAt: offsetAt, getPositionAt: positionAt, isDisposed: disposed, getOptions: () => ({ insertSpaces: true, tabSize: 2 }) } as unknown as Monaco.editor.ITextModel;
}
const range = (l1: number, c1: number, l2: number, c2: number) => ({ startLineNumber: l1, startColumn: c1, endLineNumber: l2, endColumn: c2 }) as Monaco.Range;
const marker = (code: Monaco.editor.IMarkerData["code"], owner = "typescript") => ({ code, owner, message: "m", severity: 8, startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }) as Monaco.editor.IMarkerData;
const ctx = (markers: Monaco.editor.IMarkerData[]) => ({ markers, trigger: 1 }) as unknown as Monaco.languages.CodeActionContext;
const token = {} as Monaco.CancellationToken;

function worker(fixes: Awaited<ReturnType<FixesAt>> = []) {
  const calls: unknown[][] = [];
  const getter = async () => (async (...args: Parameters<FixesAt>) => (calls.push(args), fixes)) as FixesAt;
  return { calls, getter };
}

describe("TypeScript quick fixes ask the worker only where TypeScript marked an error", () => {
  it("error codes: TypeScript's numeric codes once each; codes of other owners' kinds (R31, none, 0) are not", () => {
    expect(tsErrorCodes([marker("2552"), marker("2552"), marker({ value: "2304", target: {} as Monaco.Uri }), marker("R31", "consistency"), marker(undefined), marker("0"), marker(""), marker("2.5"), marker("-7")])).toEqual([2552, 2304]);
  });

  it("no error code in range: no worker call, no action (a cursor move after an edit costs no program build)", async () => {
    const w = worker();
    const p = tsCodeFixProvider(w.getter);
    const r = await p.provideCodeActions(model("const x = 1;\n"), range(1, 1, 1, 5), ctx([]), token);
    const r2 = await p.provideCodeActions(model("const x = 1;\n"), range(1, 1, 1, 5), ctx([marker("R31", "consistency")]), token);
    expect(w.calls).toEqual([]);
    expect(r?.actions).toEqual([]);
    expect(r2?.actions).toEqual([]);
  });

  it("an error in range: one call with the range's offsets and codes; each fix becomes a quick fix with its edits at their positions", async () => {
    const text = "const a = 1;\nconsol.log(a);\n";
    const w = worker([
      { description: "Change spelling to 'console'", changes: [{ textChanges: [{ span: { start: 13, length: 6 }, newText: "console" }] }] },
      { description: "Creates a file", changes: [{ isNewFile: true, textChanges: [] }] },
      { description: "Edits and creates a file", changes: [{ textChanges: [{ span: { start: 0, length: 1 }, newText: "b" }] }, { isNewFile: true, textChanges: [] }] },
    ]);
    const m = marker("2552");
    const r = await tsCodeFixProvider(w.getter).provideCodeActions(model(text), range(2, 1, 2, 7), ctx([m]), token);
    expect(w.calls).toHaveLength(1);
    expect(w.calls[0]!.slice(0, 4)).toEqual(["file:///router.ts", 13, 19, [2552]]);
    expect(w.calls[0]![4]).toEqual({
      ConvertTabsToSpaces: true,
      TabSize: 2,
      IndentSize: 2,
      IndentStyle: 2,
      NewLineCharacter: "\n",
      InsertSpaceAfterCommaDelimiter: true,
      InsertSpaceAfterSemicolonInForStatements: true,
      InsertSpaceBeforeAndAfterBinaryOperators: true,
      InsertSpaceAfterKeywordsInControlFlowStatements: true,
      InsertSpaceAfterFunctionKeywordForAnonymousFunctions: true,
    });
    expect(r?.actions).toHaveLength(1);
    const a = r!.actions[0]!;
    expect(a).toMatchObject({ title: "Change spelling to 'console'", kind: "quickfix", diagnostics: [m] });
    expect((a.edit!.edits[0] as Monaco.languages.IWorkspaceTextEdit).textEdit).toEqual({ range: range(2, 1, 2, 7), text: "console" });
  });

  it("a model disposed while the worker computes the fixes gets no actions", async () => {
    let gone = false;
    const fixes = [{ description: "fix", changes: [{ textChanges: [{ span: { start: 0, length: 1 }, newText: "b" }] }] }];
    const getter = async () => (async () => ((gone = true), fixes)) as FixesAt;
    const r = await tsCodeFixProvider(getter).provideCodeActions(model("a\n", () => gone), range(1, 1, 1, 2), ctx([marker("2304")]), token);
    expect(gone).toBe(true);
    expect(r?.actions).toEqual([]);
  });

  it("a model disposed while the worker answers gets no actions", async () => {
    let gone = false;
    const w = worker([{ description: "fix", changes: [{ textChanges: [{ span: { start: 0, length: 1 }, newText: "b" }] }] }]);
    const getter = async () => {
      const f = await w.getter();
      gone = true;
      return f;
    };
    const r = await tsCodeFixProvider(getter).provideCodeActions(model("a\n", () => gone), range(1, 1, 1, 2), ctx([marker("2304")]), token);
    expect(r?.actions).toEqual([]);
    expect(w.calls).toEqual([]);
  });
});
