// The headless runner's engine process: evaluates a link's (untrusted) modules and runs
// the engine. src/cli/contain.ts bundles this file and starts it as
//   node --experimental-permission --disallow-code-generation-from-strings -
// (no file reads or writes, no child processes, no workers; module code cannot compile
// strings, so no `import()` through `new Function`), reading the script from stdin.
// Before any module code runs it captures its IPC channel and removes `process`,
// `fetch`, timers… from the global (lockdownNode). It posts a span around each entry of
// the engine into module code (src/sandbox/spans.ts); the parent's watchdog times them.
import { compileFunction } from "node:vm";
import { runScenario } from "../engine/index.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { END_REPORT_MS, spanFeed } from "../sandbox/spans.ts";
import { lockdownNode } from "../sandbox/lockdown.ts";
import { combineHosts, createPythonHost, type PyodideLike } from "../python/host.ts";
import { PYODIDE_ARG, loadPyodideInChild } from "./pyodide.ts";
import type { ChildReply, ChildRequest } from "./contain.ts";

const send = process.send?.bind(process);
const exit = process.exit.bind(process);
if (!send) throw new Error("child.ts runs under src/cli/contain.ts (an IPC channel)");
const post = (m: ChildReply) => send(m);
// The watchdog feed's timer, taken before lockdownNode() removes timers (src/sandbox/spans.ts).
const setTimer = setTimeout;
const later = (fn: () => void) => void setTimer(fn, END_REPORT_MS);

// A scenario with .py modules: Pyodide is loaded from node_modules (the one folder this
// process may read) before lockdown, as it needs Node's APIs to start. Everything that
// touches `process` happens before lockdownNode (which removes it).
const pyodideDir = process.argv.find((a) => a.startsWith(PYODIDE_ARG))?.slice(PYODIDE_ARG.length);
let ready: Promise<PyodideLike | null> = Promise.resolve(null);
process.once("message", (req: ChildRequest) => {
  void ready
    .then((py) => run(req, py))
    .catch((e: unknown) => post({ type: "failed", message: `Python (Pyodide) could not start: ${e instanceof Error ? e.message : String(e)}` }))
    .finally(() => exit(0));
});
if (pyodideDir) {
  ready = loadPyodideInChild(pyodideDir).finally(() => lockdownNode(globalThis));
} else {
  lockdownNode(globalThis);
}

async function run(req: ChildRequest, py: PyodideLike | null): Promise<void> {
  const evaluate = {
    // No importModuleDynamically: an `import()` in module code fails.
    compile: (code: string, params: readonly string[], url: string) => compileFunction(code, [...params], { filename: url }),
    lineOffset: 0,
  };
  const ts = createModuleHost(req.compiled, { evaluate });
  const inner = py && req.compiled.python ? combineHosts(ts, createPythonHost(py, req.compiled.python, req.scenario.seed)) : ts;
  const feed = spanFeed(post, { defer: later });
  const host = feed.watch(inner);
  try {
    const trace = await runScenario(req.scenario, { host, measure: false });
    feed.flush();
    await new Promise<void>((ok) => send!({ type: "result", trace } satisfies ChildReply, () => ok()));
  } catch (e) {
    post({ type: "failed", message: `The engine stopped: ${e instanceof Error ? e.message : String(e)}` });
  }
}
