// The code-action provider (light bulb, Ctrl+.): quick fixes for the markers it knows.
// Module files: the consistency findings' markers (findingMarkers.ts) → routerEdit.
// scenario.yaml: any marker whose message carries a "did you mean" or an undeclared user
// (yamlFix.ts). Each action is attached to the marker it fixes and edits that model.
import type * as Monaco from "monaco-editor/editor";
import { siteOf } from "./findingMarkers.ts";
import { routerEdit, type OffsetEdit, type RouterFix } from "./routerFix.ts";
import { yamlFixes } from "./yamlFix.ts";

/** Fixes with one obvious meaning (the others choose a direction: add here, or remove there). */
const OBVIOUS: ReadonlySet<RouterFix["kind"]> = new Set(["map_all", "make_async", "interest_set", "mapping_sets", "register_methods"]);

function workspaceEdit(model: Monaco.editor.ITextModel, edits: OffsetEdit[]): Monaco.languages.WorkspaceEdit {
  return {
    edits: edits.map((e) => {
      const a = model.getPositionAt(e.start);
      const b = model.getPositionAt(e.end);
      return {
        resource: model.uri,
        versionId: model.getVersionId(),
        textEdit: { range: { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column }, text: e.text },
      };
    }),
  };
}

export function provideActions(model: Monaco.editor.ITextModel, markers: readonly Monaco.editor.IMarkerData[]): Monaco.languages.CodeAction[] {
  const actions: Monaco.languages.CodeAction[] = [];
  const text = model.getValue();
  const yaml = model.getLanguageId() === "yaml";
  const seen = new Set<string>();
  for (const marker of markers) {
    if (yaml) {
      const span = {
        start: model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn }),
        end: model.getOffsetAt({ lineNumber: marker.endLineNumber, column: marker.endColumn }),
      };
      for (const f of yamlFixes(text, marker.message, span)) {
        // The schema and the parser may both mark the same word: one action.
        const key = `${f.title}\t${JSON.stringify(f.edits)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push({ title: f.title, kind: "quickfix", diagnostics: [marker], isPreferred: f.preferred, edit: workspaceEdit(model, f.edits) });
      }
      continue;
    }
    const site = siteOf(model.uri, marker);
    if (!site) continue;
    for (const fix of site.fixes) {
      const e = routerEdit(text, site.lang, fix);
      if (!e || seen.has(e.title)) continue;
      seen.add(e.title);
      actions.push({ title: e.title, kind: "quickfix", diagnostics: [marker], isPreferred: e.exact && OBVIOUS.has(fix.kind), edit: workspaceEdit(model, e.edits) });
    }
  }
  return actions;
}

/** Registers the provider once for the page (monaco.ts). */
export function registerCodeActions(monaco: typeof Monaco): Monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider(
    ["typescript", "python", "yaml"],
    { provideCodeActions: (model, _range, context) => ({ actions: provideActions(model, context.markers), dispose() {} }) },
    { providedCodeActionKinds: ["quickfix"] },
  );
}
