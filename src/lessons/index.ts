// The guided course for the browser: every lessons/<nn-slug>/ folder bundled as raw
// text at build time (no fetch, works offline), assembled by the pure buildLessons.
import { buildLessons, type Lesson } from "./build.ts";

export { buildLessons, LESSON_MODULE_FILE, type Lesson } from "./build.ts";
export { judgeLessonRun, type LessonVerdict } from "./judge.ts";

const raw = import.meta.glob("../../lessons/*/*", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export const LESSONS: Lesson[] = buildLessons(raw);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
