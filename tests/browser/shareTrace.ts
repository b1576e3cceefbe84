// Trace comparison for the share/export browser tests. The playground runs the engine
// with `measure: true`, so router_call events carry wall-clock `ms` (scenario-format §4:
// recorded only when measured, else 0); the CLI does not measure. Everything else must
// match byte for byte: the text is checked to be exactly the canonical
// JSON.stringify(trace, null, 2) + "\n", then compared with those `ms` zeroed.
import assert from "node:assert/strict";

export function comparable(text: string): string {
  const trace = JSON.parse(text);
  assert.equal(JSON.stringify(trace, null, 2) + "\n", text, "the trace file is not in the canonical JSON layout");
  let routerCalls = 0;
  for (const e of trace.events ?? []) {
    if (e.type === "router_call" && typeof e.ms === "number") {
      e.ms = 0;
      routerCalls++;
    }
  }
  return JSON.stringify({ ...trace, __routerCalls: routerCalls }, null, 2) + "\n";
}
