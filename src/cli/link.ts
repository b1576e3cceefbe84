// Permalinks in the headless runner: run the files a link carries, or make a link for a
// scenario on disk. The codec is the playground's own (src/share/codec.ts).
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildLink, decodeLink, LinkError } from "../share/codec.ts";
import { cwdLabel, diskReader } from "./files.ts";
import { runScenarioSource, type Outcome, type RunnerDeps } from "./run.ts";
import { formatProblem, gatherModules, parse } from "../pipeline/index.ts";

/** Whether a command-line input is a permalink rather than a file path. */
export function looksLikeLink(input: string): boolean {
  return /^https?:\/\//.test(input) || /^#?v\d+\./.test(input);
}

export async function runLink(link: string, deps: RunnerDeps): Promise<Outcome> {
  let state;
  try {
    state = decodeLink(link);
  } catch (e) {
    const why = e instanceof LinkError ? e.message : String(e);
    return { kind: "invalid", problems: [`link: ${why}`], warnings: [] };
  }
  const files = new Map(state.files);
  return runScenarioSource({ text: state.scenario, scenarioPath: "scenario.yaml", dir: ".", read: (n) => files.get(n) ?? null }, deps);
}

export type ShareOutcome = { ok: true; link: string } | { ok: false; problems: string[] };

/** The link for a scenario file and the module files it names (and what they import). */
export function shareScenarioFile(path: string, base: string): ShareOutcome {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ok: false, problems: [`${path}: cannot read the scenario`] };
  }
  const parsed = parse({ text, path });
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map(formatProblem) };
  const dir = dirname(path);
  const { files, entries, problems } = gatherModules(parsed, diskReader(dir), cwdLabel(dir));
  if (problems.length) return { ok: false, problems: problems.map(formatProblem) };
  const link = buildLink(base, {
    files: Object.entries(files),
    scenario: text,
    view: { tab: entries[0] ?? "scenario.yaml", user: null, time: 0 },
  });
  return { ok: true, link };
}
