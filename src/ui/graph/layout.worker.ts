/// <reference lib="webworker" />
// The layout worker: runs the force layout (forceLayout.ts) off the main thread, so a
// 2,000-user world never blocks the page. App code, bundled by Vite as a self-hosted
// asset (layoutClient.ts imports it with `?worker`). One request at a time, in order.
import { layoutClusters } from "./forceLayout.ts";
import type { LayoutReply, LayoutRequest } from "./layoutClient.ts";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, input } = e.data;
  const t0 = performance.now(); // reported for the bench only, never part of a result
  try {
    const pos = layoutClusters(input);
    const positions: LayoutReply["positions"] = [];
    for (const [node, p] of pos) positions.push([node, p.x, p.y]);
    self.postMessage({ id, positions, ms: performance.now() - t0 } satisfies LayoutReply);
  } catch (err) {
    self.postMessage({ id, positions: [], ms: 0, error: err instanceof Error ? err.message : String(err) } satisfies LayoutReply);
  }
};
