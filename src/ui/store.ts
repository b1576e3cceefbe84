// The playground's state (zustand). One store, plain data, small actions; the
// orchestration (compile worker, engine sandbox) lives in runner.ts and only calls
// these actions. Shape, in the spirit of vuejs/repl's store:
//
//   files / scenario      what the user edits (module tabs + scenario.yaml)
//   activeTab             which editor tab is shown
//   compile               status and diagnostics of the newest compile
//   trace / stale         the last good run trace; stale = the inputs changed and the
//                         newest inputs do not compile, validate or finish
//   scenarioIssues        problems of the newest scenario text (errors + warnings)
//   runFailure            why the newest run did not finish (watchdog, crash)
//   selectedUser / time   what the graph, timeline and inspector focus on
//   eventFilter           the inspector's Events filters
import { createStore, useStore, type StoreApi } from "zustand";
import type { Diagnostic } from "../worker/protocol.ts";
import type { RunError, Trace } from "../trace/types.ts";
import type { RoomHints } from "../analysis/rooms.ts";
import type { CrossCheckRun } from "../engine/crosscheck.ts";
import { usePlaygroundInstance } from "./context.ts";
import { DEFAULT_FILTERS, type GraphFilters } from "./graph/graphFilters.ts";
import { openingTime } from "./timeline/opening.ts";

export const SCENARIO_FILE = "scenario.yaml";

export type CompileStatus = "idle" | "compiling" | "ok" | "error";
export type RunStatus = "idle" | "running" | "ok" | "failed";

export interface EventFilter {
  types: string[]; // empty = all
  user: string;
  server: string;
}

export interface RunFailure extends RunError {
  callback?: string;
  at?: number;
}

/** Something that can be jumped to in the editor. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface PlaygroundState {
  example: string;
  files: Record<string, string>;
  scenario: string;
  activeTab: string;
  /** Bumped whenever files/scenario are replaced wholesale (example load), so the editor resyncs. */
  revision: number;
  compile: { status: CompileStatus; diagnostics: Diagnostic[]; ms: number | null };
  run: { status: RunStatus; ms: number | null };
  /**
   * While a run goes on, the share of its simulated duration done (0–1), or null before
   * the first report and when no run is going on. Its own field, not part of `run`: a
   * big world reports it ~100 times, and only the progress views should re-render then.
   */
  progress: number | null;
  /** How many runs were started (a skipped run of unchanged inputs does not count). */
  runsStarted: number;
  trace: Trace | null;
  stale: boolean;
  scenarioIssues: Diagnostic[];
  runFailure: RunFailure | null;
  selectedUser: string | null;
  time: number | null;
  /** Timeline playback (simulated ms per wall ms). */
  playing: boolean;
  speed: number;
  eventFilter: EventFilter;
  graphFilters: GraphFilters;
  /** Scenario facts the consistency checker needs (rooms at time 0, excluded rooms). */
  roomHints: RoomHints;
  /** The run before `trace` (same example/draft), for the Changes tab and the graph's diff highlight. */
  previous: { trace: Trace; hints: RoomHints } | null;
  /** The active cross-check's answers for `trace` (engine worker), or null when it did not run. */
  /** The active cross-check of the trace on screen; "pending" while it runs after the trace came. */
  crossCheck: CrossCheckRun | "pending" | null;
  /** An event picked in a panel (UserPanel, Consistency, Expectations): index into trace.events. */
  selectedEvent: number | null;
  /** A request for the editor to reveal a location (Problems tab click). */
  reveal: (Location & { nonce: number }) | null;

  loadExample(name: string, files: Record<string, string>, scenario: string): void;
  setFile(name: string, text: string): void;
  /** A new module file (new-module menu), shown at once. */
  addFile(name: string, text: string): void;
  removeFile(name: string): void;
  setScenario(text: string): void;
  setActiveTab(tab: string): void;
  compileStarted(): void;
  compiled(diagnostics: Diagnostic[], ms: number | null): void;
  runStarted(): void;
  /** The running run's share of the simulated duration done (0–1), for the progress bar. */
  runProgress(done: number): void;
  /** The inputs are back to those of the trace on screen (runner's skipped run): not stale. */
  traceConfirmed(): void;
  runSucceeded(trace: Trace, warnings: Diagnostic[], ms: number, hints?: RoomHints, crossCheck?: CrossCheckRun | "pending"): void;
  /** The active cross-check of the trace on screen arrived (it runs after the graph's run). */
  crossCheckArrived(run: CrossCheckRun): void;
  scenarioInvalid(issues: Diagnostic[]): void;
  runFailed(f: RunFailure): void;
  select(user: string | null, time?: number | null): void;
  setTime(time: number | null): void;
  setPlaying(p: boolean): void;
  setSpeed(s: number): void;
  setEventFilter(f: Partial<EventFilter>): void;
  setGraphFilters(f: GraphFilters): void;
  jumpToEvent(index: number): void;
  revealLocation(loc: Location): void;
  /** Back to the default view of the current files (after a panel crashed). */
  resetView(): void;
}

