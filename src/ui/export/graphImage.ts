// The delivery graph as an image. SVG: generated from the graph model (nodes, edges,
// layout positions, the same styling as the live graph), never from the canvas, so it is
// crisp and diffable. PNG: the live sigma canvas layers composited (rendered right before
// reading, so the WebGL buffer is valid); without a live WebGL graph, the SVG rasterised.
import type { Trace } from "../../trace/types.ts";
import { graphAt } from "../graph/model.ts";
import type { GraphFilters } from "../graph/graphFilters.ts";
import { styleGraph } from "../graph/style.ts";
import { VIA_COLORS, VIA_LABELS, type ViaKind } from "../graph/via.ts";
import type Sigma from "sigma";

const W = 1200;
const H = 900;
const PAD = 60;

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** "#rrggbbaa" → colour + opacity attributes (portable outside browsers). */
function paint(attr: "fill" | "stroke", color: string): string {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(color);
  if (!m) return `${attr}="${xmlEscape(color)}"`;
  return `${attr}="#${m[1]}" ${attr}-opacity="${(parseInt(m[2]!, 16) / 255).toFixed(2)}"`;
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

export function graphSvg(trace: Trace, time: number, filters: GraphFilters, selected: string | null): string {
  const view = graphAt(trace, time, filters);
  const styled = styleGraph(view, selected, false);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of styled.nodes.values()) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x);
    maxY = Math.max(maxY, n.y);
  }
  if (!Number.isFinite(minX)) minX = minY = maxX = maxY = 0;
  const scale = Math.min((W - 2 * PAD) / Math.max(maxX - minX, 1e-9), (H - 2 * PAD - 40) / Math.max(maxY - minY, 1e-9));
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const ox = (W - (maxX - minX) * s) / 2;
  const oy = 40 + (H - 40 - (maxY - minY) * s) / 2;
  const px = (x: number) => ox + (x - minX) * s;
  const py = (y: number) => oy + (y - minY) * s;

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif">`);
  out.push(`<title>Delivery graph at ${f(time / 1000)} s (${view.deliveries} deliveries)</title>`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="16" y="26" font-size="16" fill="#1e293b">Delivery graph at ${f(time / 1000)} s · ${view.nodes.filter((n) => n.kind === "user").length} users · ${view.edges.length} edges · ${view.deliveries} deliveries</text>`);
  out.push(`<g id="edges" stroke-linecap="round">`);
  for (const [key, e] of styled.edges) {
    const a = styled.nodes.get(e.source);
    const b = styled.nodes.get(e.target);
    if (!a || !b) continue;
    out.push(`<line data-edge="${xmlEscape(key)}" x1="${f(px(a.x))}" y1="${f(py(a.y))}" x2="${f(px(b.x))}" y2="${f(py(b.y))}" ${paint("stroke", e.color)} stroke-width="${f(e.size)}"/>`);
  }
  out.push(`</g>`);
  out.push(`<g id="nodes">`);
  for (const [id, n] of styled.nodes) {
    out.push(`<circle data-node="${xmlEscape(id)}" cx="${f(px(n.x))}" cy="${f(py(n.y))}" r="${f(n.size)}" ${paint("fill", n.color)} stroke="#ffffff" stroke-width="1"><title>${xmlEscape(id)}</title></circle>`);
  }
  out.push(`</g>`);
  out.push(`<g id="labels" font-size="12" fill="#1e293b">`);
  for (const n of styled.nodes.values()) {
    out.push(`<text x="${f(px(n.x) + n.size + 3)}" y="${f(py(n.y) + 4)}">${xmlEscape(n.label)}</text>`);
  }
  out.push(`</g>`);
  const kinds = Object.keys(VIA_COLORS) as ViaKind[];
  out.push(`<g id="legend" font-size="11" fill="#334155">`);
  kinds.forEach((k, i) => {
    const y = H - 16 - (kinds.length - 1 - i) * 16;
    out.push(`<line x1="16" y1="${y - 4}" x2="36" y2="${y - 4}" stroke="${VIA_COLORS[k]}" stroke-width="3"/><text x="42" y="${y}">${xmlEscape(VIA_LABELS[k])}</text>`);
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

function canvasToBlob(c: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((ok) => c.toBlob((b) => ok(b), "image/png"));
}

function blank(ctx: CanvasRenderingContext2D, w: number, h: number): boolean {
  const data = ctx.getImageData(0, 0, w, h).data;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) return false;
  }
  return true;
}

/** The live sigma layers composited on a white background; null when there is none. */
function compositeLive(sigma: Sigma | null): HTMLCanvasElement | null {
  if (!sigma) return null;
  try {
    sigma.refresh(); // render now: the WebGL buffer is readable until this task ends
    const container = sigma.getContainer();
    const layers = [...container.querySelectorAll("canvas")];
    const w = Math.max(0, ...layers.map((c) => c.width));
    const h = Math.max(0, ...layers.map((c) => c.height));
    if (!w || !h) return null;
    const out = document.createElement("canvas");
    out.width = w;
    out.height = h;
    const ctx = out.getContext("2d");
    if (!ctx) return null;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, h);
    for (const c of layers) ctx.drawImage(c, 0, 0, w, h);
    return blank(ctx, w, h) ? null : out;
  } catch {
    return null;
  }
}

async function rasterise(svg: string): Promise<HTMLCanvasElement | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = W;
    c.height = H;
    const ctx = c.getContext("2d");
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0);
    return c;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** `live`: the mounted renderer, composited when present (what the user sees). */
export async function graphPng(trace: Trace, time: number, filters: GraphFilters, selected: string | null, liveRenderer: Sigma | null = null): Promise<Blob | null> {
  const live = compositeLive(liveRenderer);
  if (live) return canvasToBlob(live);
  const c = await rasterise(graphSvg(trace, time, filters, selected));
  return c ? canvasToBlob(c) : null;
}
