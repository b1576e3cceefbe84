// A read-only view of the playground for browser tests and debugging:
// `window.__playground.snapshot()`, `.markers(file)` and `.cursor()`. It exposes
// copies of state, never setters. The one exception is `failPanel(name)`, fault
// injection for the error-boundary tests: the named panel's next render throws (only
// script already running in the app's own page can call it).
import type { Playground } from "./playground.ts";
import type { Delivery } from "../trace/types.ts";

export interface MarkerInfo {
  owner: string;
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
}

export interface PlaygroundSnapshot {
  example: string;
  deliveries: Delivery[];
  stale: boolean;
  compileStatus: string;
  runStatus: string;
  diagnostics: Array<{ file: string; line: number; column: number; message: string }>;
  scenarioIssues: Array<{ line: number; column: number; message: string; severity: string }>;
  runFailure: string | null;
  time: number | null;
  errors: number;
  /** The editor texts as the store holds them (module files + scenario). */
  sources: Record<string, string>;
  /** Runs started so far (an edit that changes nothing the engine sees starts none). */
  runsStarted: number;
  /** True when no compile or run is in flight. */
  settled: boolean;
}

export interface EditorHook {
  markers(file: string): MarkerInfo[];
  /** The shown file and the cursor's 1-based line and column. */
  cursor(): { file: string; line: number; column: number } | null;
}


function snapshot(pg: Playground): PlaygroundSnapshot {
  const s = pg.store.getState();
  return structuredClone({
    example: s.example,
    deliveries: s.trace?.deliveries ?? [],
    stale: s.stale,
    compileStatus: s.compile.status,
    runStatus: s.run.status,
    diagnostics: s.compile.diagnostics.map(({ file, line, column, message }) => ({ file, line, column, message })),
    scenarioIssues: s.scenarioIssues.map(({ line, column, message, severity }) => ({ line, column, message, severity })),
    runFailure: s.runFailure?.message ?? null,
    time: s.time,
    errors: s.trace?.errors.length ?? 0,
    sources: { ...s.files, "scenario.yaml": s.scenario },
    runsStarted: s.runsStarted,
    settled: s.compile.status !== "compiling" && s.compile.status !== "idle" && s.run.status !== "running",
  });
}

export function installTestHook(pg: Playground): void {
  Object.defineProperty(window, "__playground", {
    configurable: true,
    value: Object.freeze({
      snapshot: () => snapshot(pg),
      markers: (file: string): MarkerInfo[] => pg.editorHook?.markers(file) ?? [],
      cursor: () => pg.editorHook?.cursor() ?? null,
      /** Keys of the edges the WebGL graph holds now (run-diff ghosts are "removed\t<from>\t<to>"). */
      graphEdgeKeys: (): string[] => pg.graph.renderer?.getGraph().edges() ?? [],
      failPanel: (panel: string) => pg.faults.setState({ panel }),
      /** The WebGL graph's camera (x, y, ratio: 1 = the whole graph fits), or null. */
      graphCamera: () => pg.graph.renderer?.getCamera().getState() ?? null,
      /** The colours the WebGL renderer draws now (its processed display data, not the graph's attributes), by node id and edge key. */
      graphDrawn: (): { nodes: Record<string, string>; edges: Record<string, string> } | null => {
        const r = pg.graph.renderer;
        if (!r) return null;
        const nodes: Record<string, string> = {};
        const edges: Record<string, string> = {};
        r.getGraph().forEachNode((id) => void (nodes[id] = r.getNodeDisplayData(id)?.color ?? "missing"));
        r.getGraph().forEachEdge((key) => void (edges[key] = r.getEdgeDisplayData(key)?.color ?? "missing"));
        return { nodes, edges };
      },
      /** Where a node of the WebGL graph is drawn, in page pixels (tests click there), or null. */
      graphNodeAt: (node: string): { x: number; y: number } | null => {
        const r = pg.graph.renderer;
        if (!r || !r.getGraph().hasNode(node)) return null;
        const a = r.getGraph().getNodeAttributes(node);
        const p = r.graphToViewport({ x: a.x as number, y: a.y as number });
        const box = r.getContainer().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
    }),
  });
}

/** The mounted editor registers its read-only view; the returned function unregisters it. */
export function registerEditorHook(pg: Playground, h: EditorHook): () => void {
  pg.editorHook = h;
  return () => {
    if (pg.editorHook === h) pg.editorHook = null;
  };
}
