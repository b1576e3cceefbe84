// Command-line arguments of the headless runner. Parsing only: what an input names
// (a scenario file today; a permalink later) is decided by the caller.

export type Format = "json" | "text";

export const DEFAULT_BASE = "http://localhost:5173/";

export type Args =
  | { kind: "run"; input: string; format: Format; budgetMs: number; scale?: number }
  | { kind: "share"; input: string; base: string }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

export const USAGE = `usage: npm run --silent sim -- <scenario.yaml | permalink> [--format json|text] [--budget MS] [--scale N]
       npm run --silent sim -- --share <scenario.yaml> [--base URL]

Runs a scenario (and the module files it names, relative to it) through the simulated
Synapse and prints the run trace: a readable timeline (text, the default) or the trace
JSON (--format json). A playground permalink ('https://…/#v1.…', or just '#v1.…') runs
the files and scenario it carries. --share prints the permalink for a scenario and its
modules instead (base URL: --base, or $PLAYGROUND_URL, or ${DEFAULT_BASE}).

--budget MS: wall-clock limit for one entry into module code (default 1000 ms); a module
over it is stopped and named, and so is a run longer than 120 s.

--scale N: also run the same world copied 2× and 4× (every user, room, client and step
repeated under new ids; same servers and router config) and project router calls, EDUs
and wake-ups per simulated minute to N users (linear or quadratic fit). Scenario files only.

Module code is treated as untrusted (a link is code from a stranger). It runs in a
separate Node process under Node's permission model (no file reads or writes, no child
processes, no workers), cannot compile code from strings, and has \`process\`, \`fetch\` and
timers removed, so it cannot touch your files, start programs or reach the network.
Not protected: Node 20's permission model does not cover the network, so that rests on
the removed APIs alone; a module can use CPU and memory up to the budgets; and the trace
it produces is only as honest as the module. This process itself reads the scenario and
module files and runs esbuild with your privileges.

exit status: 0 all expectations pass · 1 an expectation fails · 2 bad scenario or module, or bad usage`;

/** Parses argv (without node and script). Flags may come before or after the input. */
export function parseArgs(argv: readonly string[]): Args {
  let format: Format = "text";
  let budgetMs = 1000;
  let share = false;
  let scale: number | undefined;
  let base = process.env.PLAYGROUND_URL || DEFAULT_BASE;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return { kind: "help" };
    if (a === "--format" || a.startsWith("--format=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v !== "json" && v !== "text") return { kind: "usage-error", message: `--format must be json or text, not ${v === undefined ? "nothing" : `'${v}'`}` };
      format = v;
    } else if (a === "--budget" || a.startsWith("--budget=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 100 || n > 600000) return { kind: "usage-error", message: `--budget must be a whole number of milliseconds from 100 to 600000, not ${v === undefined ? "nothing" : `'${v}'`}` };
      budgetMs = n;
    } else if (a === "--scale" || a.startsWith("--scale=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1 || n > 10_000_000) return { kind: "usage-error", message: `--scale must be a whole number of users from 1 to 10000000, not ${v === undefined ? "nothing" : `'${v}'`}` };
      scale = n;
    } else if (a === "--share") {
      share = true;
    } else if (a === "--base" || a.startsWith("--base=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v || !/^https?:\/\//.test(v)) return { kind: "usage-error", message: `--base must be an http(s) URL, not ${v === undefined ? "nothing" : `'${v}'`}` };
      base = v;
    } else if (a === "--") {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return { kind: "usage-error", message: `unknown option ${a}` };
    else inputs.push(a);
  }
  if (inputs.length === 0) return { kind: "usage-error", message: "no scenario file given" };
  if (inputs.length > 1) return { kind: "usage-error", message: `one scenario at a time (got ${inputs.join(", ")})` };
  if (share) return { kind: "share", input: inputs[0], base };
  return { kind: "run", input: inputs[0], format, budgetMs, ...(scale !== undefined && { scale }) };
}
