// Spawns the headless runner as a user would (tsx src/cli/sim.ts ...).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface SimRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function sim(...args: string[]): SimRun {
  const r = spawnSync(TSX, ["src/cli/sim.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
