// Every lesson through the real pipeline: the solution passes all its checks, the
// starter fails at least one. Plus the course's shape (titles, instructions, hints).
import { describe, expect, it } from "vitest";
import { buildLessons, LESSON_MODULE_FILE } from "../../src/lessons/build.ts";
import { explain, readLessonFiles, runWithFiles } from "./pipeline.ts";

const LESSONS = buildLessons(readLessonFiles());

// The rules each lesson is about, for the test names (DEVELOPERS.md conventions).
const RULES: Record<string, string> = {
  "01-shared-rooms": "R50 R58 S19",
  "02-first-router": "R31 R50 S6",
  "03-all-users": "R51 S8",
  "04-config": "R56 R57 S8",
  "05-federation": "R33 R50 R64",
  "06-consistency": "R64 S6",
  "07-online-snapshot": "R47 R67 S12",
  "08-routers-only-add": "R50 R51 R74 S8",
  "09-to-your-server": "R33 R50 R56 R64",
};

describe("lessons: the course", () => {
  it("has at least six lessons, in order, each with a rule note in this test", () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSONS.map((l) => l.id)].sort());
    for (const l of LESSONS) expect(RULES[l.id], `add ${l.id} to RULES`).toBeDefined();
  });

  for (const l of LESSONS) {
    it(`${l.id}: has a title, a summary, instructions and at least one hint`, () => {
      expect(l.title.length).toBeGreaterThan(3);
      expect(l.summary.length).toBeGreaterThan(20);
      expect(l.instructions).toMatch(/## Your task/);
      expect(l.instructions).not.toMatch(/## Hints/);
      expect(l.hints.length).toBeGreaterThanOrEqual(1);
      expect(l.hints.length).toBeLessThanOrEqual(3);
      for (const h of l.hints) expect(h).toMatch(/^### \S/);
      // The scenario loads the learner's file: router.ts, or router.<Class> for router.py.
      if (l.moduleFile === LESSON_MODULE_FILE) expect(l.scenario).toContain(`module: ${LESSON_MODULE_FILE}`);
      else expect(l.scenario).toMatch(/module: router\.[A-Z]\w*\n/);
    });
  }
});

describe("lessons: checks judge behaviour through the real pipeline", { timeout: 180_000 }, () => {
  for (const l of LESSONS) {
    const rules = RULES[l.id] ?? "";
    it(`${rules} ${l.id}: the solution passes every check`, async () => {
      const o = await runWithFiles(l.scenario, { [l.moduleFile]: l.solution }, `lessons/${l.id}/scenario.yaml`);
      expect(o.warnings).toEqual([]);
      expect(o.scenario.expect.length).toBeGreaterThan(0);
      expect(o.verdict.passed, explain(o)).toBe(true);
    });

    it(`${rules} ${l.id}: the starter compiles but fails at least one check`, async () => {
      const o = await runWithFiles(l.scenario, { [l.moduleFile]: l.starter }, `lessons/${l.id}/scenario.yaml`);
      expect(o.verdict.passed, explain(o)).toBe(false);
      // It fails by what the run does: a failed check or a startup error, not a crash.
      expect(o.verdict.failed.length + o.verdict.errors.length).toBeGreaterThan(0);
    });
  }
});
