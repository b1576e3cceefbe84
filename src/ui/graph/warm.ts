// A big result's graph data built before its first render, one piece per turn of the
// event loop: the routing decisions, the model, the force layout's input (each cached per
// trace, so the render finds them). In the 10,000-user world they were ~0.5 s of the one
// render task; now the page answers input between them. Small results skip this: their
// render is quick, and an edit's latency counts.
import { routingDecisions } from "../../analysis/decisions.ts";
import { nextTurn } from "../../trace/materialise.ts";
import type { Trace } from "../../trace/types.ts";
import { answeredLayoutOf } from "./layoutClient.ts";
import { buildGraphModel } from "./model.ts";

/** Deliveries from which a result's graph data is built ahead of its render. */
export const WARM_FROM_DELIVERIES = 50_000;

export function needsWarming(trace: Trace): boolean {
  return trace.deliveries.length >= WARM_FROM_DELIVERIES;
}

export async function warmGraph(trace: Trace, turn: () => Promise<void> = nextTurn): Promise<void> {
  routingDecisions(trace);
  await turn();
  const model = buildGraphModel(trace);
  await turn();
  answeredLayoutOf(model);
  await turn();
}
