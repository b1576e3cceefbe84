// Type-checks module files in memory as the editor's TypeScript does: strict, ES2022,
// `synapse` from src/synapse/dts.ts, and `console` (the editor has the DOM lib; a module
// needs only `console` from it, and the DOM lib would triple the time). One helper for
// every test that asks "does this module type-check?" (lessons, examples, snippets, code
// actions, the declarations themselves).
import { dirname } from "node:path";
import ts from "typescript";
import { SYNAPSE_DTS } from "../../src/synapse/dts.ts";

const ROOT = "/w";
const DTS_FILE = `${ROOT}/node_modules/synapse/index.d.ts`;
const CONSOLE = `${ROOT}/console.d.ts`;
const CONSOLE_DTS =
  "declare var console: { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; debug(...a: unknown[]): void };";
const LIB_DIR = dirname(ts.getDefaultLibFilePath({}));
const DIRS = new Set([ROOT, `${ROOT}/node_modules`, `${ROOT}/node_modules/synapse`]);

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  lib: ["lib.es2022.d.ts"],
  types: [],
  // TypeScript's own lib files have no errors to find: checking them is most of the time.
  skipDefaultLibCheck: true,
};

/** Parsed lib .d.ts files, shared by every program of this test file (they never change). */
const libCache = new Map<string, ts.SourceFile>();

export interface TypeError {
  /** The file as given to typeErrors (`(global)` for one outside them, e.g. the declarations). */
  file: string;
  /** 1-based; 0 when TypeScript gives no position. */
  line: number;
  column: number;
  message: string;
}

/**
 * Type-checks the `.ts` files of `files` (name → text; names are paths relative to one
 * folder, so `./helper` imports between them resolve) in one program; other files are
 * ignored. Returns the errors, in TypeScript's order.
 */
export function typeErrors(files: Record<string, string>): TypeError[] {
  const byPath = new Map<string, string>();
  const texts = new Map<string, string>([[DTS_FILE, SYNAPSE_DTS], [CONSOLE, CONSOLE_DTS]]);
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith(".ts")) continue;
    const path = `${ROOT}/${name}`;
    byPath.set(path, name);
    texts.set(path, text);
    for (let d = dirname(path); d.length > ROOT.length; d = dirname(d)) DIRS.add(d);
  }
  const host = ts.createCompilerHost(OPTIONS);
  host.fileExists = (f) => texts.has(f) || (f.startsWith(LIB_DIR) && ts.sys.fileExists(f));
  host.readFile = (f) => texts.get(f) ?? (f.startsWith(LIB_DIR) ? ts.sys.readFile(f) : undefined);
  host.directoryExists = (d) => DIRS.has(d) || d.startsWith(LIB_DIR);
  host.getCurrentDirectory = () => ROOT;
  host.getSourceFile = (f, lang) => {
    const text = texts.get(f);
    if (text !== undefined) return ts.createSourceFile(f, text, lang);
    if (!f.startsWith(LIB_DIR)) return undefined;
    let sf = libCache.get(f);
    if (!sf) {
      const t = ts.sys.readFile(f);
      if (t === undefined) return undefined;
      libCache.set(f, (sf = ts.createSourceFile(f, t, lang)));
    }
    return sf;
  };
  const program = ts.createProgram([...byPath.keys(), CONSOLE], OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      return {
        file: (d.file && byPath.get(d.file.fileName)) ?? "(global)",
        line: pos ? pos.line + 1 : 0,
        column: pos ? pos.character + 1 : 0,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      };
    });
}

/** Type-checks one module (as router.ts); returns its error messages. */
export function moduleTypeErrors(source: string): string[] {
  return typeErrors({ "router.ts": source }).map((e) => e.message);
}
