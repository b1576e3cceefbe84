// The delivery graph: who received whose presence, and why, up to `time`.
//
// Props (independent of the store: props in, callbacks out):
//   trace         the run trace, or null (draws an empty frame)
//   time          ms offset; deliveries with at <= time are drawn, the last RECENT_WINDOW_MS highlighted
//   filters       GraphFilters (graphFilters.ts), edited by <GraphFiltersBar>
//   selectedUser  highlights their incoming deliveries and dims the rest
//   onSelectUser  click on a user (null: click on the background or a hub)
//   onHoverUser   optional, hover in/out of a user
//   stale         the trace is from an older module version (drawn faded)
//   diff          optional run-diff highlight { added, removed } of [from, to] user pairs:
//                 added pairs drawn thick green, removed ones as dashed ghost edges
//   files         the module sources (edge panel: jump-to-line), onReveal(loc) jumps
//   onClearFilters  optional: when the filters hide every delivery so far, a hint with a
//                 "Clear filters" button calls it
//   staleNote     optional: why the trace is stale ("scenario.yaml has errors"), shown
//                 in the label over the dimmed graph
//   emptyNote     optional: what to show while there is no trace yet (default "No run yet.")
//
// Every edge has an arrowhead (source → the user who received the presence). Router
// decisions that delivered nothing are dashed, styled by outcome (decisionStyle.ts);
// routed users with no sync or not in the scenario are flagged. A click on an edge opens
// the EdgePanel (router calls, wake-ups, deliveries behind it).
//
// sigma.js v4 (WebGL) draws a graphology graph that is updated incrementally
// (syncGraph.ts) when time, filters or selection change; sigma itself is created once
// per theme. Without WebGL it falls back to an SVG drawing (GraphFallback.tsx).
//
// Test hook: the container has data-testid="delivery-graph" with data-nodes (visible
// nodes), data-edges (visible aggregated edges), data-deliveries (deliveries up to time)
// and data-renderer ("webgl" | "fallback"), data-decisions / data-decision-edges
// ("outcome:from>to", up to 100), data-flags ("kind:user"), data-labels-shown /
// data-labels (user labels sigma drew, up to 60). The edges themselves: visibleEdges() in model.ts.
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { MultiDirectedGraph } from "graphology";
import Sigma, { DEFAULT_STYLES } from "sigma";
import { extremityArrow, layerDashed, layerPlain, pathLine, pathLoop } from "sigma/rendering";
import type { Trace } from "../../trace/types.ts";
import type { TargetFlag } from "../../analysis/decisions.ts";
import { buildGraphModel } from "./model.ts";
import { viewAt } from "./playhead.ts";
import { COLLAPSED, drillBack, drillInto, isGroupId, type Drill } from "./grouping.ts";
import { useForceLayout } from "./layoutClient.ts";
import { isDefaultFilters, type GraphFilters } from "./graphFilters.ts";
import { styleGraph, type RunDiffHighlight, type StyledGraph } from "./style.ts";
import { EdgePanel } from "./EdgePanel.tsx";
import { GraphControls } from "./GraphControls.tsx";
import { syncGraph } from "./syncGraph.ts";
import { cameraFrame, sameFrame } from "./cameraFrame.ts";
import { forgetStaleHover } from "./staleHover.ts";
import { usePrefersDark } from "./usePrefersDark.ts";
import { NodeTooltip } from "./NodeTooltip.tsx";
import { GraphFallback } from "./GraphFallback.tsx";
import { graphCommitted, seqOf } from "../boot/perf.ts";
import { PlaygroundContext } from "../context.ts";
import { RuleText } from "../glossary/RuleText.tsx";

export interface DeliveryGraphProps {
  trace: Trace | null;
  time: number;
  filters: GraphFilters;
  selectedUser: string | null;
  onSelectUser(u: string | null): void;
  onHoverUser?(u: string | null): void;
  stale?: boolean;
  className?: string;
  diff?: RunDiffHighlight | null;
  files?: Readonly<Record<string, string>>;
  onReveal?(loc: { file: string; line: number; column: number }): void;
  onClearFilters?(): void;
  staleNote?: string;
  emptyNote?: ReactNode;
}

