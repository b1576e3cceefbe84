// The rule glossary: the open entry (id, title, section, summary, related rules) over a
// searchable list of every rule R1–R75 and surprise S1–S23 of the presence semantics.
import { useEffect, useMemo, useRef, useState } from "react";
import { glossaryModule, Loaded } from "../lazy.ts";
import { useGlossary } from "./state.ts";
import { RuleLink } from "./RuleText.tsx";

export function GlossaryDialog() {
  const { open } = useGlossary();
  if (!open) return null;
  // The entries are not part of the first chunk (lazy.ts): opening the glossary loads them.
  return <Loaded module={glossaryModule}>{(glossary) => <Dialog id={open} glossary={glossary} />}</Loaded>;
}

function Dialog({ id, glossary }: { id: string; glossary: NonNullable<typeof glossaryModule.current> }) {
  const { ruleEntry, searchRules } = glossary;
  const { openRule, close: closeGlossary } = useGlossary();
  const entry = ruleEntry(id);
  const [query, setQuery] = useState("");
  const list = useMemo(() => searchRules(query), [query]);
  const ref = useRef<HTMLDivElement>(null);
  const selected = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLInputElement>("input")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        // Capture phase, stopped here: Escape closes the glossary only, not a dialog under it.
        e.preventDefault();
        e.stopPropagation();
        closeGlossary();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      prev?.focus?.();
    };
  }, [closeGlossary]);
  useEffect(() => {
    // The open entry stays in view in the list, also when a search is cleared.
    selected.current?.scrollIntoView({ block: "nearest" });
  }, [id, query]);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4" onMouseDown={(e) => e.target === e.currentTarget && closeGlossary()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="glossary-title" data-testid="glossary" data-rule={id} className="flex max-h-[85dvh] w-full max-w-2xl flex-col rounded-lg bg-white text-sm shadow-xl dark:bg-slate-900">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id="glossary-title" className="text-base font-semibold">Rule glossary</h2>
          <span className="text-xs text-slate-500">Synapse 1.157 presence semantics, in short</span>
          <button type="button" className="ml-auto rounded px-2 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeGlossary} aria-label="Close glossary">
            ×
          </button>
        </div>
        {entry ? (
          <section className="space-y-1 border-b border-slate-200 px-4 py-3 dark:border-slate-700" data-testid="glossary-entry" aria-live="polite">
            <h3 className="font-semibold">
              <span className="font-mono">{entry.id}</span> {entry.title}
            </h3>
            <p className="text-xs text-slate-500">
              §{entry.section}
              {entry.tags.length > 0 && ` · ${entry.tags.map((t) => `[${t}]`).join("")}`}
            </p>
            <p>{entry.summary}</p>
            {entry.see.length > 0 && (
              <p className="text-xs">
                See also:{" "}
                {entry.see.map((r, i) => (
                  <span key={r}>
                    {i > 0 && ", "}
                    <RuleLink id={r} />
                  </span>
                ))}
              </p>
            )}
          </section>
        ) : (
          <p className="border-b border-slate-200 px-4 py-3 dark:border-slate-700">No rule {id} in the glossary.</p>
        )}
        <div className="px-4 pt-2">
          <input
            type="search"
            aria-label="Search the rules"
            placeholder="Search rules: id, word…"
            className="w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-600"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && list[0]) openRule(list[0].id);
            }}
          />
        </div>
        <ul className="min-h-0 flex-1 overflow-auto px-2 py-2" data-testid="glossary-list" aria-label="All rules">
          {list.map((e) => (
            <li key={e.id}>
              <button
                ref={e.id === id ? selected : undefined}
                type="button"
                data-rule={e.id}
                aria-current={e.id === id ? "true" : undefined}
                className={`flex w-full gap-2 rounded px-2 py-0.5 text-left text-xs ${e.id === id ? "bg-sky-100 dark:bg-sky-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                onClick={() => openRule(e.id)}
              >
                <span className="w-8 shrink-0 font-mono font-semibold">{e.id}</span>
                <span className="shrink-0 font-medium">{e.title}</span>
                <span className="truncate text-slate-500">{e.summary}</span>
              </button>
            </li>
          ))}
          {list.length === 0 && <li className="px-2 text-xs text-slate-500">No rule matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
