// The compile pipeline (shared by the browser's esbuild-wasm and Node's esbuild).
export { compileModules, FORBIDDEN_IMPORT, MAX_COMPILE_INPUT_CHARS } from "./compile.ts";
export { locateRuntimeError, mapBundlePosition, describeThrown, MODULE_URL_PREFIX } from "./locate.ts";
export type { LocateOptions, SourcePosition } from "./locate.ts";
export type { Bundle, CompileResult, Diagnostic, EsbuildLike } from "./types.ts";
