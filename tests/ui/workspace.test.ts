// The workspace's logic without a browser (issue 11): reset to the example's original,
// filters reset when an example opens, the callback budget field's validation, status
// and stale-graph wording, the lesson badge, and error texts without doubled prefixes.
import { describe, expect, test, beforeEach } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createPlaygroundStore, NO_EVENT_FILTER, SCENARIO_FILE } from "../../src/ui/store.ts";
import { DEFAULT_FILTERS, isDefaultFilters } from "../../src/ui/graph/graphFilters.ts";
import { EXAMPLES } from "../../src/ui/examples.ts";
import { changedFiles, resetToOriginal } from "../../src/ui/reset/reset.ts";
import { MAX_BUDGET_MS, MIN_BUDGET_MS, readBudgetInput } from "../../src/sandbox/budget.ts";
import { runningNote, staleReason, statusText } from "../../src/ui/status.ts";
import { lessonBadge } from "../../src/ui/lessons/learn.ts";
import { errorText, withModule } from "../../src/ui/inspector/thrown.ts";
import { summarize } from "../../src/ui/inspector/format.ts";
import { RouterCallsTab } from "../../src/ui/inspector/RouterCallsTab.tsx";
import { PlaygroundContext } from "../../src/ui/context.ts";
import type { Playground } from "../../src/ui/playground.ts";
import type { Diagnostic } from "../../src/worker/protocol.ts";
import type { RouterCallEvent, Trace } from "../../src/trace/types.ts";

// One playground store, as createPlayground makes it.
const usePlayground = createPlaygroundStore();

const ex = EXAMPLES.find((e) => Object.keys(e.files).length > 0 && e.files["router.ts"] !== undefined)!;

function openExample(): void {
  usePlayground.getState().loadExample(ex.name, { ...ex.files }, ex.scenario);
}

describe("reset to the example's original", () => {
  beforeEach(openExample);

  test("nothing differs right after opening; each edited tab is named, scenario.yaml last", () => {
    expect(changedFiles(usePlayground.getState(), ex)).toEqual([]);
    usePlayground.getState().setScenario(ex.scenario + "# mine\n");
    usePlayground.getState().setFile("router.ts", "// mine\n");
    expect(changedFiles(usePlayground.getState(), ex)).toEqual(["router.ts", SCENARIO_FILE]);
  });

  test("a file added or removed counts as changed", () => {
    usePlayground.getState().setFile("extra.ts", "export {};\n");
    expect(changedFiles(usePlayground.getState(), ex)).toEqual(["extra.ts"]);
  });

  test("restores every file and the scenario, drops added files, keeps the open tab, bumps the revision (a new draft)", () => {
    const s = usePlayground.getState();
    s.setFile("router.ts", "// mine\n");
    s.setFile("extra.ts", "export {};\n");
    s.setScenario("version: 1\n");
    s.setActiveTab(SCENARIO_FILE);
    const rev = usePlayground.getState().revision;
    expect(resetToOriginal(usePlayground)).toBe(true);
    const after = usePlayground.getState();
    expect(after.files).toEqual(ex.files);
    expect(after.scenario).toBe(ex.scenario);
    expect(after.activeTab).toBe(SCENARIO_FILE);
    expect(after.example).toBe(ex.name);
    // The session saves the old draft and starts a new one on a revision bump (share/session.ts).
    expect(after.revision).toBe(rev + 1);
  });

  test("a lesson or a link has no example original: nothing is reset", () => {
    usePlayground.getState().loadExample("lesson:01-shared-rooms", { "router.ts": "// lesson\n" }, "version: 1\n");
    expect(resetToOriginal(usePlayground)).toBe(false);
    expect(usePlayground.getState().files).toEqual({ "router.ts": "// lesson\n" });
    usePlayground.getState().loadExample("", { "router.ts": "// link\n" }, "version: 1\n");
    expect(resetToOriginal(usePlayground)).toBe(false);
  });
});

describe("filters reset when an example or lesson opens", () => {
  test("event and graph filters go back to none", () => {
    const s = usePlayground.getState();
    s.setEventFilter({ types: ["sync"], user: "@nobody", server: "example.org" });
    s.setGraphFilters({ ...DEFAULT_FILTERS, search: "@nobody", vias: { ...DEFAULT_FILTERS.vias, room: false } });
    openExample();
    expect(usePlayground.getState().eventFilter).toEqual(NO_EVENT_FILTER);
    expect(usePlayground.getState().graphFilters).toEqual(DEFAULT_FILTERS);
  });

  test("isDefaultFilters: any one filter changed is not default", () => {
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, search: "  " })).toBe(true);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, search: "a" })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, servers: [] })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, federation: false })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, recentOnly: true })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, decisions: false })).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, vias: { ...DEFAULT_FILTERS.vias, self: false } })).toBe(false);
  });
});

