// "Recent drafts": switch this tab to another saved draft (the current one is saved
// first, so nothing is lost).
import { useEffect, useRef, useState } from "react";
import { refreshDrafts, switchDraft, useSession } from "./session.ts";
import { btnClass, popClass } from "./ShareButton.tsx";

function ago(t: number): string {
  const s = Math.max(0, Math.round((Date.now() - t) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toISOString().slice(0, 10);
}

export function RecentDrafts() {
  const [open, setOpen] = useState(false);
  const drafts = useSession((s) => s.drafts);
  const current = useSession((s) => s.currentDraft);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);
  return (
    <div className="relative" ref={box}>
      <button
        type="button"
        className={btnClass}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="recent-drafts"
        onClick={() => {
          if (!open) refreshDrafts();
          setOpen(!open);
        }}
      >
        Recent drafts ▾
      </button>
      {open && (
        <div className={`${popClass} max-h-96 w-80 overflow-auto p-1`} role="menu" aria-label="Recent drafts" data-testid="recent-drafts-menu">
          {drafts.length === 0 && <p className="p-2 text-slate-500">No saved drafts yet.</p>}
          {drafts.map((d) => (
            <button
              key={d.id}
              type="button"
              role="menuitem"
              data-draft={d.id}
              data-current={d.id === current}
              className={`block w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${d.id === current ? "font-semibold" : ""}`}
              onClick={() => {
                setOpen(false);
                if (d.id !== current) switchDraft(d.id);
              }}
            >
              <span className="block truncate">{d.title}</span>
              <span className="block text-xs text-slate-500">
                {d.id === current ? "this tab · " : ""}
                {ago(d.updated)}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
