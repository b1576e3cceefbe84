// Running a scenario's modules in the headless runner as untrusted code
// (docs/security.md "Headless runner"). This process reads the files and compiles them
// (esbuild needs a child process); the engine and the modules run in a separate Node
// process under the permission model (src/cli/child.ts): no file reads or writes, no
// child processes, no workers, no code from strings, and `process`/`fetch`/timers
// removed from its global before module code runs. The watchdog here is the browser's:
// each span of module code the engine enters is timed on this process's clock against
// the callback budget, the whole run against RUN_BUDGET_MS; a run over either is killed.
// Whatever the child sends back is checked by the sandbox's schema (src/sandbox/reply.ts).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Scenario } from "../scenario/types.ts";
import type { Trace } from "../trace/types.ts";
import type { CompileResult, EsbuildLike } from "../compile/index.ts";
import type { ModuleHost } from "../engine/contracts.ts";
import type { Engine, HostFactory } from "../pipeline/index.ts";
import type { SpanMark } from "../worker/protocol.ts";
import { parseTrace } from "../sandbox/reply.ts";
import { needsPython } from "../pipeline/compile.ts";
import { parseModuleRef } from "../scenario/moduleRef.ts";
import { PYODIDE_ARG, pyodideDir } from "./pyodide.ts";

export const RUN_BUDGET_MS = 120_000;
export const DEFAULT_BUDGET_MS = 1000;

export interface ChildRequest {
  scenario: Scenario;
  compiled: CompileResult;
}
export type ChildReply = SpanMark | { type: "result"; trace: Trace } | { type: "failed"; message: string };

export type Contained =
  | { ok: true; trace: Trace }
  /** Stopped (watchdog, crash) or a reply that failed the schema; `file`/`callback` when known. */
  | { ok: false; message: string; file?: string; callback?: string };

/** Native esbuild, as the CLI has it: only `build` is used here. */
export interface Bundler {
  build(o: object): Promise<{ outputFiles?: Array<{ text: string }> }>;
}

let childCode: Promise<string> | null = null;