describe("callback budget field", () => {
  test("0, negative, empty, non-numeric and fractional budgets are refused with the reason", () => {
    for (const bad of ["0", "-5", "", "  ", "abc", "1e3", "12ms", "250.5", "NaN", "Infinity"]) {
      const r = readBudgetInput(bad);
      expect(r, bad).toHaveProperty("error");
      expect((r as { error: string }).error, bad).toMatch(/ms/);
    }
    expect(readBudgetInput("0")).toEqual({ error: `0 ms is too short: a callback needs at least ${MIN_BUDGET_MS} ms (at most ${MAX_BUDGET_MS}).` });
    expect(readBudgetInput("abc")).toEqual({ error: `"abc" is not a number of ms; use a whole number between ${MIN_BUDGET_MS} and ${MAX_BUDGET_MS} ms.` });
  });

  test("limits are inclusive: exactly at each limit is accepted, one past it is refused", () => {
    expect(readBudgetInput(String(MIN_BUDGET_MS))).toEqual({ ms: MIN_BUDGET_MS });
    expect(readBudgetInput(String(MIN_BUDGET_MS - 1))).toHaveProperty("error");
    expect(readBudgetInput(String(MAX_BUDGET_MS))).toEqual({ ms: MAX_BUDGET_MS });
    expect(readBudgetInput(String(MAX_BUDGET_MS + 1))).toHaveProperty("error");
    expect(readBudgetInput(" 2500 ")).toEqual({ ms: 2500 });
  });
});

describe("status and stale-graph wording", () => {
  const base = { compile: { status: "ok" as const, diagnostics: [], ms: 1 }, run: { status: "failed" as const, ms: null }, runFailure: null };
  const typo: Diagnostic = { file: SCENARIO_FILE, line: 3, column: 1, message: 'unknown key "userz"', severity: "error" };
  const warning: Diagnostic = { ...typo, severity: "warning" };

  test("a scenario error is named as such, never 'run failed'", () => {
    expect(statusText({ ...base, scenarioIssues: [typo] })).toBe("scenario.yaml has errors");
    expect(staleReason({ ...base, scenarioIssues: [typo] })).toBe("scenario.yaml has errors (see Problems)");
  });

  test("a warning alone is not a scenario error: a failed run is 'run failed'", () => {
    expect(statusText({ ...base, scenarioIssues: [warning] })).toBe("run failed");
    expect(staleReason({ ...base, scenarioIssues: [warning] })).toBe("the newest run failed (see Problems)");
  });

  test("compile errors come first; a good run has no stale reason", () => {
    const noCompile = { ...base, compile: { status: "error" as const, diagnostics: [], ms: 1 }, scenarioIssues: [typo] };
    expect(statusText(noCompile)).toBe("does not compile");
    expect(staleReason(noCompile)).toBe("the module does not compile (see Problems)");
    const ok = { ...base, run: { status: "ok" as const, ms: 12.4 }, scenarioIssues: [] };
    expect(statusText(ok)).toBe("ran in 12 ms");
    // Thousands separated, as the gallery writes "10,000 users".
    expect(statusText({ ...ok, run: { status: "ok" as const, ms: 999.4 } })).toBe("ran in 999 ms");
    expect(statusText({ ...ok, run: { status: "ok" as const, ms: 12314.2 } })).toBe("ran in 12,314 ms");
    expect(staleReason(ok)).toBeNull();
  });

  test("a running run shows its progress in whole percent once the engine reported some", () => {
    const running = (progress?: number | null) => ({ ...base, run: { status: "running" as const, ms: null }, progress, scenarioIssues: [] });
    expect(statusText(running())).toBe("running…");
    expect(statusText(running(null))).toBe("running…");
    expect(statusText(running(0))).toBe("running… 0 %");
    expect(statusText(running(0.429))).toBe("running… 42 %");
    expect(statusText(running(1))).toBe("running… 100 %");
  });

  test("compiling and starting; one error among warnings makes a scenario error", () => {
    expect(statusText({ ...base, compile: { status: "compiling", diagnostics: [], ms: null }, scenarioIssues: [] })).toBe("compiling…");
    expect(statusText({ ...base, compile: { status: "idle", diagnostics: [], ms: null }, run: { status: "idle", ms: null }, scenarioIssues: [] })).toBe("starting…");
    expect(statusText({ ...base, scenarioIssues: [warning, typo] })).toBe("scenario.yaml has errors");
  });

  test("the graph's running note: only while running, in whole percent once reported", () => {
    expect(runningNote({ run: { status: "ok", ms: 3 }, progress: 0.5 })).toBeNull();
    expect(runningNote({ run: { status: "failed", ms: null }, progress: null })).toBeNull();
    expect(runningNote({ run: { status: "running", ms: null }, progress: null })).toBe("Running…");
    expect(runningNote({ run: { status: "running", ms: null }, progress: 0 })).toBe("Running… 0 % of the simulated time");
    expect(runningNote({ run: { status: "running", ms: null }, progress: 0.999 })).toBe("Running… 99 % of the simulated time");
  });

  test("a progress report changes only `progress`: the run record keeps its identity (the header and graph do not re-render), and the run's end clears it", () => {
    const store = createPlaygroundStore();
    store.getState().runStarted();
    const run = store.getState().run;
    expect(store.getState().progress).toBeNull();
    store.getState().runProgress(0.25);
    expect(store.getState().progress).toBe(0.25);
    expect(store.getState().run).toBe(run);
    store.getState().runFailed({ message: "x" } as never);
    expect(store.getState().progress).toBeNull();
    // No longer running: a late report is ignored.
    store.getState().runProgress(0.5);
    expect(store.getState().progress).toBeNull();
    store.getState().runStarted();
    store.getState().runProgress(0.75);
    store.getState().runSucceeded({ scenario: { start_time: 0, end: 10, servers: [] }, events: [], deliveries: [] } as never, [], 5);
    expect(store.getState().progress).toBeNull();
    expect(store.getState().run).toEqual({ status: "ok", ms: 5 });
  });
});

