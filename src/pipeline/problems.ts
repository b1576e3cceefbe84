// Problems as text ("file:line:col: severity: sentence (path)") and as editor diagnostics.
import type { Diagnostic, Problem } from "./types.ts";

function at(file: string, line: number | undefined, column: number | undefined): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 1}`;
}

/** One line for terminals: `scenario.yaml:12:5: error: message (steps[3].sync.user)`. */
export function formatProblem(p: Problem): string {
  return `${at(p.file, p.line, p.column)}: ${p.severity}: ${p.message}${p.path ? ` (${p.path})` : ""}`;
}

/** The editor's form: line 1 when unknown, the scenario path folded into the message. */
export function toDiagnostic(p: Problem): Diagnostic {
  return {
    file: p.file,
    line: p.line ?? 1,
    column: p.column ?? 1,
    endLine: p.endLine,
    endColumn: p.endColumn,
    message: p.path && !p.message.includes(p.path) ? `${p.path}: ${p.message}` : p.message,
    severity: p.severity,
    path: p.path,
  };
}