interface Hover {
  node: string;
  x: number;
  y: number;
}

const DIMMED = "opacity-40 grayscale";
const GROUP_BTN = "rounded border border-slate-300 bg-white/90 px-1.5 py-0.5 text-slate-700 shadow-sm hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200 dark:hover:bg-slate-700";
const EMPTY: StyledGraph = { nodes: new Map(), edges: new Map() };
const NO_FILES: Readonly<Record<string, string>> = {};

/**
 * Edges: straight (self deliveries as loops) with an arrowhead; a plain layer for solid
 * edges and a dashed layer that is transparent unless the edge has dashSize and gapSize
 * (then its plain colour is transparent and the dashes carry dashColor).
 */
const PRIMITIVES = {
  edges: {
    paths: [pathLine(), pathLoop()],
    extremities: [extremityArrow({ lengthRatio: 4, widthRatio: 3.5 })],
    variables: {
      dashSize: { type: "number" as const, default: 0 },
      gapSize: { type: "number" as const, default: 0 },
      dashColor: { type: "color" as const, default: "#00000000" },
    },
    layers: [
      layerPlain(),
      layerDashed({ dashSize: { attribute: "dashSize", default: 0 }, gapSize: { attribute: "gapSize", default: 0 }, dashColor: { attribute: "dashColor" }, solidExtremities: "head" }),
    ],
  },
};


