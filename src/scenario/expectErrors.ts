// The `no_errors` expectation (scenario-format §3): no module error, no wrong-typed
// result, no failed request (other than those a `request` expectation expects), and
// nothing that stopped the run.
import type { Trace } from "../trace/types.ts";
import { formatDuration } from "./durations.ts";

type RunTrace = Omit<Trace, "expectations">;

/** `expected`: labels of requests whose outcome a `request` expectation checks; their failures are not problems here. */
export function noErrors(t: RunTrace, expected: ReadonlySet<string> = new Set()): { ok: boolean; detail: string; event?: number } {
  const problems: Array<{ text: string; event?: number }> = [];
  for (const e of t.errors) problems.push({ text: `the run stopped: ${e.message}` });
  t.events.forEach((e, i) => {
    const at = formatDuration(e.at);
    switch (e.type) {
      case "error":
        problems.push({ text: `error on ${e.server} at ${at}: ${e.message}`, event: i });
        break;
      case "router_call":
        if (e.error) problems.push({ text: `${e.module} ${e.callback} threw on ${e.server} at ${at}: ${e.error.message}`, event: i });
        else if (e.warnings.length) problems.push({ text: `${e.module} ${e.callback} on ${e.server} at ${at}: ${e.warnings[0]}`, event: i });
        break;
      case "request":
        if (e.response.status >= 400 && !(e.label !== null && expected.has(e.label))) {
          const body = e.response.body as { errcode?: unknown; error?: unknown } | null;
          const why = body && typeof body === "object" ? [body.errcode, body.error].filter((x) => typeof x === "string").join(" ") : "";
          problems.push({ text: `${e.request.method} ${e.request.path} by ${e.request.user} at ${at} failed: ${e.response.status}${why ? ` ${why}` : ""}`, event: i });
        }
        break;
      case "sync":
        if (e.error && !(e.label !== null && expected.has(e.label))) problems.push({ text: `/sync by ${e.user} at ${at} failed: ${e.error.status} ${e.error.errcode} ${e.error.message}`, event: i });
        break;
      case "module_call":
        if (e.error) problems.push({ text: `${e.call} (${e.module ?? "module_api step"}) on ${e.server} at ${at} failed: ${e.error}`, event: i });
        break;
    }
  });
  if (problems.length === 0) return { ok: true, detail: "no module errors, wrong-typed results or failed requests" };
  const first = problems[0];
  const detail = problems.length === 1 ? first.text : `${problems.length} problems; first: ${first.text}`;
  return first.event === undefined ? { ok: false, detail } : { ok: false, detail, event: first.event };
}
