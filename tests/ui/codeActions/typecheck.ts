// Type-checks module files as the editor's TypeScript does (strict, ES2022, `synapse`
// from src/synapse/dts.ts): a fix must not leave a type error behind.
import ts from "typescript";
import { SYNAPSE_DTS } from "../../../src/synapse/dts.ts";

export function typeErrors(files: Record<string, string>): string[] {
  const all: Record<string, string> = { "/node_modules/synapse/index.d.ts": SYNAPSE_DTS };
  for (const [f, text] of Object.entries(files)) if (f.endsWith(".ts")) all[`/${f}`] = text;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
    baseUrl: "/",
    paths: { synapse: ["/node_modules/synapse/index.d.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name in all ? ts.createSourceFile(name, all[name]!, lang) : read(name, lang, ...rest));
  host.fileExists = (name) => name in all || ts.sys.fileExists(name);
  host.readFile = (name) => all[name] ?? ts.sys.readFile(name);
  host.getCurrentDirectory = () => "/";
  const program = ts.createProgram(Object.keys(all).filter((f) => !f.startsWith("/node_modules")), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
