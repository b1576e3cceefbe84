// Asks the layout worker (layout.worker.ts) for the force layout of a graph model, once
// per distinct layout input: an edit that leaves the graph's users and sync edges as they
// were (most code edits) reuses the positions instead of running the layout again. The worker is created on first use (a dynamic import: small worlds never
// load it) and kept for the page's lifetime. Until it answers, the graph shows the
// cluster layout (layout.ts), computed synchronously in a few milliseconds; if workers
// are unavailable it stays on the cluster layout rather than block the main thread.
import { useEffect, useMemo, useState } from "react";
import type { ClusterInput } from "./forceLayout.ts";
import type { Point } from "./layout.ts";
import { forceInputOf, type GraphModel } from "./model.ts";

export interface LayoutRequest {
  id: number;
  input: ClusterInput[];
}

export interface LayoutReply {
  id: number;
  /** [node, x, y] */
  positions: Array<[string, number, number]>;
  /** Wall time in the worker (bench only). */
  ms: number;
  error?: string;
}

type Positions = ReadonlyMap<string, Point>;

let worker: Promise<Worker> | null = null;
let nextId = 1;
const waiting = new Map<number, (r: LayoutReply) => void>();
/**
 * Layouts by their input (layoutKey), newest last; a few kept, for edits back and forth.
 * `answer` is set once the request has answered: a re-run with the same input gets its
 * positions at once (answeredLayoutOf).
 */
interface Layout {
  promise: Promise<Positions | null>;
  answer?: { positions: Positions | null };
}
const results = new Map<string, Layout>();
const KEEP = 4;
/** Each model's layout key (null: a small world, no force layout), computed once. */
const keys = new WeakMap<GraphModel, { key: string; input: ClusterInput[] } | null>();

/**
 * Timings of answered layouts, newest last, for the bench (window.__layoutTimes): the
 * worker's own time and when the page asked and got the answer (performance.now()).
 * Never part of a result.
 */
export const layoutTimes: Array<{ nodes: number; edges: number; ms: number; asked: number; answered: number }> = [];
if (typeof window !== "undefined") Object.defineProperty(window, "__layoutTimes", { configurable: true, value: layoutTimes });

function theWorker(): Promise<Worker> {
  worker ??= import("./layout.worker.ts?worker").then(({ default: LayoutWorker }) => {
    const w = new LayoutWorker();
    w.onmessage = (e: MessageEvent<LayoutReply>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.(e.data);
    };
    // A worker that cannot start answers every request with an error (the cluster layout stays).
    w.onerror = () => {
      for (const [id, done] of waiting) done({ id, positions: [], ms: 0, error: "the layout worker failed" });
      waiting.clear();
    };
    return w;
  });
  return worker;
}

/** What the layout depends on, as a string: equal inputs give equal layouts (the layout is deterministic). */
export function layoutKey(input: readonly ClusterInput[]): string {
  return JSON.stringify(input);
}

/** The force layout of `model` (null: a small world, or no worker). Cached per layout input. */
export function forceLayoutOf(model: GraphModel): Promise<Positions | null> {
  const k = keyOf(model);
  if (k === null) return Promise.resolve(null);
  const { key, input } = k;
  const known = results.get(key);
  if (known) {
    results.delete(key); // now the newest
    results.set(key, known);
    return known.promise;
  }
  const layout: Layout = { promise: request(input) };
  void layout.promise.then((positions) => (layout.answer = { positions }));
  results.set(key, layout);
  if (results.size > KEEP) results.delete(results.keys().next().value!);
  return layout.promise;
}

function keyOf(model: GraphModel): { key: string; input: ClusterInput[] } | null {
  let k = keys.get(model);
  if (k === undefined) {
    const input = forceInputOf(model);
    keys.set(model, (k = input === null ? null : { key: layoutKey(input), input }));
  }
  return k;
}

/**
 * The force positions of `model` if a model with the same layout input has had its answer
 * (undefined: not yet). A re-run whose users and sync edges did not change then draws
 * with the positions on screen at once, instead of the cluster layout for a moment: a
 * move of every node and back, two full redraws of a big graph per edit.
 */
export function answeredLayoutOf(model: GraphModel): Positions | null | undefined {
  const k = keyOf(model);
  return k === null ? null : results.get(k.key)?.answer?.positions;
}

async function request(input: ClusterInput[]): Promise<Positions | null> {
  let w: Worker;
  try {
    w = await theWorker();
  } catch {
    return null;
  }
  const id = nextId++;
  const asked = performance.now();
  const reply = await new Promise<LayoutReply>((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, input } satisfies LayoutRequest);
  });
  if (reply.error) return null;
  layoutTimes.push({ nodes: input.reduce((n, c) => n + c.nodes.length, 0), edges: input.reduce((n, c) => n + c.edges.length, 0), ms: reply.ms, asked, answered: performance.now() });
  return new Map(reply.positions.map(([n, x, y]) => [n, { x, y }]));
}

/** React: the force positions of `model` once the worker has answered, else null. */
export function useForceLayout(model: GraphModel | null): Positions | null {
  const known = useMemo(() => (model ? answeredLayoutOf(model) : null), [model]);
  const [state, setState] = useState<{ model: GraphModel; pos: Positions } | null>(null);
  useEffect(() => {
    if (!model) return;
    let live = true;
    void forceLayoutOf(model).then((pos) => {
      if (live && pos) setState({ model, pos });
    });
    return () => {
      live = false;
    };
  }, [model]);
  return state && state.model === model ? state.pos : (known ?? null);
}
