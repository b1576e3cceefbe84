// Where the spec lives relative to a checkout: ../shared/spec for /work/main, two levels
// up for worktrees under /work/wt/; $PRESENCE_SPEC overrides. Absent on CI's clean clone.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const GLOSSARY_FILE = "src/rules/glossary.json";

export function findSpec(root = process.cwd()): { path: string; text: string } | null {
  const candidates = [
    process.env.PRESENCE_SPEC,
    resolve(root, "../shared/spec/presence-semantics.md"),
    resolve(root, "../../shared/spec/presence-semantics.md"),
  ].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return { path: p, text: readFileSync(p, "utf8") };
  return null;
}