describe("lesson badge", () => {
  test("solved in this visit says solved; 'done before' only for a lesson passed before the page loaded", () => {
    expect(lessonBadge({ progress: {}, passedEarlier: {} }, "a")).toBeNull();
    expect(lessonBadge({ progress: { a: { passed: true } }, passedEarlier: {} }, "a")).toBe("solved");
    expect(lessonBadge({ progress: { a: { passed: true } }, passedEarlier: { a: true } }, "a")).toBe("done before");
    expect(lessonBadge({ progress: { a: { passed: false } }, passedEarlier: {} }, "a")).toBeNull();
  });
});

describe("error texts without doubled prefixes", () => {
  test("a message that names its error type is kept; a bare one gets 'Error: '", () => {
    expect(errorText("Error: boom")).toBe("Error: boom");
    expect(errorText("TypeError: x is not a function")).toBe("TypeError: x is not a function");
    expect(errorText("synapse.module_api.errors.ConfigError: bad")).toBe("synapse.module_api.errors.ConfigError: bad");
    expect(errorText('non-Error value thrown: "s"')).toBe('non-Error value thrown: "s"');
    expect(errorText("boom")).toBe("Error: boom");
    expect(errorText("the Error: inside")).toBe("Error: the Error: inside");
  });

  test("a module name already leading the message is not repeated", () => {
    expect(withModule("router.ts", "router.ts get_users_for_states raised Error: boom; skipped (R63)")).toBe("router.ts get_users_for_states raised Error: boom; skipped (R63)");
    expect(withModule("router.ts", "hello")).toBe("router.ts: hello");
    expect(withModule("a.ts", "a.tsx is not it")).toBe("a.ts: a.tsx is not it");
    expect(summarize({ at: 0, server: "x", type: "log", level: "error", module: "router.ts", message: "router.ts get_users_for_states raised Error: boom; skipped (R63)" })).toBe(
      "[error] router.ts get_users_for_states raised Error: boom; skipped (R63)",
    );
  });

  test("the Router calls tab shows a thrown Error once as 'Error: boom'", () => {
    const call: RouterCallEvent = {
      at: 0, server: "example.org", type: "router_call", call: 1, site: "notify" as RouterCallEvent["site"], for_user: null,
      module: "router.ts", callback: "get_users_for_states", input: [], output: null, ms: 0, warnings: [],
      error: { message: "Error: boom", file: "router.ts", line: 3, column: 5 },
    };
    const trace = { version: 1, scenario: { servers: ["example.org"], users: [], start_time: 0, end: 1000 }, events: [call], deliveries: [], final: {}, expectations: [], errors: [] } as unknown as Trace;
    // The tab reads only the store: a playground with just that one is enough here.
    const pg = { store: usePlayground } as unknown as Playground;
    const html = renderToStaticMarkup(createElement(PlaygroundContext.Provider, { value: pg }, createElement(RouterCallsTab, { trace })));
    expect(html).toContain("Error: boom");
    expect(html).not.toMatch(/Error: Error:/);
  });
});
