// "About this example": one line under the header while an example is open (its title and
// what it is, from its README), expanding to the whole README (rule ids as glossary
// links). Nothing for lessons (the lesson panel has their text) or drafts of no example.
import { useState } from "react";
import { usePlayground } from "../store.ts";
import { useExample } from "../catalog.ts";
import { InlineMarkdown, Markdown } from "../markdown/Markdown.tsx";
import { exampleCard } from "./cards.ts";

export function ExampleAbout() {
  const name = usePlayground((s) => s.example);
  const ex = useExample(name);
  if (!ex || !ex.readme) return null;
  // Keyed by example: opening another one starts collapsed.
  return <About key={ex.name} name={ex.name} title={ex.title} readme={ex.readme} files={ex.files} />;
}

function About({ name, title, readme, files }: { name: string; title: string; readme: string; files: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const card = exampleCard({ name, title, readme, files });
  const body = readme.replace(/^\s*#[^\n]*\n/, "");
  return (
    <section className="shrink-0 border-b border-slate-200 bg-slate-50 px-3 text-xs dark:border-slate-700 dark:bg-slate-900" data-testid="example-about" data-example={name} aria-label="About this example">
      <div className="flex h-7 items-center gap-2">
        <button
          type="button"
          className="shrink-0 rounded px-1 font-semibold hover:bg-slate-200 dark:hover:bg-slate-800"
          aria-expanded={open}
          aria-controls="example-about-body"
          data-testid="example-about-toggle"
          onClick={() => setOpen((v) => !v)}
        >
          {open ? "▾" : "▸"} About this example: {card.title}
        </button>
        {!open && card.summary && (
          <span className="min-w-0 truncate text-slate-600 dark:text-slate-400" data-testid="example-about-summary">
            <InlineMarkdown text={card.summary} />
          </span>
        )}
      </div>
      {open && (
        <div id="example-about-body" className="max-h-64 overflow-auto pb-2" data-testid="example-about-body">
          <Markdown text={body} className="text-xs" />
          <p className="mt-1 font-mono text-[11px] text-slate-500">examples/{name}/ · {[...Object.keys(files), "scenario.yaml"].join(", ")}</p>
        </div>
      )}
    </section>
  );
}