/** The child's script: src/cli/child.ts bundled into one ES module (once per process). */
function bundleChild(esbuild: Bundler): Promise<string> {
  childCode ??= esbuild
    .build({
      entryPoints: [fileURLToPath(new URL("./child.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      logLevel: "silent",
    })
    .then((r) => r.outputFiles?.[0]?.text ?? "");
  return childCode;
}

/** Node 20–22 call it --experimental-permission; 23+ --permission. */
function permissionFlag(): string {
  return Number(process.versions.node.split(".")[0]) >= 23 ? "--permission" : "--experimental-permission";
}

type Span = { module: string; what: string; at: number; since: number };
const secs = (at: number) => (at / 1000).toFixed(3);

export async function runContained(scenario: Scenario, compiled: CompileResult, opts: { budgetMs: number; esbuild: EsbuildLike & Bundler }): Promise<Contained> {
  const code = await bundleChild(opts.esbuild);
  // .py modules: the child may read node_modules/pyodide (and nothing else) to load it.
  const py = needsPython(compiled) ? pyodideDir() : null;
  const child = spawn(
    process.execPath,
    [
      permissionFlag(),
      ...(py ? [`--allow-fs-read=${py}`] : []),
      "--disallow-code-generation-from-strings",
      "--no-warnings",
      "--input-type=module",
      "-",
      ...(py ? [`${PYODIDE_ARG}${py}`] : []),
    ],
    { stdio: ["pipe", "ignore", "pipe", "ipc"], serialization: "advanced", env: { TZ: "UTC" } },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  child.stdin?.end(code);

  return new Promise<Contained>((resolve) => {
    const spans = new Map<number, Span>();
    let last: Span | null = null;
    const started = performance.now();
    let done = false;
    const finish = (r: Contained) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      child.kill("SIGKILL");
      resolve(r);
    };
    const stopAt = (message: string, s?: Span | null) =>
      finish({ ok: false, message, ...(s ? { file: moduleFile(s.module), callback: s.what.split(" ")[0] } : {}) });

    const timer = setInterval(() => {
      const now = performance.now();
      let oldest: Span | null = null;
      for (const s of spans.values()) if (!oldest || s.since < oldest.since) oldest = s;
      if (oldest && now - oldest.since > opts.budgetMs) {
        stopAt(`${oldest.module} ${oldest.what} did not return within ${opts.budgetMs} ms (at simulated ${secs(oldest.at)} s): the run was stopped. Look for an endless loop (--budget sets the limit).`, oldest);
      } else if (now - started > RUN_BUDGET_MS) {
        const c = last ? `; module code entered last: ${last.module} ${last.what} (at simulated ${secs(last.at)} s)` : "";
        stopAt(`the run did not finish within ${RUN_BUDGET_MS / 1000} s and was stopped${c}`, last);
      }
    }, 25);

    child.on("message", (m: unknown) => {
      if (typeof m !== "object" || m === null) return;
      const r = m as Record<string, unknown>;
      if (r.type === "enter" && typeof r.seq === "number") {
        // Ends first, and only of earlier spans (src/sandbox/spans.ts batches them).
        if (Array.isArray(r.closed)) for (const c of r.closed) if (typeof c === "number" && c < r.seq) spans.delete(c);
        const s = { module: String(r.module), what: String(r.what), at: Number(r.at) || 0, since: performance.now() };
        spans.set(r.seq, s);
        last = s;
      } else if (r.type === "exit" && Array.isArray(r.seqs)) {
        for (const c of r.seqs) spans.delete(c);
      } else if (r.type === "result") {
        const t = parseTrace(r.trace);
        finish(t.ok ? { ok: true, trace: t.trace } : { ok: false, message: `the engine process sent a malformed trace (${t.why}); it was ignored` });
      } else if (r.type === "failed") {
        finish({ ok: false, message: typeof r.message === "string" ? r.message : "the engine stopped" });
      }
    });
    child.on("exit", (code, signal) => {
      if (done) return;
      const open = [...spans.values()].pop();
      const c = open ? ` while ${open.module} ${open.what} was running (at simulated ${secs(open.at)} s)` : "";
      const why = stderr.trim().split("\n").slice(-3).join(" ") || `exit ${code ?? signal}`;
      stopAt(`the engine process stopped${c}: ${why}`, open);
    });
    child.on("error", (e) => stopAt(`the engine process could not run: ${e.message}`));
    child.send({ scenario, compiled } satisfies ChildRequest);
  });
}

/** The file a module reference names ("router.ts#X" → router.ts, "router.X" → router.py). */
function moduleFile(module: string): string {
  const r = parseModuleRef(module);
  return r.ok ? r.ref.file : module.split("#")[0];
}

/** The line of the first mention of `name` in `file`'s source (from the bundle's sourcemap), or undefined. */
function lineOf(compiled: CompileResult, file: string, name: string): number | undefined {
  const py = compiled.python?.[file];
  if (py !== undefined) {
    const line = py.split("\n").findIndex((l) => l.includes(`def ${name}`));
    return line >= 0 ? line + 1 : undefined;
  }
  for (const b of Object.values(compiled.bundles)) {
    try {
      const map = JSON.parse(b.map) as { sources?: string[]; sourcesContent?: Array<string | null> };
      const i = map.sources?.indexOf(file) ?? -1;
      const text = i >= 0 ? map.sourcesContent?.[i] : null;
      if (!text) continue;
      const line = text.split("\n").findIndex((l) => l.includes(name));
      if (line >= 0) return line + 1;
    } catch {
      // a bundle without a readable map: try the next
    }
  }
  return undefined;
}

/**
 * The pipeline's engine and host for a contained run (src/pipeline execute): the host
 * only carries the compiled modules to the engine, which runs them in the child. A run
 * that was stopped becomes a trace whose only error says why, located on the callback's
 * line (like a startup error: nothing else ran that can be trusted).
 */
export function containedEngine(opts: { budgetMs: number; esbuild: EsbuildLike & Bundler }): { host: HostFactory; engine: Engine } {
  const compiledOf = new WeakMap<ModuleHost, CompileResult>();
  const host: HostFactory = (compiled) => {
    const h: ModuleHost = {
      load: () => {
        throw new Error("contained: modules load in the engine process");
      },
      locate: (err) => ({ message: String(err) }),
    };
    compiledOf.set(h, compiled);
    return h;
  };
  const engine: Engine = async (scenario, { host: h }) => {
    const compiled = compiledOf.get(h);
    if (!compiled) throw new Error("contained: unknown host");
    const r = await runContained(scenario, compiled, opts);
    if (r.ok) return r.trace;
    const line = r.file && r.callback ? lineOf(compiled, r.file, r.callback) : undefined;
    const summary = { servers: scenario.servers.map((s) => s.name), users: scenario.users.map((u) => u.id), start_time: scenario.start_time, end: scenario.start_time };
    return {
      version: 1,
      scenario: summary,
      events: [],
      deliveries: [],
      final: {},
      expectations: [],
      errors: [{ kind: "module", message: r.message, ...(r.file ? { file: r.file } : {}), ...(line ? { line, column: 1 } : {}) }],
    };
  };
  return { host, engine };
}
