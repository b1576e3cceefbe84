// Monaco, self-hosted and slim: the editor API plus the features and languages the
// playground uses (no CDN, no @monaco-editor/react loader). Loaded lazily by
// CodeEditor.tsx, so the graph can show before the editor is ready.
import * as monaco from "monaco-editor/editor";
import * as ts from "monaco-editor/languages/features/typescript/register";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/yaml/register";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoLine/register";
import "monaco-editor/features/gotoSymbol/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/quickCommand/register";
import "monaco-editor/features/readOnlyMessage/register";
import "monaco-editor/features/rename/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register"; // inline completions only (0.57)
// The completion widget (Ctrl+Space, `api.`): no features/*/register brings it in 0.57.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
// Go to Definition / Peek (F12, Alt+F12) and Go to Symbol (Ctrl+Shift+O), as in the
// TypeScript Playground; features/gotoSymbol/register brings only Ctrl+click.
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/features/referenceSearch/register";
import "monaco-editor/features/documentSymbols/register";
import "monaco-editor/features/quickOutline/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { registerSnippets } from "./snippets.ts";
import { registerPythonAssist } from "./pythonProviders.ts";
import { configureYaml } from "./yaml.ts";
import { registerCodeActions } from "./codeActions/provider.ts";
import { tsCodeFixProvider, type TsCodeFix } from "./tsCodeFixes.ts";
import { isDark, useSettings } from "../settings.ts";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";

/** The scenario file's model URI (file:///scenario.yaml) as monaco-yaml matches it. */
export const SCENARIO_GLOB = "**/scenario.yaml";

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

// The `synapse` module's types, when the synapse layer provides them (src/synapse/dts.ts).
const dtsModules = import.meta.glob<{ SYNAPSE_DTS: string }>("../../synapse/dts.ts", { eager: true });
const SYNAPSE_DTS = Object.values(dtsModules)[0]?.SYNAPSE_DTS;

ts.typescriptDefaults.setCompilerOptions({
  target: 9 as any, // ES2022 (the enum here stops at ES2020)
  module: ts.ModuleKind.ESNext,
  moduleResolution: 100 as any, // Bundler: `import ... from "synapse"` resolves through node_modules
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  allowImportingTsExtensions: true,
  lib: ["es2022"],
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);
// TypeScript's quick fixes only where it marked an error (tsCodeFixes.ts): Monaco's own
// provider asks the worker at every cursor move, which costs each edit a program build.
ts.typescriptDefaults.setModeConfiguration({ ...ts.typescriptDefaults.modeConfiguration, codeActions: false });
monaco.languages.registerCodeActionProvider(
  "typescript",
  tsCodeFixProvider(async (uri) => {
    const worker = await (await ts.getTypeScriptWorker())(uri);
    return (file, start, end, codes, format) => worker.getCodeFixesAtPosition(file, start, end, codes, format) as Promise<ReadonlyArray<TsCodeFix>>;
  }),
);
if (SYNAPSE_DTS) ts.typescriptDefaults.addExtraLib(SYNAPSE_DTS, "file:///node_modules/synapse/index.d.ts");
registerSnippets(monaco); // once, for the page's lifetime
registerPythonAssist(monaco); // the `synapse` package in .py files
configureYaml(monaco, SCENARIO_GLOB);
registerCodeActions(monaco); // quick fixes (Ctrl+.) for findings and scenario typos

export { monaco };
export { updateScenarioIds } from "./yaml.ts";

/** "vs" / "vs-dark" following Settings → Theme (and the system's choice under "system"). */
export function followSystemTheme(): () => void {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => monaco.editor.setTheme(isDark(useSettings.getState().theme) ? "vs-dark" : "vs");
  apply();
  mq.addEventListener("change", apply);
  const unsub = useSettings.subscribe(apply);
  return () => {
    mq.removeEventListener("change", apply);
    unsub();
  };
}

export function modelUri(file: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${file}`);
}
