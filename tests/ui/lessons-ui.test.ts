// Learn mode and gallery logic without a browser: the markdown subset (safe links, lists,
// code), the gallery cards read from the examples' READMEs, and the learn store judging
// runs (not code), saving progress through injected storage, keeping the learner's code.
import { beforeAll, describe, expect, test } from "vitest";
import { parseBlocks, parseInline, safeHref } from "../../src/ui/markdown/parse.ts";
import { exampleCard, ruleIds } from "../../src/ui/gallery/cards.ts";
import { EXAMPLES } from "../../src/ui/examples.ts";
import { LESSONS } from "../../src/lessons/index.ts";
import { PROGRESS_KEY } from "../../src/lessons/progress.ts";
import { createPlaygroundStore } from "../../src/ui/store.ts";
import { createLearn, expectedChecks, lessonBadge, lessonIdOf } from "../../src/ui/lessons/learn.ts";
import type { Trace } from "../../src/trace/types.ts";
import { contentModule } from "../../src/ui/lazy.ts";

// The learn store looks lessons up in the lazily loaded content (catalog.ts), as the app
// does once it has loaded them; "before they load" is tested in tests/ui/content.test.ts.
beforeAll(() => contentModule.load());

describe("markdown subset", () => {
  test("unsafe link targets lose their href, safe ones keep it", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<b>")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("https://matrix.org")).toBe("https://matrix.org");
    expect(safeHref("#hints")).toBe("#hints");
    const [link] = parseInline("[click](javascript:alert(1))");
    expect(link).toMatchObject({ kind: "link", href: null });
  });

  test("inline code, bold, italic; snake_case stays text; HTML stays text", () => {
    expect(parseInline("call `get_users_for_states` **now**, *please*")).toEqual([
      { kind: "text", text: "call " },
      { kind: "code", text: "get_users_for_states" },
      { kind: "text", text: " " },
      { kind: "strong", children: [{ kind: "text", text: "now" }] },
      { kind: "text", text: ", " },
      { kind: "em", children: [{ kind: "text", text: "please" }] },
    ]);
    expect(parseInline("send_local_online_presence_to")).toEqual([{ kind: "text", text: "send_local_online_presence_to" }]);
    expect(parseInline("<img src=x onerror=alert(1)>")).toEqual([{ kind: "text", text: "<img src=x onerror=alert(1)>" }]);
  });

  test("headings, lists with continuation lines, fenced code", () => {
    const blocks = parseBlocks("## Task\n\n1. First step\n   continues here\n2. Second\n\n```yaml\nmodules:\n  - module: router.ts\n```\n\n- a\n- b");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "list", "code", "list"]);
    const ol = blocks[1] as Extract<(typeof blocks)[number], { kind: "list" }>;
    expect(ol.ordered).toBe(true);
    expect(ol.items).toHaveLength(2);
    expect(ol.items[0]).toEqual([{ kind: "paragraph", inlines: [{ kind: "text", text: "First step continues here" }] }]);
    expect(blocks[2]).toEqual({ kind: "code", lang: "yaml", text: "modules:\n  - module: router.ts" });
  });

  test("every lesson's instructions parse", () => {
    for (const l of LESSONS) expect(parseBlocks(l.instructions).length).toBeGreaterThan(1);
  });
});

describe("gallery cards", () => {
  test("every example has a card with a title, a summary and rules", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
    for (const ex of EXAMPLES) {
      const c = exampleCard(ex);
      expect(c.title, ex.name).not.toBe(ex.name);
      expect(c.summary.length, ex.name).toBeGreaterThan(20);
      expect(c.rules.length, ex.name).toBeGreaterThan(0);
    }
  });

  test("teaching points are the bold leads of the README's bullets", () => {
    const c = exampleCard(EXAMPLES.find((e) => e.name === "buggy-disagreeing-router")!);
    expect(c.teaches[0]).toBe("**The two callbacks drive different things (S6)**");
  });

  test("rule ids in order of first mention, unique, in range", () => {
    expect(ruleIds("R33 then R38–R40, R33 again, S6, R99, S40")).toEqual(["R33", "R38", "R40", "S6"]);
  });
});