export const NO_EVENT_FILTER: EventFilter = { types: [], user: "", server: "" };

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** A fresh store; one per playground (createPlayground), never a module-level singleton. */
export function createPlaygroundStore(): PlaygroundStore {
  return createStore<PlaygroundState>()((set) => ({
    example: "",
    files: {},
    scenario: "",
    activeTab: SCENARIO_FILE,
    revision: 0,
    compile: { status: "idle", diagnostics: [], ms: null },
    run: { status: "idle", ms: null },
    progress: null,
    runsStarted: 0,
    trace: null,
    stale: false,
    scenarioIssues: [],
    runFailure: null,
    selectedUser: null,
    time: null,
    playing: false,
    speed: 1,
    eventFilter: { types: [], user: "", server: "" },
    graphFilters: DEFAULT_FILTERS,
    roomHints: {},
    previous: null,
    crossCheck: null,
    selectedEvent: null,
    reveal: null,

    loadExample: (example, files, scenario) =>
      set((s) => ({
        example,
        files,
        scenario,
        activeTab: Object.keys(files)[0] ?? SCENARIO_FILE,
        revision: s.revision + 1,
        trace: null,
        previous: null,
        crossCheck: null,
        stale: false,
        scenarioIssues: [],
        runFailure: null,
        selectedUser: null,
        time: null,
        // Filters belong to what was open: on another example they would hide its events.
        eventFilter: NO_EVENT_FILTER,
        graphFilters: DEFAULT_FILTERS,
      })),
    setFile: (name, text) => set((s) => ({ files: { ...s.files, [name]: text } })),
    addFile: (name, text) => set((s) => ({ files: { ...s.files, [name]: text }, activeTab: name })),
    removeFile: (name) =>
      set((s) => {
        const files = Object.fromEntries(Object.entries(s.files).filter(([f]) => f !== name));
        return { files, activeTab: s.activeTab === name ? (Object.keys(files)[0] ?? SCENARIO_FILE) : s.activeTab };
      }),
    setScenario: (scenario) => set({ scenario }),
    setActiveTab: (activeTab) => set({ activeTab }),
    compileStarted: () => set((s) => ({ compile: { ...s.compile, status: "compiling" } })),
    compiled: (diagnostics, ms) =>
      set((s) => {
        const failed = diagnostics.some((d) => d.severity === "error");
        return {
          compile: { status: failed ? "error" : "ok", diagnostics, ms },
          // The last good trace stays, marked stale, until the code compiles again.
          stale: failed ? s.trace !== null : s.stale,
        };
      }),
    runStarted: () => set((s) => ({ run: { status: "running", ms: s.run.ms }, progress: null, runsStarted: s.runsStarted + 1 })),
    runProgress: (done) => set((s) => (s.run.status === "running" ? { progress: done } : {})),
    traceConfirmed: () => set({ stale: false }),
    runSucceeded: (trace, warnings, ms, hints, crossCheck) =>
      set((s) => ({
        trace,
        roomHints: hints ?? {},
        previous: s.trace ? { trace: s.trace, hints: s.roomHints } : s.previous,
        crossCheck: crossCheck ?? null,
        selectedEvent: null,
        stale: false,
        scenarioIssues: warnings,
        runFailure: null,
        run: { status: "ok", ms },
        progress: null,
        // A fresh view opens at an informative moment (timeline/opening.ts), not the end.
        time: s.time === null ? openingTime(trace) : Math.min(s.time, trace.scenario.end),
      })),
    crossCheckArrived: (crossCheck) => set({ crossCheck }),
    scenarioInvalid: (scenarioIssues) => set((s) => ({ scenarioIssues, stale: s.trace !== null, run: { status: "failed", ms: null }, progress: null })),
    runFailed: (runFailure) => set((s) => ({ runFailure, stale: s.trace !== null, run: { status: "failed", ms: null }, progress: null })),
    select: (selectedUser, time) => set(time === undefined || time === null ? { selectedUser } : { selectedUser, time }),
    setTime: (time) => set({ time }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    setEventFilter: (f) => set((s) => ({ eventFilter: { ...s.eventFilter, ...f } })),
    setGraphFilters: (graphFilters) => set({ graphFilters }),
    jumpToEvent: (index) =>
      set((s) => {
        const e = s.trace?.events[index];
        return e ? { selectedEvent: index, time: e.at } : {};
      }),
    revealLocation: (loc) => set((s) => ({ reveal: { ...loc, nonce: (s.reveal?.nonce ?? 0) + 1 }, activeTab: loc.file })),
    resetView: () =>
      set((s) => ({
        activeTab: Object.keys(s.files)[0] ?? SCENARIO_FILE,
        selectedUser: null,
        time: s.trace ? openingTime(s.trace) : null,
        playing: false,
        selectedEvent: null,
        reveal: null,
        eventFilter: { types: [], user: "", server: "" },
        graphFilters: DEFAULT_FILTERS,
      })),
  }));
}

/** Reads the playground store of the nearest PlaygroundProvider (main.tsx creates it). */
export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlaygroundInstance().store, selector);
}

/** The store itself, for event handlers (getState) inside components. */
export function usePlaygroundStore(): PlaygroundStore {
  return usePlaygroundInstance().store;
}
