// The headless runner: `npm run --silent sim -- <scenario.yaml> [--format json|text]`.
// stdout: the run trace (JSON or a readable timeline); stderr: problems as
// "file:line:col: sentence". Exit 0 all expectations pass, 1 one fails, 2 bad input.
process.env.TZ = "UTC"; // module code's local-time Date methods must not depend on the machine

import * as esbuild from "esbuild";
import { formatTrace } from "../trace/text.ts";
import { USAGE, parseArgs } from "./args.ts";
import { runScenarioFile, type Outcome } from "./run.ts";
import { looksLikeLink, runLink, shareScenarioFile } from "./link.ts";
import { containedEngine } from "./contain.ts";

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (args.kind === "usage-error") {
    process.stderr.write(`sim: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.kind === "share") {
    const r = shareScenarioFile(args.input, args.base);
    if (!r.ok) {
      for (const p of r.problems) process.stderr.write(p + "\n");
      return 2;
    }
    process.stdout.write(r.link + "\n");
    return 0;
  }
  // A link's modules are a stranger's code: they run contained (src/cli/contain.ts).
  const deps = { esbuild, ...containedEngine({ budgetMs: args.budgetMs, esbuild }) };
  const outcome: Outcome = looksLikeLink(args.input) ? await runLink(args.input, deps) : await runScenarioFile(args.input, deps);
  for (const w of outcome.warnings) process.stderr.write(w + "\n");
  if (outcome.kind === "invalid") {
    for (const p of outcome.problems) process.stderr.write(p + "\n");
    return 2;
  }
  const { trace } = outcome;
  process.stdout.write(args.format === "json" ? JSON.stringify(trace, null, 2) + "\n" : formatTrace(trace));
  for (const p of outcome.problems) process.stderr.write(p + "\n");
  if (outcome.problems.length) return 2;
  return trace.expectations.every((x) => x.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
