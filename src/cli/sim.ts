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
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { runScenarioSource } from "./run.ts";
import { measureScale } from "../pipeline/scale.ts";
import { formatProjection, type ScaleProjection } from "../analysis/scale.ts";

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
  let scale: ScaleProjection | null = null;
  if (args.scale !== undefined) {
    if (looksLikeLink(args.input)) {
      process.stderr.write("sim: --scale runs scenario files only, not links\n");
      return 2;
    }
    const text = readFileSync(args.input, "utf8");
    try {
      // The generated worlds run like the scenario itself: contained, with the watchdog.
      scale = await measureScale(text, trace, args.scale, async (t) => {
        const o = await runScenarioSource({ text: t, scenarioPath: args.input, dir: dirname(args.input) }, deps);
        if (o.kind === "invalid") throw new Error(o.problems.join("; "));
        return o.trace;
      });
    } catch (e) {
      process.stderr.write(`sim: --scale: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  if (args.format === "json") process.stdout.write(JSON.stringify(scale ? { ...trace, scale } : trace, null, 2) + "\n");
  else process.stdout.write(formatTrace(trace) + (scale ? "\n" + formatProjection(scale) : ""));
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
