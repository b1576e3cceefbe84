/// <reference lib="webworker" />
// The engine worker. Bundled into one self-contained script (vite.config.ts,
// `virtual:engine-worker`) and started from a Blob URL inside the sandboxed iframe
// (src/sandbox/iframe-runtime.ts), so user module code runs in an opaque origin with a
// CSP that forbids every network request. It parses the scenario, evaluates the
// compiled modules and runs the engine; marks around module callbacks feed the
// iframe's watchdog.
import { parseScenario } from "../scenario/parse.ts";
import { runScenario } from "../engine/index.ts";
import { createModuleHost } from "../sandbox/host.ts";
import { markedHost } from "../sandbox/worker-callback-marks.ts";
import type { Scenario } from "../scenario/types.ts";
import type { CallbackMark, Diagnostic, RunReply, RunRequest } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

function post(m: RunReply | CallbackMark): void {
  self.postMessage(m);
}

function toDiagnostic(e: any, file: string): Diagnostic {
  return {
    file: e.file ?? file,
    line: e.line ?? 1,
    column: e.column ?? 1,
    endLine: e.endLine,
    endColumn: e.endColumn,
    message: e.path && !String(e.message).includes(e.path) ? `${e.path}: ${e.message}` : String(e.message),
    severity: e.severity === "warning" ? "warning" : "error",
    path: e.path,
  };
}

async function run(req: RunRequest): Promise<void> {
  const t0 = performance.now(); // wall time for the status bar only, never in the trace
  const parsed = parseScenario(req.scenarioText, req.scenarioFile) as any;
  if (!parsed.ok) {
    post({ type: "scenario-invalid", id: req.id, diagnostics: parsed.errors.map((e: any) => toDiagnostic(e, req.scenarioFile)) });
    return;
  }
  const startTime = () => parsed.scenario.start_time as number;
  const host = markedHost(createModuleHost(req.compileResult as any), startTime, (phase, seq, module, callback, at) =>
    post({ type: "callback", phase, seq, module, callback, at }),
  );
  try {
    const trace = await runScenario(parsed.scenario, { host, measure: true });
    const warnings = (parsed.warnings ?? []).map((w: any) => ({ ...toDiagnostic(w, req.scenarioFile), severity: "warning" as const }));
    // What the consistency checker needs from the scenario (the trace lacks time-0 rooms).
    const sc = parsed.scenario as Scenario;
    const hints = {
      rooms: sc.rooms.map((r) => ({ id: r.id, members: r.members })),
      excludedRooms: Object.fromEntries(sc.servers.map((s) => [s.name, s.exclude_rooms_from_presence])),
    };
    post({ type: "result", id: req.id, trace, ms: performance.now() - t0, warnings, hints });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "run-failed", id: req.id, error: { kind: "module", message: `The engine stopped: ${err.message}` } });
  }
}

// One run at a time, in arrival order (the iframe sends only the newest).
let chain: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<RunRequest>) => {
  if (ev.data?.type !== "run") return;
  chain = chain.then(() => run(ev.data));
};
