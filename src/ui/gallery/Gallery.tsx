// The examples gallery: every examples/<name>/ folder as a card (title, what it is,
// what it teaches, the rules it shows); opening one loads its files and scenario.
import { useEffect, useMemo, useRef } from "react";
import { usePlayground, usePlaygroundStore, type PlaygroundStore } from "../store.ts";
import { exampleNamed, useExample } from "../catalog.ts";
import { contentModule, useLoadNow } from "../lazy.ts";
import { LoadFailed } from "../LoadFailed.tsx";
import { InlineMarkdown } from "../markdown/Markdown.tsx";
import { exampleCard } from "./cards.ts";
import { RuleLink } from "../glossary/RuleText.tsx";
import { EXAMPLE_ROUTE } from "../../share/route.ts";

/** Loads an example into the editor (module tabs + scenario.yaml). Returns false if unknown (or not loaded yet). */
export function openExample(store: PlaygroundStore, name: string): boolean {
  const ex = exampleNamed(name);
  if (!ex) return false;
  store.getState().loadExample(ex.name, { ...ex.files }, ex.scenario);
  return true;
}

/** The header button: shows the current example and opens the gallery. */
export function ExamplesButton({ onOpen, className }: { onOpen: () => void; className: string }) {
  const example = usePlayground((s) => s.example);
  const current = useExample(example);
  return (
    <button type="button" className={className} onClick={onOpen} data-testid="examples-button" aria-haspopup="dialog" title={current ? `Current example: ${current.title}` : "Browse the examples"}>
      Examples{current ? <span className="ml-1 text-slate-500 max-xl:hidden">· {current.name}</span> : null}
    </button>
  );
}

export function GalleryDialog({ onClose }: { onClose: () => void }) {
  const store = usePlaygroundStore();
  // Every example but the default one loads with the lessons (catalog.ts): at once, as the gallery opens.
  const { module: content, error, retry } = useLoadNow(contentModule);
  const cards = useMemo(() => (content ? content.EXAMPLES.map(exampleCard) : []), [content]);
  const current = usePlayground((s) => s.example);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      prev?.focus?.();
    };
  }, [onClose]);
  // The first card's Open button, once the cards are there (the examples may still be loading as it opens).
  useEffect(() => {
    if (content) ref.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [content]);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-auto whitespace-normal bg-slate-900/50 p-4" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="gallery-title" data-testid="gallery" className="w-full max-w-5xl rounded-lg bg-white shadow-xl dark:bg-slate-900">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id="gallery-title" className="text-base font-semibold">Examples</h2>
          <span className="text-xs text-slate-500">{content ? `${cards.length} examples · each opens its module files and scenario in the editor` : error ? "" : "Loading the examples…"}</span>
          <button type="button" className="ml-auto rounded px-2 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800" onClick={onClose} aria-label="Close examples">
            ×
          </button>
        </div>
        {error && <LoadFailed what="The examples" error={error} retry={retry} />}
        <ul className="grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map((c, i) => (
            <li key={c.name} data-testid="example-card" data-name={c.name} className={`flex flex-col gap-2 rounded border p-3 text-sm ${c.name === current ? "border-sky-500" : "border-slate-200 dark:border-slate-700"}`}>
              <h3 className="font-semibold leading-snug">{c.title}</h3>
              <p className="font-mono text-xs text-slate-500">{c.name}/ · {[...c.files, "scenario.yaml"].join(", ")}</p>
              {c.size && (
                <p className="text-xs" data-testid="example-size">
                  <span className="rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">{c.size}</span>
                  <span className="ml-1 text-slate-500">generated; the run takes a while (progress under the header)</span>
                </p>
              )}
              {c.summary && (
                <p className="line-clamp-4 text-xs text-slate-700 dark:text-slate-300">
                  <InlineMarkdown text={c.summary} />
                </p>
              )}
              {c.teaches.length > 0 && (
                <ul className="list-disc pl-4 text-xs text-slate-700 dark:text-slate-300" aria-label="what it teaches">
                  {c.teaches.map((t, j) => (
                    <li key={j}>
                      <InlineMarkdown text={t} />
                    </li>
                  ))}
                </ul>
              )}
              {c.rules.length > 0 && (
                <p className="flex flex-wrap gap-1" aria-label="rules it shows">
                  {c.rules.map((r) => (
                    <span key={r} className="rounded bg-slate-100 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300"><RuleLink id={r} /></span>
                  ))}
                </p>
              )}
              <div className="mt-auto pt-1">
                <button
                  type="button"
                  data-autofocus={i === 0 ? "" : undefined}
                  className="rounded bg-sky-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-sky-700"
                  aria-label={`Open example ${c.name}`}
                  onClick={() => {
                    openExample(store, c.name);
                    onClose();
                  }}
                >
                  {c.name === current ? "Reopen" : "Open"}
                </button>
                {/* The example's direct URL (share/route.ts): following it opens the example in a new draft. */}
                <a
                  href={`#${EXAMPLE_ROUTE}${c.name}`}
                  data-testid="example-link"
                  className="ml-2 font-mono text-[10px] text-sky-700 underline hover:text-sky-900 dark:text-sky-300"
                  title="This example's direct URL: copy it to open the example in any browser"
                  onClick={onClose}
                >
                  #{EXAMPLE_ROUTE}
                  {c.name}
                </a>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
