// The first-visit card: what this is, and two ways in ("Start lesson 1", "Open an
// example"). Shown once per browser: it is marked seen as soon as it shows (a reload
// does not bring it back), and any of its buttons, × or Escape closes it. Not modal: the
// playground behind it works.
import { useEffect, useState } from "react";
import { usePlaygroundInstance } from "../context.ts";
import { useContent } from "../catalog.ts";
import { contentModule } from "../lazy.ts";
import { useGalleryOpen } from "../gallery/state.ts";

export const FIRST_VISIT_KEY = "prp.firstVisitSeen.v1";

function seen(): boolean {
  try {
    return localStorage.getItem(FIRST_VISIT_KEY) !== null;
  } catch {
    return true; // no storage: better never than on every load
  }
}

export function FirstVisitCard() {
  const { learn } = usePlaygroundInstance();
  const [, setGallery] = useGalleryOpen();
  const [open, setOpen] = useState(() => !seen());
  // The lessons' texts are not in the first chunk: the lesson's title is the button's
  // hover text once they have loaded (after the first run; the label stays put), and a
  // click before that loads them first.
  const first = useContent()?.LESSONS[0];
  useEffect(() => {
    if (!open) return;
    try {
      localStorage.setItem(FIRST_VISIT_KEY, "1");
    } catch {
      // not kept: it shows again next time
    }
  }, [open]);
  // Escape closes it, unless the key closes something else first: a dialog open over the
  // page (the gallery, the glossary: their own Escape), or a widget that took the key.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector('[aria-modal="true"]')) setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  if (!open) return null;
  const close = () => setOpen(false);
  const btn = "rounded px-3 py-1 text-sm font-medium";
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby="first-visit-title"
      data-testid="first-visit"
      className="fixed bottom-16 left-1/2 z-40 w-[min(34rem,calc(100vw-1.5rem))] -translate-x-1/2 rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-2xl dark:border-slate-600 dark:bg-slate-900"
    >
      <button type="button" className="absolute right-2 top-1 rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800" aria-label="Close" onClick={close}>
        ×
      </button>
      <h2 id="first-visit-title" className="mb-1 text-base font-semibold">
        Welcome to the Presence Router Playground
      </h2>
      <p className="mb-2 text-slate-700 dark:text-slate-300">
        Write a Synapse <strong>presence-router module</strong> on the left; on the right, a simulated Synapse runs it and draws{" "}
        <strong>who receives whose presence</strong>, and why. Every edit reruns. Nothing leaves your browser.
      </p>
      <ul className="mb-3 list-disc pl-5 text-slate-600 dark:text-slate-400">
        <li>
          The graph: users and servers; an edge is a presence update delivered, coloured by its reason (shared room, your router, …).
        </li>
        <li>The timeline at the bottom scrubs through the run; the inspector lists every event, router call and check.</li>
      </ul>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={`${btn} bg-sky-600 text-white hover:bg-sky-700`}
          data-testid="first-visit-lesson"
          title={first ? `Lesson 1: ${first.title}` : undefined}
          onClick={() => {
            learn.getState().setOpen(true);
            void contentModule.load().then((c) => {
              const lesson1 = c.LESSONS[0];
              if (lesson1) learn.getState().start(lesson1.id);
            }, () => {});
            close();
          }}
        >
          Start lesson 1
        </button>
        <button
          type="button"
          className={`${btn} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`}
          data-testid="first-visit-examples"
          onClick={() => {
            setGallery(true);
            close();
          }}
        >
          Open an example
        </button>
        <button type="button" className={`${btn} text-slate-600 hover:underline dark:text-slate-400`} onClick={close}>
          Explore on my own
        </button>
      </div>
    </section>
  );
}