export function DeliveryGraph({ trace, time, filters, selectedUser, onSelectUser, onHoverUser, stale, className, diff, files, onReveal, onClearFilters, staleNote, emptyNote }: DeliveryGraphProps) {
  const dark = usePrefersDark();
  // The playground's holder of the mounted renderer (image export composites its layers).
  const holder = useContext(PlaygroundContext)?.graph ?? null;
  const stageRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const graphRef = useRef<MultiDirectedGraph | null>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [edge, setEdge] = useState<string | null>(null);
  // Latency stamp (boot/perf.ts): the edit whose trace the next rendered frame shows.
  const pendingSeq = useRef<number | null>(null);
  // Latest callbacks without re-binding sigma's handlers.
  const hovered = useRef<string | null>(null);
  const cb = useRef({ onSelectUser, onHoverUser });
  cb.current = { onSelectUser, onHoverUser };

  const model = useMemo(() => (trace ? buildGraphModel(trace) : null), [trace]);
  // Big worlds: the force layout from the worker replaces the cluster layout when it answers.
  const positions = useForceLayout(model);
  // Big worlds: which groups are open. Kept across re-runs while the groups stay the same.
  const [drill, setDrill] = useState<Drill>(COLLAPSED);
  const groupsKey = model?.grouping?.groups.map((g) => g.id).join("\n") ?? "";
  useEffect(() => setDrill(COLLAPSED), [groupsKey]);
  const view = useMemo(() => (trace ? viewAt(trace, time, filters, 0, { drill, positions }) : null), [trace, time, filters, drill, positions]);
  const styled = useMemo(() => (view ? styleGraph(view, selectedUser, dark, diff ?? null) : EMPTY), [view, selectedUser, dark, diff]);
  // Deliveries happened by now, yet the filters leave no edge at all.
  const filteredOut = view !== null && view.deliveries > 0 && view.edges.length === 0 && view.decisions.length === 0 && !isDefaultFilters(filters);

  // Create sigma once per theme (label colours are part of its styles).
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || failure) return;
    const graph = new MultiDirectedGraph();
    let sigma: Sigma;
    try {
      sigma = new Sigma(graph, stage, {
        settings: { allowInvalidContainer: true, itemSizesReference: "screen", renderEdgeLabels: false, labelRenderedSizeThreshold: 2, labelDensity: 1, labelGridCellSize: 70, hideEdgesOnMove: false, stagePadding: 24, enableEdgeEvents: true },
        primitives: PRIMITIVES,
        styles: {
          nodes: {
            ...DEFAULT_STYLES.nodes,
            labelColor: dark ? "#e2e8f0" : "#1e293b",
            backdropColor: dark ? "#1e293b" : "#ffffff",
            labelPosition: { attribute: "labelPosition", defaultValue: "right" },
            labelVisibility: { attribute: "labelVisibility", defaultValue: "auto" },
            labelBackgroundColor: { whenData: { hub: true }, then: dark ? "#1e293bdd" : "#ffffffdd", else: "#00000000" },
            labelSize: { whenData: { hub: true }, then: 15, else: 12 },
          },
          edges: [
            DEFAULT_STYLES.edges,
            {
              head: "arrow",
              dashSize: { attribute: "dashSize", defaultValue: 0 },
              gapSize: { attribute: "gapSize", defaultValue: 0 },
              dashColor: { attribute: "dashColor", defaultValue: "#00000000" },
            },
            { whenData: { top: true }, then: { depth: "topEdges" } },
          ],
        },
      });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      return;
    }
    sigma.on("enterNode", ({ node, event }) => {
      if (forgetStaleHover(graph, node)) return;
      hovered.current = node;
      setHover({ node, x: event.x, y: event.y });
      if (!node.startsWith("hs:") && !isGroupId(node)) cb.current.onHoverUser?.(node);
    });
    sigma.on("leaveNode", () => {
      hovered.current = null;
      setHover(null);
      cb.current.onHoverUser?.(null);
    });
    sigma.on("clickNode", ({ node }) => {
      setEdge(null);
      // A group drills down: its users are drawn one by one.
      if (isGroupId(node)) setDrill((d) => drillInto(d, node));
      else cb.current.onSelectUser(node.startsWith("hs:") ? null : node);
    });
    // Edges of a group stand for many pairs: no edge panel for them.
    sigma.on("clickEdge", ({ edge }) => setEdge(graph.extremities(edge).some(isGroupId) ? null : edge));
    // Hover uses sigma's asynchronous picking, click a synchronous read that can miss
    // (seen with SwiftShader): a "stage" click on or next to a node selects that node.
    sigma.on("clickStage", ({ event }) => {
      setEdge(null);
      const h = hovered.current ?? nearestNode(sigma, graph, event.x, event.y);
      if (h && isGroupId(h)) setDrill((d) => drillInto(d, h));
      else cb.current.onSelectUser(h && !h.startsWith("hs:") ? h : null);
    });
    sigma.on("afterRender", () => {
      // Test hook: which user labels sigma actually drew (label collision hides some).
      const root = rootRef.current;
      if (root) {
        const shown = [...sigma.getNodeDisplayedLabels()].filter((id) => !id.startsWith("hs:"));
        root.dataset.labelsShown = String(shown.length);
        root.dataset.labels = shown.length <= 60 ? shown.sort().join(" ") : "";
      }
      if (pendingSeq.current === null) return;
      graphCommitted(pendingSeq.current, graph.order);
      pendingSeq.current = null;
    });
    graphRef.current = graph;
    sigmaRef.current = sigma;
    if (holder) holder.renderer = sigma;
    return () => {
      if (holder && holder.renderer === sigma) holder.renderer = null;
      sigma.kill();
      sigmaRef.current = null;
      graphRef.current = null;
    };
  }, [dark, failure, holder]);

  // Fix the camera frame to the whole layout so filtering never re-zooms.
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !model) return;
    const frame = cameraFrame(model.nodes, positions);
    // Only a new frame: setting one redraws the whole graph (cameraFrame.ts).
    if (frame && !sameFrame(sigma.getCustomBBox(), frame)) sigma.setCustomBBox(frame);
  }, [model, positions, dark, failure]);

  // Opening a group zooms onto its server's cluster (fit shows everything again).
  useEffect(() => {
    const sigma = sigmaRef.current;
    const last = drill[drill.length - 1];
    const server = last ? model?.grouping?.groups.find((g) => g.id === last)?.server : undefined;
    const hub = server ? sigma?.getNodeDisplayData(`hs:${server}`) : undefined;
    if (sigma && hub) void sigma.getCamera().animate({ x: hub.x, y: hub.y, ratio: 0.45 }, { duration: 300 });
  }, [drill, model]);

  // Incremental update on every time / filter / selection change.
  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    const sigma = sigmaRef.current;
    // Attribute-only frames: sigma reprocesses just the changed items (no re-indexing).
    const stats = syncGraph(graph, styled, sigma ? (items) => sigma.refresh({ partialGraph: items, skipIndexation: true, schedule: true }) : undefined);
    if (stats.needsRefresh) sigma?.scheduleRefresh();
    // sigma forgets the hover of a dropped node without a leave event.
    if (hovered.current && !graph.hasNode(hovered.current)) hovered.current = null;
    const seq = seqOf(trace);
    // Nothing to repaint: what is on screen already shows this trace.
    if (stats.added + stats.updated + stats.dropped === 0 && !stats.needsRefresh) graphCommitted(seq, graph.order);
    else pendingSeq.current = seq;
  }, [styled, dark, failure]);

  useEffect(() => {
    if (hover && !styled.nodes.has(hover.node)) setHover(null);
  }, [styled, hover]);
  useEffect(() => setEdge(null), [trace]);

  return (
    <div
      ref={rootRef}
      data-testid="delivery-graph"
      data-nodes={view?.nodes.length ?? 0}
      data-edges={view?.edges.length ?? 0}
      data-deliveries={view?.deliveries ?? 0}
      data-renderer={failure ? "fallback" : "webgl"}
      data-stale={stale ? "true" : "false"}
      data-decisions={view?.decisions.length ?? 0}
      data-decision-edges={view && view.decisions.length <= 100 ? view.decisions.map((d) => `${d.outcome}:${d.source}>${d.target}`).join(" ") : ""}
      data-flags={view?.flags.map((f) => `${f.kind}:${f.user}`).join(" ") ?? ""}
      data-layout={positions ? "force" : "cluster"}
      data-groups={view?.nodes.filter((n) => n.kind === "group").map((n) => `${n.id.slice(4).replace("\t", "/")}=${n.count}`).join(" ") ?? ""}
      data-drill={drill.map((g) => g.slice(4).replace("\t", "/")).join(" ")}
      className={`relative flex h-full min-h-64 w-full flex-col overflow-hidden bg-white dark:bg-slate-900 ${className ?? ""}`}
      aria-label="Delivery graph"
    >
      {view && view.flags.length > 0 && (
        <ul data-testid="graph-flags" aria-label="Routing warnings" className={`flex shrink-0 flex-wrap gap-1 px-2 py-1 text-xs ${stale ? DIMMED : ""}`}>
          {flagLines(view.flags).map((f) => (
            <li key={f.key}>
              <button
                type="button"
                className="rounded bg-red-50 px-1.5 py-0.5 text-left text-red-800 shadow-sm hover:bg-red-100 dark:bg-red-950 dark:text-red-200"
                onClick={() => cb.current.onSelectUser(f.select)}
              >
                ⚠ <RuleText text={f.text} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative min-h-0 flex-1">
      {/* A stale graph (the newest inputs did not run) is dimmed and greyed; its label is not. */}
      {failure ? (
        <div className={`absolute inset-0 ${stale ? DIMMED : ""}`}>
        <GraphFallback
          styled={styled}
          reason={failure}
          onSelectUser={(u) => cb.current.onSelectUser(u)}
          onHover={(node, x, y) => {
            setHover(node ? { node, x, y } : null);
            cb.current.onHoverUser?.(node && !node.startsWith("hs:") ? node : null);
          }}
        />
        </div>
      ) : (
        <div ref={stageRef} className={`absolute inset-0 ${stale ? DIMMED : ""}`} />
      )}
      {trace && hover && <NodeTooltip trace={trace} node={hover.node} time={time} x={hover.x} y={hover.y} groupLabel={isGroupId(hover.node) ? view?.nodes.find((n) => n.id === hover.node)?.label : undefined} />}
      {!trace && (
        <div className="absolute inset-0 flex items-center justify-center text-sm text-slate-500" data-testid="graph-empty">
          {emptyNote ?? "No run yet."}
        </div>
      )}
      {!failure && trace && <GraphControls sigma={() => sigmaRef.current} />}
      {model?.grouping && (
        <div className="absolute left-2 bottom-2 z-10 flex items-center gap-1 text-xs" data-testid="graph-groups">
          {drill.length === 0 ? (
            <span className="rounded bg-white/90 px-1.5 py-0.5 text-slate-600 shadow-sm dark:bg-slate-800/90 dark:text-slate-300">
              {model.nodes.filter((n) => n.kind === "user").length.toLocaleString("en-US")} users, grouped: click a group to see its users
            </span>
          ) : (
            <>
              <button type="button" className={GROUP_BTN} onClick={() => setDrill(drillBack)}>
                ← Back
              </button>
              <button type="button" className={GROUP_BTN} onClick={() => setDrill(COLLAPSED)}>
                Collapse all
              </button>
            </>
          )}
        </div>
      )}
      {trace && edge && <EdgePanel trace={trace} edgeKey={edge} time={time} files={files ?? NO_FILES} onReveal={onReveal} onClose={() => setEdge(null)} />}
      {filteredOut && onClearFilters && (
        <div className="absolute inset-x-0 bottom-2 flex justify-center" data-testid="graph-filter-hint">
          <p className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700 shadow dark:bg-slate-800 dark:text-slate-200">
            The filters hide all {view.deliveries} deliveries so far.{" "}
            <button type="button" className="font-semibold text-sky-700 underline dark:text-sky-400" onClick={onClearFilters}>
              Clear filters
            </button>
          </p>
        </div>
      )}
      {stale && trace && (
        <p className="absolute left-2 top-2 max-w-[70%] rounded border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs text-amber-900 shadow dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="graph-stale" role="status">
          <strong>Last good run</strong>
          {staleNote ? ` · ${staleNote}` : ": the newest version has not run"}
        </p>
      )}
      </div>
    </div>
  );
}

/** Shown one by one up to this many per kind; more are summarised in one line. */
const FLAGS_EACH = 2;

/** The flag strip's lines: each flag, or one summary per kind when there are many. */
function flagLines(flags: readonly TargetFlag[]): Array<{ key: string; text: string; select: string | null }> {
  const out: Array<{ key: string; text: string; select: string | null }> = [];
  for (const kind of ["no_sync", "unknown_target"] as const) {
    const mine = flags.filter((f) => f.kind === kind);
    if (mine.length <= FLAGS_EACH) {
      for (const f of mine) out.push({ key: f.user, text: f.message, select: kind === "no_sync" ? f.user : null });
      continue;
    }
    const some = mine.slice(0, 3).map((f) => f.user).join(", ");
    const text =
      kind === "no_sync"
        ? `${mine.length} routed users have no sync in this scenario (${some}, …): add clients`
        : `${mine.length} routing targets are not users of this scenario (${some}, …): check the ids, or add the users`;
    out.push({ key: kind, text, select: kind === "no_sync" ? mine[0]!.user : null });
  }
  return out;
}

/** The node drawn under viewport point (x, y), within a few pixels, or null. */
function nearestNode(sigma: Sigma, graph: MultiDirectedGraph, x: number, y: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  graph.forEachNode((id, a) => {
    const p = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= Math.max(6, (a.size as number) + 3) && d < bestD) {
      best = id;
      bestD = d;
    }
  });
  return best;
}
