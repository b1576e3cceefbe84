// The consistency findings that have a fix (findingFixes.ts) and the engine's R56 hint
// (registerFix.ts) as Monaco markers (owner "consistency") on the callback's or the
// constructor's line, so the light bulb and Ctrl+. offer the fix there. `sites` mirrors what was set, per model, for the code-action provider: like
// Monaco's own marker registry it is page-global (see DEVELOPERS.md).
import type * as Monaco from "monaco-editor/editor";
import type { FixSite } from "./findingFixes.ts";

export const FINDINGS_OWNER = "consistency";

const sites = new Map<string, FixSite[]>();

export function applyFindingMarkers(monaco: typeof Monaco, models: Map<string, Monaco.editor.ITextModel>, all: readonly FixSite[]): void {
  for (const [file, model] of models) {
    const mine = all.filter((s) => s.file === file && s.line <= model.getLineCount());
    sites.set(model.uri.toString(), mine);
    monaco.editor.setModelMarkers(
      model,
      FINDINGS_OWNER,
      mine.map((s) => ({
        severity: s.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: s.message,
        source: FINDINGS_OWNER,
        startLineNumber: s.line,
        startColumn: s.column,
        endLineNumber: s.line,
        endColumn: model.getLineMaxColumn(s.line),
      })),
    );
  }
}

/** The fix site behind a marker of ours (matched by line and message), if any. */
export function siteOf(uri: Monaco.Uri, marker: Monaco.editor.IMarkerData): FixSite | undefined {
  if (marker.source !== FINDINGS_OWNER) return undefined;
  return sites.get(uri.toString())?.find((s) => s.line === marker.startLineNumber && s.message === marker.message);
}
