// Learn mode: the course (progress ticks), the current lesson's instructions, hints one
// at a time, Show solution (confirmed; the learner's code stays recoverable), Reset to
// starter, Previous/Next, and the lesson's checks judged live from each run.
import { useState } from "react";
import { usePlayground } from "../store.ts";
import { Markdown } from "../markdown/Markdown.tsx";
import { ExpectationsList } from "../inspector/ExpectationsList.tsx";
import type { Lesson } from "../../lessons/build.ts";
import { contentModule, useLoadNow } from "../lazy.ts";
import { LoadFailed } from "../LoadFailed.tsx";
import { lessonBadge, lessonIdOf, useLearn } from "./learn.ts";
import { usePlaygroundInstance } from "../context.ts";
import { RuleText } from "../glossary/RuleText.tsx";

const btn = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

export function LearnButton({ className }: { className: string }) {
  const open = useLearn((s) => s.open);
  const setOpen = useLearn((s) => s.setOpen);
  return (
    <button type="button" className={className} aria-pressed={open} data-testid="learn-button" onClick={() => setOpen(!open)} title="Guided lessons: write presence routers step by step">
      {open ? "Hide lessons" : "Learn"}
    </button>
  );
}

export function LearnPanel() {
  const setOpen = useLearn((s) => s.setOpen);
  const example = usePlayground((s) => s.example);
  // The lessons' texts load with the examples (catalog.ts): at once, as the panel opens.
  const { module: content, error, retry } = useLoadNow(contentModule);
  const lessons = content?.LESSONS ?? null;
  const id = lessonIdOf(example);
  const lesson = id ? lessons?.find((l) => l.id === id) : undefined;
  return (
    <aside aria-label="lessons" data-testid="learn-panel" data-lesson={lesson?.id ?? ""} className="flex h-full flex-col border-r border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
        <h2 className="text-sm font-semibold">Learn</h2>
        {lessons && <span className="text-xs text-slate-500">{lessons.length} lessons</span>}
        <button type="button" className="ml-auto rounded px-1.5 text-base leading-none hover:bg-slate-200 dark:hover:bg-slate-800" aria-label="Close lessons" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      {error ? (
        <LoadFailed what="The lessons" error={error} retry={retry} />
      ) : !lessons ? (
        <p className="p-3 text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="lessons-loading">
          Loading the lessons…
        </p>
      ) : (
        <CourseList lessons={lessons} current={lesson?.id ?? null} />
      )}
      {!lessons ? null : lesson ? <LessonView key={lesson.id} lessons={lessons} lesson={lesson} /> : <p className="p-3 text-sm text-slate-600 dark:text-slate-300">Pick a lesson to start. Each one loads a <code>router.ts</code> (or <code>router.py</code>) to finish and a scenario whose checks turn green as your module gets it right.</p>}
    </aside>
  );
}

