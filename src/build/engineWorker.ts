// The engine worker's source as the sandbox starts it (vite.config.ts `virtual:engine-worker`):
// src/worker/engine.worker.ts bundled by esbuild into ONE self-contained IIFE script.
//
// Every run starts a fresh worker (docs/fresh-realm-cost.md), and Chrome compiles a worker
// started from a Blob URL from scratch each time: no streaming, no code cache. The time is
// proportional to the script's size (81-133 ms per worker on these machines for 272 KB,
// traced). About half of that script is the scenario parser (the yaml library and the
// validators), which a worker uses only when it is the first to see a scenario text: the
// frame hands every later worker the earlier parse (ScenarioParsed), and the error locator
// runs only when a run has errors. So the parser is built on its own and carried inside
// the worker as a string, which the worker turns into code on its first parse (a string
// literal costs the compiler a scan, not a parse). Node (CLI, tests) imports the parser as usual.
import { build, type Plugin } from "esbuild";
import { resolve } from "node:path";

const COMMON = { bundle: true, platform: "browser", target: "es2022", write: false, metafile: true, legalComments: "none", logLevel: "silent" } as const;

/** The modules the worker reaches the parser through, and what each exports (all functions). */
const LAZY: Record<string, readonly string[]> = {
  "src/pipeline/parse.ts": ["parse"],
  "src/scenario/pathpos.ts": ["createLocator", "scenarioPathToPos"],
};

/** The parser on its own: a function body that returns the exports of both LAZY modules. */
export async function parserBody(root: string, minify: boolean): Promise<{ code: string; inputs: string[] }> {
  const contents = Object.entries(LAZY)
    .map(([file, names]) => `export { ${names.join(", ")} } from ${JSON.stringify(`./${file}`)};`)
    .join("\n");
  const r = await build({ ...COMMON, stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "lazy-parser.ts" }, format: "iife", globalName: "__parser", minify });
  return { code: `${r.outputFiles[0].text}\nreturn __parser;`, inputs: Object.keys(r.metafile.inputs).filter((f) => f !== "lazy-parser.ts") };
}

/**
 * Replaces the LAZY modules in the worker's bundle: each export calls into the parser,
 * made from its source on first use. `Function` is read when the bundle is evaluated,
 * before lockdown and before any module code runs in the worker, so a module cannot
 * hand the worker another parser (nor would it matter: it would only mislead its own run).
 */
function lazyParser(root: string, body: string): Plugin {
  const files = new Map(Object.entries(LAZY).map(([file, names]) => [resolve(root, file), names]));
  return {
    name: "lazy-parser",
    setup(b) {
      b.onResolve({ filter: /^lazy-parser:core$/ }, () => ({ path: "core", namespace: "lazy-parser" }));
      b.onResolve({ filter: /(parse|pathpos)(\.ts)?$/ }, (args) => {
        const p = resolve(args.resolveDir, args.path.endsWith(".ts") ? args.path : `${args.path}.ts`);
        return files.has(p) ? { path: p, namespace: "lazy-parser" } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "lazy-parser" }, (args) => {
        if (args.path === "core") {
          return {
            loader: "js",
            contents: `const make = Function; let lib = null; export const parser = () => (lib ??= make(${JSON.stringify(body)})());`,
          };
        }
        const names = files.get(args.path)!;
        return {
          loader: "js",
          resolveDir: root,
          contents: `import { parser } from "lazy-parser:core";\n${names.map((n) => `export function ${n}(...a) { return parser().${n}(...a); }`).join("\n")}`,
        };
      });
    },
  };
}

/** The worker's script and every source file it was built from (for the dev server's watcher). */
export async function buildEngineWorker(root: string, minify: boolean): Promise<{ code: string; inputs: string[] }> {
  const parser = await parserBody(root, minify);
  const r = await build({
    ...COMMON,
    entryPoints: [resolve(root, "src/worker/engine.worker.ts")],
    format: "iife",
    minify,
    plugins: [lazyParser(root, parser.code)],
  });
  return { code: r.outputFiles[0].text, inputs: [...new Set([...parser.inputs, ...Object.keys(r.metafile.inputs).filter((f) => !f.startsWith("lazy-parser:"))])] };
}
