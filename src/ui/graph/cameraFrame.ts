// The camera's frame: the whole layout plus room for the labels, fixed so that filtering
// never re-zooms (DeliveryGraph). Setting sigma's frame always schedules a full redraw,
// and with WebGL composited in software (SwiftShader, no GPU) every redraw also costs a
// read-back of the canvas on the page's main thread (~50 ms on 2 cores): a re-run whose
// layout did not move keeps the frame it has.
import type { Point } from "./layout.ts";

export interface Frame {
  x: [number, number];
  y: [number, number];
}

/** The frame around these nodes (at `positions` where given); null for no nodes. */
export function cameraFrame(nodes: readonly (Point & { id: string })[], positions?: ReadonlyMap<string, Point> | null): Frame | null {
  if (nodes.length === 0) return null;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of nodes) {
    const p = positions?.get(n.id) ?? n;
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  // Room for the labels, which point outwards on the left and right.
  const padX = Math.max(4, (x1 - x0) * 0.15);
  const padY = Math.max(1, (y1 - y0) * 0.05);
  return { x: [x0 - padX, x1 + padX], y: [y0 - padY, y1 + padY] };
}

/** Same frame (sigma's current one may be unset). */
export function sameFrame(a: { x: readonly number[]; y: readonly number[] } | null | undefined, b: Frame): boolean {
  return !!a && a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];
}
