// One Monaco model per file URI for the page's lifetime. Opening an example or lesson
// replaces the text of the existing models (setValue) instead of disposing and
// recreating them: a model recreated under the same URI can leave Monaco's TypeScript
// worker on the old text (stale hovers and diagnostics). Files the new example lacks
// keep their model, emptied and without markers, and are not shown.
import type * as Monaco from "monaco-editor/editor";

const LIFETIME = new Map<string, Monaco.editor.ITextModel>();
let liveFiles = new Set<string>();
/** True while we write example text into models: those changes are not user edits. */
let syncing = false;
let onEdit: (file: string, text: string) => void = () => {};

export function languageOf(file: string): string {
  return /\.ya?ml$/.test(file) ? "yaml" : file.endsWith(".py") ? "python" : "typescript";
}

/**
 * Makes the models hold exactly `texts` (file → text) and returns the live ones.
 * `edit` is called with the new text when the user (not this sync) changes a live model.
 */
export function syncModels(
  monaco: typeof Monaco,
  uri: (file: string) => Monaco.Uri,
  texts: Record<string, string>,
  edit: (file: string, text: string) => void,
): Map<string, Monaco.editor.ITextModel> {
  onEdit = edit;
  const live = new Map<string, Monaco.editor.ITextModel>();
  syncing = true;
  try {
    for (const [file, text] of Object.entries(texts)) {
      let model = LIFETIME.get(file);
      if (!model) {
        model = monaco.editor.getModel(uri(file)) ?? monaco.editor.createModel(text, languageOf(file), uri(file));
        const m = model;
        m.onDidChangeContent(() => {
          if (!syncing && liveFiles.has(file)) onEdit(file, m.getValue());
        });
        LIFETIME.set(file, model);
      }
      if (model.getValue() !== text) {
        model.setValue(text);
        // The TypeScript worker re-checks after a delay; until then its markers describe
        // the old text.
        monaco.editor.setModelMarkers(model, "typescript", []);
      }
      live.set(file, model);
    }
    for (const [file, model] of LIFETIME) {
      if (live.has(file)) continue;
      if (model.getValueLength() > 0) model.setValue("");
      for (const m of monaco.editor.getModelMarkers({ resource: model.uri })) monaco.editor.setModelMarkers(model, m.owner, []);
    }
  } finally {
    syncing = false;
  }
  liveFiles = new Set(live.keys());
  return live;
}

/** Whether `file` belongs to the open example (hidden, emptied models do not). */
export function isLive(file: string): boolean {
  return liveFiles.has(file);
}
