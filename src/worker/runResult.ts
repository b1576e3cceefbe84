// What a run reports besides the trace, shared by the engine worker and the build-time
// precomputed run (src/build/defaultRun.ts), so both give the store the same data.
import type { Scenario } from "../scenario/types.ts";
import type { RoomHints } from "../analysis/rooms.ts";
import type { Diagnostic } from "./protocol.ts";
import type { ScenarioIssue } from "../scenario/issues.ts";

export function toDiagnostic(e: Partial<ScenarioIssue> & { message: string }, file: string): Diagnostic {
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

export function scenarioWarnings(parsed: { warnings?: ScenarioIssue[] }, file: string): Diagnostic[] {
  return (parsed.warnings ?? []).map((w) => ({ ...toDiagnostic(w, file), severity: "warning" as const }));
}

/** What the consistency checker needs from the scenario (the trace lacks time-0 rooms). */
export function scenarioHints(sc: Scenario): RoomHints {
  return {
    rooms: sc.rooms.map((r) => ({ id: r.id, members: r.members })),
    excludedRooms: Object.fromEntries(sc.servers.map((s) => [s.name, s.exclude_rooms_from_presence])),
  };
}
