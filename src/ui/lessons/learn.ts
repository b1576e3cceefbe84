// Learn mode's state: whether the panel is open, which hints are revealed, the learner's
// code set aside by "Show solution", the verdict of the newest run and the saved
// progress. The active lesson is the playground's `example` ("lesson:<id>"), so loading
// an example from the gallery simply leaves the lesson. Checks judge the run (the
// trace's expectations), never the text of the code.
//
// createLearn is called by createPlayground: storage and timers are injected, its state
// lives in the closure, and dispose() removes its subscription and its pending save.
import { createStore, useStore, type StoreApi } from "zustand";
import { usePlaygroundInstance } from "../context.ts";
import { contentModule, yamlModule } from "../lazy.ts";
import { lessonNamed } from "../catalog.ts";
import type { PlaygroundStore } from "../store.ts";
import { judgeLessonRun, type LessonVerdict } from "../../lessons/judge.ts";
import type { Lesson } from "../../lessons/build.ts";
import { loadProgress, markPassed, resetCode, saveCode, saveProgress, type ProgressRecord, type ProgressStorage } from "../../lessons/progress.ts";
import type { ExpectationResult } from "../../trace/types.ts";

export const LESSON_PREFIX = "lesson:";
const UI_KEY = "presence-router-playground:learn-ui:v1";

export function lessonIdOf(example: string): string | null {
  return example.startsWith(LESSON_PREFIX) ? example.slice(LESSON_PREFIX.length) : null;
}

/**
 * How many `expect:` items a lesson's scenario has (a missing result is not a pass). The
 * YAML parser is loaded on first use (lazy.ts): it is not part of the first graph's code.
 */
const expectedCounts = new WeakMap<Lesson, number>(); // a cache keyed by the immutable lesson
export async function expectedChecks(lesson: Lesson): Promise<number> {
  let n = expectedCounts.get(lesson);
  if (n === undefined) {
    const { parse: parseYaml } = await yamlModule.load();
    try {
      const doc = parseYaml(lesson.scenario) as { expect?: unknown };
      n = Array.isArray(doc?.expect) ? doc.expect.length : 0;
    } catch {
      n = 0;
    }
    expectedCounts.set(lesson, n);
  }
  return n;
}

/** False when the lessons are loaded; else loads them, calls `then` once they are, and returns true. */
function afterContent(then: () => void): boolean {
  if (contentModule.current) return false;
  void contentModule.load().then(then, () => {}); // a chunk that cannot load: the lessons panel says so
  return true;
}

export interface LessonRun {
  lessonId: string;
  results: ExpectationResult[];
  verdict: LessonVerdict;
}

export interface LearnState {
  open: boolean;
  progress: ProgressRecord;
  /** Lessons already passed when this page loaded ("done before"; one passed now is "solved"). */
  passedEarlier: Record<string, true>;
  /** False once a write to storage failed (shown as a note: progress is not kept). */
  storageOk: boolean;
  /** How many hints are revealed, per lesson. */
  hints: Record<string, number>;
  /** The learner's code set aside by "Show solution", per lesson. */
  setAside: Record<string, string>;
  /** The judged newest good run of the active lesson (null while none). */
  run: LessonRun | null;

  setOpen(open: boolean): void;
  start(id: string): void;
  revealHint(id: string): void;
  showSolution(id: string): void;
  restoreCode(id: string): void;
  resetToStarter(id: string): void;
  /** Called for every playground state change: judges runs, saves the learner's code. */
  observe(): void;
}

export type LearnStore = StoreApi<LearnState>;

export interface LearnDeps {
  /** Where progress is kept (localStorage in the browser); null: not kept. */
  storage: ProgressStorage | null;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (t: unknown) => void;
}

