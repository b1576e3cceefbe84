// The headless runner runs a link's module as untrusted code (docs/security.md "Headless
// runner"): under Node's permission model in a separate process, with the worker's ways
// out removed, and the same watchdog as the browser. Each hostile module below tries one
// thing; the test asserts it was denied or stopped, with a message saying so.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./run-sim.ts";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SCENARIO = `version: 1
servers:
  example.org:
    modules:
      - module: router.ts
users:
  "@alice:example.org": {}
  "@bob:example.org": {}
steps:
  - at: 0s
    presence: { user: "@alice:example.org", state: online }
  - at: 1s
    sync: { user: "@bob:example.org", set_presence: offline }
`;

/** A router whose get_interested_users runs `attack` (uncaught: it becomes the callback's error). */
const router = (attack: string) => `import type { ModuleApi, UserPresenceState } from "synapse";
const g = globalThis as any;
export default class Hostile {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states: Iterable<UserPresenceState>) => new Map([["@bob:example.org", new Set(states)]]),
      get_interested_users: async (_user: string) => {
${attack}
        return new Set<string>();
      },
    });
  }
}
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on a scenario with the given router.ts, without blocking this process's event loop. */
function simWith(attack: string, ...args: string[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "sim-contain-"));
  dirs.push(dir);
  writeFileSync(join(dir, "scenario.yaml"), SCENARIO);
  writeFileSync(join(dir, "router.ts"), router(attack));
  return new Promise((resolve) => {
    const p = spawn(TSX, ["src/cli/sim.ts", join(dir, "scenario.yaml"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), 60000);
    p.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("sim CLI contains untrusted modules", { timeout: 90000 }, () => {
  it("a module cannot write a file (getBuiltinModule, dynamic import)", async () => {
    const target = join(tmpdir(), `sim-pwned-${process.pid}`);
    rmSync(target, { force: true });
    const viaBuiltin = await simWith(`        g.process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(target)}, "pwned");`);
    expect(existsSync(target)).toBe(false);
    expect(viaBuiltin.code).toBe(0); // the callback's error is logged (R63); the run completes
    expect(viaBuiltin.stderr + viaBuiltin.stdout).toMatch(/get_interested_users (threw|raised) .*(process is not available in a module|ERR_ACCESS_DENIED)/);
    const viaImport = await simWith(`        const fs = await new Function("return import('node:fs')")();
        fs.writeFileSync(${JSON.stringify(target)}, "pwned");`);
    expect(existsSync(target)).toBe(false);
    expect(viaImport.stderr + viaImport.stdout).toMatch(/get_interested_users (threw|raised) .*(EvalError|Code generation from strings disallowed|ERR_ACCESS_DENIED)/);
  });

  it("a module cannot spawn a process", async () => {
    const target = join(tmpdir(), `sim-spawned-${process.pid}`);
    rmSync(target, { force: true });
    const r = await simWith(`        g.process.getBuiltinModule("child_process").execSync("touch ${target}");`);
    expect(existsSync(target)).toBe(false);
    expect(r.stderr + r.stdout).toMatch(/get_interested_users (threw|raised) .*(process is not available in a module|ERR_ACCESS_DENIED)/);
  });

  it("a module cannot open a socket", async () => {
    let connections = 0;
    const server = createServer((c) => {
      connections++;
      c.destroy();
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const port = (server.address() as { port: number }).port;
    const attempts = [
      `await new Promise((ok, ko) => { const s = g.process.getBuiltinModule("net").connect(${port}, "127.0.0.1", ok); s.on("error", ko); });`,
      `await g.fetch("http://127.0.0.1:${port}/");`,
      // Node's console holds its streams; a piped stream is a net.Socket.
      `const S = g.console._stderr?.constructor ?? g.console._stdout?.constructor; if (!S) throw new Error("no stream on console"); new S().connect(${port}, "127.0.0.1");`,
    ];
    const runs = await Promise.all(attempts.map((a) => simWith(`        ${a}`)));
    await new Promise((ok) => setTimeout(ok, 300));
    server.close();
    expect(connections).toBe(0);
    expect(runs[0].stderr + runs[0].stdout).toMatch(/get_interested_users (threw|raised) .*process is not available in a module/);
    expect(runs[1].stderr + runs[1].stdout).toMatch(/get_interested_users (threw|raised) .*fetch is not available in a module/);
    expect(runs[2].stderr + runs[2].stdout).toMatch(/get_interested_users (threw|raised) .*no stream on console/);
  });

  it("a module that hangs is stopped at the callback budget, named (--budget)", async () => {
    const r = await simWith(`        for (;;) {}`, "--budget", "500");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/router\.ts get_interested_users did not return within 500 ms \(at simulated \d+\.\d{3} s\)/);
  });

  it("--help says what the runner protects against and what it does not", async () => {
    const r = await new Promise<Run>((resolve) => {
      const p = spawn(TSX, ["src/cli/sim.ts", "--help"], { cwd: ROOT });
      let stdout = "";
      p.stdout.on("data", (d) => (stdout += d));
      p.on("close", (code) => resolve({ code, stdout, stderr: "" }));
    });
    expect(r.stdout).toMatch(/untrusted/i);
    expect(r.stdout).toMatch(/permission model/);
    expect(r.stdout).toMatch(/--budget/);
  });
});