function fakeStorage() {
  const m = new Map<string, string>();
  return { map: m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

function traceWith(oks: boolean[], errors: Trace["errors"] = []): Trace {
  return {
    version: 1,
    scenario: { servers: ["example.org"], users: [], start_time: 0, end: 60000 },
    events: [],
    deliveries: [],
    final: {},
    expectations: oks.map((ok, i) => ({ name: `check ${i}`, ok, detail: ok ? "" : "did not hold" })),
    errors,
  };
}

// One playground store and its learn mode (createPlayground wires the same two).
const usePlayground = createPlaygroundStore();

function finishRun(trace: Trace) {
  const s = usePlayground.getState();
  s.compiled([], 1);
  s.runSucceeded(trace, [], 1);
}

describe("learn store", () => {
  const storage = fakeStorage();
  const useLearn = createLearn(usePlayground, { storage, setTimeout: () => 0, clearTimeout: () => {} }).store;
  const lesson = LESSONS[1]!;
  let n = 0;
  beforeAll(async () => {
    n = await expectedChecks(lesson);
  });
  // A run is judged once the lesson's check count is known (expectedChecks loads the YAML
  // parser lazily): one timer turn lets that settle.
  const judged = () => new Promise((r) => setTimeout(r, 0));

  test("starting a lesson loads starter.ts as router.ts and the lesson scenario", () => {
    useLearn.getState().start(lesson.id);
    const pg = usePlayground.getState();
    expect(lessonIdOf(pg.example)).toBe(lesson.id);
    expect(pg.files).toEqual({ "router.ts": lesson.starter });
    expect(pg.scenario).toBe(lesson.scenario);
    expect(n).toBeGreaterThan(0);
  });

  test("a run with a failing check does not pass; a run stopped early does not pass", async () => {
    finishRun(traceWith(Array.from({ length: n }, (_, i) => i !== 0)));
    await judged();
    expect(useLearn.getState().run?.verdict.passed).toBe(false);
    finishRun(traceWith([true], [{ kind: "module", message: "boom" }]));
    await judged();
    expect(useLearn.getState().run?.verdict.passed).toBe(false);
    expect(useLearn.getState().progress[lesson.id]?.passed ?? false).toBe(false);
  });

  test("an edited scenario is not judged (checks removed must not pass)", async () => {
    usePlayground.getState().setScenario(lesson.scenario + "\n# edited\n");
    finishRun(traceWith(Array(n).fill(true)));
    await judged();
    expect(useLearn.getState().run).toBeNull();
    usePlayground.getState().setScenario(lesson.scenario);
  });

  test("all checks passing marks the lesson passed and saves it to storage", async () => {
    usePlayground.getState().setFile("router.ts", "// my attempt\n");
    finishRun(traceWith(Array(n).fill(true)));
    await judged();
    expect(useLearn.getState().run?.verdict.passed).toBe(true);
    expect(useLearn.getState().progress[lesson.id]).toEqual({ passed: true, code: "// my attempt\n" });
    expect(JSON.parse(storage.map.get(PROGRESS_KEY)!)[lesson.id].passed).toBe(true);
    // Solved in this visit: not "done before" (that is for a lesson passed before the page loaded).
    expect(lessonBadge(useLearn.getState(), lesson.id)).toBe("solved");
  });

  test("show solution keeps the learner's code recoverable", () => {
    useLearn.getState().showSolution(lesson.id);
    expect(usePlayground.getState().files["router.ts"]).toBe(lesson.solution);
    expect(useLearn.getState().setAside[lesson.id]).toBe("// my attempt\n");
    useLearn.getState().restoreCode(lesson.id);
    expect(usePlayground.getState().files["router.ts"]).toBe("// my attempt\n");
  });
});