/** Learn mode for one playground: reads saved progress and follows the playground store. */
export function createLearn(playground: PlaygroundStore, deps: LearnDeps): { store: LearnStore; dispose(): void } {
  const storage = deps.storage;
  let judgedTrace: object | null = null;
  let codeTimer: unknown = null;

  function persist(p: ProgressRecord): boolean {
    return saveProgress(storage, p);
  }

  /** Loads a lesson's module file (given code) and scenario into the editor. */
  function loadLesson(lesson: Lesson, code: string): void {
    playground.getState().loadExample(LESSON_PREFIX + lesson.id, { [lesson.moduleFile]: code }, lesson.scenario);
  }

  const useLearn = createStore<LearnState>()((set, get) => ({
    open: false,
    progress: {},
    passedEarlier: {},
    storageOk: true,
    hints: {},
    setAside: {},
    run: null,

    setOpen: (open) => {
      set({ open });
      try {
        storage?.setItem(UI_KEY, JSON.stringify({ open }));
      } catch {
        /* not kept: fine */
      }
    },
    start: (id) => {
      // The lessons load with the examples (catalog.ts); the first-visit card may ask first.
      if (afterContent(() => get().start(id))) return;
      const lesson = lessonNamed(id);
      if (!lesson) return;
      const saved = get().progress[id]?.code;
      set({ run: null });
      loadLesson(lesson, saved ?? lesson.starter);
    },
    revealHint: (id) => {
      const lesson = lessonNamed(id);
      if (!lesson) return;
      set((s) => ({ hints: { ...s.hints, [id]: Math.min(lesson.hints.length, (s.hints[id] ?? 0) + 1) } }));
    },
    showSolution: (id) => {
      const lesson = lessonNamed(id);
      if (!lesson) return;
      const pg = playground.getState();
      const mine = lessonIdOf(pg.example) === id ? pg.files[lesson.moduleFile] : get().progress[id]?.code;
      if (mine !== undefined && mine !== lesson.solution) set((s) => ({ setAside: { ...s.setAside, [id]: mine } }));
      loadLesson(lesson, lesson.solution);
    },
    restoreCode: (id) => {
      const lesson = lessonNamed(id);
      const mine = get().setAside[id];
      if (!lesson || mine === undefined) return;
      set((s) => {
        const { [id]: _, ...rest } = s.setAside;
        return { setAside: rest };
      });
      loadLesson(lesson, mine);
    },
    resetToStarter: (id) => {
      const lesson = lessonNamed(id);
      if (!lesson) return;
      const pg = playground.getState();
      const mine = lessonIdOf(pg.example) === id ? pg.files[lesson.moduleFile] : undefined;
      // The code replaced by the starter stays recoverable too.
      if (mine !== undefined && mine !== lesson.starter && mine !== lesson.solution) set((s) => ({ setAside: { ...s.setAside, [id]: mine } }));
      const progress = resetCode(get().progress, id);
      set({ progress, storageOk: persist(progress) && get().storageOk });
      loadLesson(lesson, lesson.starter);
    },
    observe: () => {
      const pg = playground.getState();
      const id = lessonIdOf(pg.example);
      // A lesson's draft restored at start: judge once its text is there.
      if (id && afterContent(() => get().observe())) return;
      const lesson = id ? lessonNamed(id) : undefined;
      const s = get();
      if (!lesson) {
        if (s.run) set({ run: null });
        return;
      }
      // Judge only a finished run of the current inputs, and only of the lesson's own
      // scenario (editing the checks away must not pass the lesson).
      const t = pg.trace;
      if (!t) {
        if (s.run) set({ run: null });
        return;
      }
      const current = t && !pg.stale && pg.compile.status === "ok" && pg.run.status === "ok";
      // A trace is judged once, when it arrives, against the scenario text of that moment.
      if (current && t !== judgedTrace && pg.scenario === lesson.scenario) {
        judgedTrace = t;
        const code = pg.files[lesson.moduleFile];
        void expectedChecks(lesson).then((expected) => {
          if (judgedTrace !== t) return; // a newer run came meanwhile
          const verdict = judgeLessonRun(t, expected);
          set({ run: { lessonId: lesson.id, results: t.expectations, verdict } });
          const progress0 = get().progress;
          if (verdict.passed && !progress0[lesson.id]?.passed) {
            const progress = markPassed(progress0, lesson.id, code !== undefined && code !== lesson.solution ? code : undefined);
            set({ progress, storageOk: persist(progress) });
          }
        }, () => {}); // the parser's chunk did not load: no verdict (lazy.ts preloads it after start)
      } else if (pg.scenario !== lesson.scenario) {
        judgedTrace = t;
        if (s.run) set({ run: null });
      }
    },
  }));

  /** Saves the learner's router.ts for the active lesson (debounced; never the solution). */
  function scheduleCodeSave(): void {
    if (codeTimer !== null) deps.clearTimeout(codeTimer);
    codeTimer = deps.setTimeout(() => {
      codeTimer = null;
      const pg = playground.getState();
      const id = lessonIdOf(pg.example);
      const lesson = id ? lessonNamed(id) : undefined;
      if (!lesson) return; // not loaded yet: the draft keeps the code; the next edit saves it here
      const code = pg.files[lesson.moduleFile];
      if (code === undefined || code === lesson.solution) return;
      const learn = useLearn.getState();
      if (learn.progress[lesson.id]?.code === code) return;
      if (code === lesson.starter && learn.progress[lesson.id]?.code === undefined) return;
      const progress = saveCode(learn.progress, lesson.id, code);
      useLearn.setState({ progress, storageOk: persist(progress) });
    }, 400);
  }

  let open = false;
  try {
    open = JSON.parse(storage?.getItem(UI_KEY) ?? "{}")?.open === true;
  } catch {
    open = false;
  }
  const progress = loadProgress(storage);
  const passedEarlier: Record<string, true> = {};
  for (const [id, p] of Object.entries(progress)) if (p?.passed) passedEarlier[id] = true;
  useLearn.setState({ progress, passedEarlier, open });
  const unsubscribe = playground.subscribe((s, prev) => {
    if (s.trace !== prev.trace || s.example !== prev.example || s.scenario !== prev.scenario || s.run !== prev.run || s.stale !== prev.stale) useLearn.getState().observe();
    if (s.files !== prev.files && lessonIdOf(s.example)) scheduleCodeSave();
  });
  useLearn.getState().observe();
  return {
    store: useLearn,
    dispose() {
      unsubscribe();
      if (codeTimer !== null) deps.clearTimeout(codeTimer);
      codeTimer = null;
    },
  };
}

/** Reads the learn store of the nearest PlaygroundProvider. */
export function useLearn<T>(selector: (s: LearnState) => T): T {
  return useStore(usePlaygroundInstance().learn, selector);
}

/** The badge next to a lesson's number: passed in an earlier visit, just now, or not yet. */
export function lessonBadge(s: Pick<LearnState, "progress" | "passedEarlier">, id: string): "done before" | "solved" | null {
  if (s.passedEarlier[id]) return "done before";
  return s.progress[id]?.passed ? "solved" : null;
}