function CourseList({ lessons, current }: { lessons: Lesson[]; current: string | null }) {
  const progress = useLearn((s) => s.progress);
  const start = useLearn((s) => s.start);
  // On a phone the list starts folded: the lesson itself needs the room.
  const [collapsed, setCollapsed] = useState(() => current !== null && window.matchMedia("(max-width: 767px)").matches);
  const done = lessons.filter((l) => progress[l.id]?.passed).length;
  return (
    <nav aria-label="course" className="shrink-0 border-b border-slate-200 text-xs dark:border-slate-700">
      <button type="button" className="flex w-full items-center gap-1 px-3 py-1 text-left text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
        <span>{collapsed ? "▸" : "▾"}</span> Course · <span data-testid="course-done">{done}</span> of {lessons.length} done
      </button>
      {!collapsed && (
        <ol className="max-h-56 overflow-auto pb-1" data-testid="course">
          {lessons.map((l, i) => {
            const passed = progress[l.id]?.passed === true;
            return (
              <li key={l.id}>
                <button
                  type="button"
                  data-testid="course-lesson"
                  data-id={l.id}
                  data-passed={passed}
                  aria-current={l.id === current ? "step" : undefined}
                  title={l.summary}
                  onClick={() => start(l.id)}
                  className={`flex w-full items-baseline gap-2 px-3 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${l.id === current ? "font-semibold text-sky-700 dark:text-sky-400" : ""}`}
                >
                  <span className={`w-3 shrink-0 ${passed ? "text-emerald-600" : "text-slate-400"}`} aria-label={passed ? "done" : "not done"}>
                    {passed ? "✓" : "○"}
                  </span>
                  <span>
                    {i + 1}. {l.title}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}

function LessonView({ lessons, lesson }: { lessons: Lesson[]; lesson: Lesson }) {
  const id = lesson.id;
  const index = lessons.indexOf(lesson);
  const hints = useLearn((s) => s.hints[id] ?? 0);
  const setAside = useLearn((s) => s.setAside[id]);
  const badge = useLearn((s) => lessonBadge(s, id));
  const storageOk = useLearn((s) => s.storageOk);
  const learn = usePlaygroundInstance().learn.getState();
  const [confirming, setConfirming] = useState(false);
  const prev = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1 overflow-auto px-3 py-2" data-testid="lesson-body">
        <p className="text-xs text-slate-500">
          Lesson {index + 1} of {lessons.length}
          {badge && (
            <span className="ml-2 text-emerald-600" data-testid="lesson-badge">
              ✓ {badge === "solved" ? "solved" : "done before"}
            </span>
          )}
        </p>
        <h3 className="text-base font-semibold" data-testid="lesson-title">{lesson.title}</h3>
        <Markdown text={lesson.instructions} />
        {lesson.hints.length > 0 && (
          <section aria-label="hints" className="mt-3 space-y-2" data-testid="hints">
            {lesson.hints.slice(0, hints).map((h, i) => (
              <div key={i} className="rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-700 dark:bg-amber-950" data-testid="hint">
                <Markdown text={h.replace(/^###\s*/, "#### Hint " + (i + 1) + ": ")} />
              </div>
            ))}
            {hints < lesson.hints.length && (
              <button type="button" className={btn} onClick={() => learn.revealHint(id)} data-testid="reveal-hint">
                {hints === 0 ? "Show a hint" : "Show another hint"} ({hints + 1} of {lesson.hints.length})
              </button>
            )}
          </section>
        )}
      </div>
      <Checks lesson={lesson} last={next === undefined} />
      <div className="shrink-0 space-y-1.5 border-t border-slate-200 px-3 py-2 dark:border-slate-700">
        {confirming ? (
          <div className="rounded border border-amber-400 bg-amber-50 p-2 text-xs dark:bg-amber-950" role="alertdialog" aria-label="Show the solution?">
            <p>Replace {lesson.moduleFile} with the solution? Your code is kept: “Restore my code” brings it back.</p>
            <div className="mt-1 flex gap-2">
              <button
                type="button"
                className="rounded bg-amber-600 px-2 py-0.5 font-semibold text-white hover:bg-amber-700"
                data-testid="confirm-solution"
                onClick={() => {
                  setConfirming(false);
                  learn.showSolution(id);
                }}
              >
                Show solution
              </button>
              <button type="button" className={btn} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-1.5">
            <button type="button" className={btn} onClick={() => setConfirming(true)} data-testid="show-solution">
              Show solution
            </button>
            {setAside !== undefined && (
              <button type="button" className={btn} onClick={() => learn.restoreCode(id)} data-testid="restore-code">
                Restore my code
              </button>
            )}
            <button type="button" className={btn} onClick={() => learn.resetToStarter(id)} data-testid="reset-starter" title="Load the starter again (your code stays recoverable)">
              Reset to starter
            </button>
          </div>
        )}
        <div className="flex gap-1.5">
          <button type="button" className={btn} disabled={!prev} onClick={() => prev && learn.start(prev.id)} data-testid="prev-lesson">
            ← Previous
          </button>
          <button type="button" className={`${btn} ml-auto`} disabled={!next} onClick={() => next && learn.start(next.id)} data-testid="next-lesson">
            Next lesson →
          </button>
        </div>
        {!storageOk && <p className="text-xs text-amber-700">Progress cannot be saved in this browser (storage is unavailable); it lasts until you close the page.</p>}
      </div>
    </div>
  );
}

function Checks({ lesson, last }: { lesson: Lesson; last: boolean }) {
  const id = lesson.id;
  const run = useLearn((s) => s.run);
  const trace = usePlayground((s) => s.trace);
  const stale = usePlayground((s) => s.stale);
  const scenario = usePlayground((s) => s.scenario);
  const runStatus = usePlayground((s) => s.run.status);
  const compileStatus = usePlayground((s) => s.compile.status);
  const mine = run && run.lessonId === id ? run : null;
  const complete = mine?.verdict.passed === true && !stale;
  const state = complete ? "complete" : mine ? "failing" : "pending";
  return (
    <section aria-label="checks" data-testid="checks" data-state={state} className={`shrink-0 border-t px-1 py-1 ${complete ? "border-emerald-400 bg-emerald-50 dark:bg-emerald-950" : "border-slate-200 dark:border-slate-700"}`}>
      <div className="flex items-baseline gap-2 px-2 text-xs">
        <h4 className="font-semibold">Checks</h4>
        <span className="text-slate-500" data-testid="checks-summary">
          {scenario !== lesson.scenario
            ? "scenario.yaml was edited: the checks only count on the lesson's scenario"
            : compileStatus === "error"
              ? `${lesson.moduleFile} does not compile`
              : !mine
                ? runStatus === "failed" ? "the run failed (see Problems)" : "running…"
                : stale
                  ? `${mine.verdict.summary} (last good run)`
                  : mine.verdict.summary}
        </span>
      </div>
      {complete && (
        <p className="px-2 py-1 text-sm font-semibold text-emerald-700 dark:text-emerald-400" role="status" data-testid="lesson-complete">
          ✓ Lesson complete{last ? " — that was the last lesson." : " — on to the next one when you are ready."}
        </p>
      )}
      {mine && trace && (
        <div className="max-h-48 overflow-auto">
          {mine.verdict.errors.length > 0 && (
            <p className="px-2 text-xs text-red-700 dark:text-red-400" data-testid="checks-errors">
              <RuleText text={mine.verdict.errors[0]!.message} />
            </p>
          )}
          <ExpectationsList trace={trace} results={mine.results} compact />
        </div>
      )}
    </section>
  );
}
