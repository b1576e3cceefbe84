// Per-run playground limits (src/engine/recorder.ts, docs/security.md): trace events and
// module console output. Exactly at a limit everything is kept; one past it is dropped
// and a single warning names the limit; the run's other results are unaffected.
import { describe, expect, it } from "vitest";
import { CONSOLE, LIMITS, Recorder } from "../../src/engine/recorder.ts";
import { createModuleEnv } from "../../src/engine/modules/env.ts";
import type { TraceEvent } from "../../src/trace/types.ts";
import { recordingServerApi } from "./support/host.ts";

const wake = (i: number): TraceEvent => ({ at: i, server: "example.org", type: "wake", user: "@a:example.org", reasons: [] });
const line = (message: string) => Object.defineProperty({ at: 0, server: "example.org", type: "log", level: "info", message, module: "router.ts" } as TraceEvent, CONSOLE, { value: true });
const warnings = (r: Recorder) => r.all().filter((e) => e.type === "log" && e.level === "warning");

describe("recorder limits", () => {
  it("trace events: exactly LIMITS.events are kept; the next is dropped with one warning naming the limit", () => {
    const r = new Recorder();
    let kept = 0;
    for (let i = 0; i < LIMITS.events; i++) kept += r.emit(wake(i)) ? 1 : 0;
    expect(kept).toBe(LIMITS.events);
    expect(warnings(r)).toEqual([]);
    expect(r.emit(wake(LIMITS.events))).toBe(false);
    expect(r.emit(wake(LIMITS.events + 1))).toBe(false);
    const w = warnings(r);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ module: "playground limit", message: expect.stringMatching(/playground limit of 200000 trace events/) });
    expect(r.all()).toHaveLength(LIMITS.events + 1);
    r.deliver({ at: 0, server: "example.org", source: "@a:example.org", viewer: "@b:example.org", transport: "sync", state: "online", via: [] });
    expect(r.deliveries).toHaveLength(1); // deliveries are not capped by the event limit
  });

  it("a reserved slot past the limit is not recorded, and filling it notes the limit", () => {
    const r = new Recorder();
    for (let i = 0; i < LIMITS.events - 1; i++) r.emit(wake(i));
    const last = r.reserve();
    expect(last).toBe(LIMITS.events - 1);
    expect(r.reserve()).toBe(-1);
    r.fill(last, wake(1));
    r.fill(-1, wake(2));
    expect(r.all()).toHaveLength(LIMITS.events + 1);
    expect(warnings(r)).toHaveLength(1);
  });

  it("console lines: exactly LIMITS.consoleLines are kept; the next is dropped with a warning on the module", () => {
    const r = new Recorder();
    let kept = 0;
    for (let i = 0; i < LIMITS.consoleLines; i++) kept += r.emit(line(`l${i}`)) ? 1 : 0;
    expect(kept).toBe(LIMITS.consoleLines);
    expect(r.emit(line("one too many"))).toBe(false);
    expect(warnings(r)).toEqual([expect.objectContaining({ module: "router.ts", message: expect.stringMatching(/console output reached the playground limit of 10000 lines per run/) })]);
    expect(r.emit(wake(0))).toBe(true); // other events still recorded
  });

  it("console bytes: exactly LIMITS.consoleBytes characters are kept; one more is dropped", () => {
    const r = new Recorder();
    const big = "x".repeat(LIMITS.consoleBytes / 2);
    expect(r.emit(line(big))).toBe(true);
    expect(r.emit(line(big))).toBe(true);
    expect(r.emit(line("y"))).toBe(false);
    expect(warnings(r)).toHaveLength(1);
  });

  it("the module console stops formatting once the run's limit is reached", () => {
    const r = new Recorder();
    const env = createModuleEnv({ api: recordingServerApi(), emit: (e) => r.emit(e), seed: 1, module: "router.ts" });
    let formatted = 0;
    const arg = { toString: () => `${++formatted}` };
    for (let i = 0; i < LIMITS.consoleLines + 50; i++) env.console("log", [String(arg)]);
    expect(r.all().filter((e) => e.type === "log" && e.level === "info")).toHaveLength(LIMITS.consoleLines);
    const probe = { get calls() { formatted++; return "x"; } };
    const before = formatted;
    env.console("log", [probe]);
    expect(formatted).toBe(before); // not even looked at
  });
});
