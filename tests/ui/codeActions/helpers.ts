// Runs a module through the real pipeline, reads the checker's findings, and applies
// the code actions' fixes the way the editor would (one edit at a time, on the current text).
import { checkConsistency, type Finding } from "../../../src/analysis/consistency.ts";
import { fixSites } from "../../../src/ui/editor/codeActions/findingFixes.ts";
import { routerEdit, type OffsetEdit } from "../../../src/ui/editor/codeActions/routerFix.ts";
import { runWithFiles } from "../../lessons/pipeline.ts";
import type { Trace } from "../../../src/trace/types.ts";

export function applyEdits(src: string, edits: readonly OffsetEdit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export async function findings(scenario: string, files: Record<string, string>): Promise<{ trace: Trace; findings: Finding[] }> {
  const { trace } = await runWithFiles(scenario, files);
  return { trace, findings: checkConsistency(trace) };
}

/** Applies every offered fix of every finding; returns the new files and the titles used. */
export function applyAllFixes(found: readonly Finding[], files: Record<string, string>): { files: Record<string, string>; titles: string[]; exact: boolean[] } {
  const out = { ...files };
  const titles: string[] = [];
  const exact: boolean[] = [];
  for (const site of fixSites(found, files)) {
    for (const fix of site.fixes) {
      const e = routerEdit(out[site.file]!, site.lang, fix);
      if (!e) continue;
      out[site.file] = applyEdits(out[site.file]!, e.edits);
      titles.push(e.title);
      exact.push(e.exact);
    }
  }
  return { files: out, titles, exact };
}
