// "Recent drafts": newest first, one entry per content (no identical entries), each with
// its name (the example's or lesson's unless renamed), a "modified" mark when it differs
// from the example's original, rename and delete (with undo). Switching saves the
// current draft first, so nothing is lost.
import { useEffect, useRef, useState } from "react";
import { useSession } from "./session.ts";
import { usePlaygroundInstance } from "../context.ts";
import { btnClass, popClass } from "./ShareButton.tsx";
import { MAX_NAME, type DraftSummary } from "../../share/drafts.ts";

function ago(t: number): string {
  const s = Math.max(0, Math.round((Date.now() - t) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toISOString().slice(0, 10);
}

const iconBtn = "shrink-0 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 disabled:opacity-30 disabled:hover:bg-transparent dark:hover:bg-slate-700 dark:hover:text-slate-100";

function DraftRow({ d, current, onSwitch }: { d: DraftSummary; current: boolean; onSwitch: () => void }) {
  const { session } = usePlaygroundInstance();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(d.name);
  const file = d.title.slice(d.title.lastIndexOf(" · ") + 3);
  const commit = () => {
    session.renameDraft(d.id, name);
    setRenaming(false);
  };
  return (
    <li className={`flex items-start gap-1 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${current ? "bg-sky-50 dark:bg-sky-950" : ""}`} data-draft-row={d.id}>
      {renaming ? (
        <form
          className="flex flex-1 items-center gap-1 py-1"
          onSubmit={(e) => {
            e.preventDefault();
            commit();
          }}
        >
          <input
            autoFocus
            aria-label="Draft name"
            data-testid="draft-name-input"
            maxLength={MAX_NAME}
            value={name}
            placeholder={d.origin}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                setName(d.name);
                setRenaming(false);
              }
            }}
            className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <button type="submit" className={iconBtn} aria-label="Save name">
            ✓
          </button>
        </form>
      ) : (
        <button type="button" role="menuitem" data-draft={d.id} data-current={current} className="min-w-0 flex-1 py-1 text-left" onClick={onSwitch}>
          <span className="flex items-center gap-1.5">
            <span className={`truncate ${current ? "font-semibold" : ""}`} data-testid="draft-name">
              {d.name}
            </span>
            {d.modified && (
              <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-medium uppercase tracking-wide text-amber-800 dark:bg-amber-900 dark:text-amber-100" data-testid="draft-modified" title="Differs from the example's original">
                modified
              </span>
            )}
          </span>
          <span className="block text-xs text-slate-500">
            {current ? "this tab · " : ""}
            {ago(d.updated)} · {file}
          </span>
        </button>
      )}
      {!renaming && (
        <span className="flex shrink-0 items-center gap-0.5 pt-1">
          <button
            type="button"
            className={iconBtn}
            aria-label={`Rename ${d.name}`}
            title="Rename"
            data-testid="draft-rename"
            onClick={() => {
              setName(d.name);
              setRenaming(true);
            }}
          >
            ✎
          </button>
          <button
            type="button"
            className={iconBtn}
            aria-label={`Delete ${d.name}`}
            title={current ? "This tab is editing it: open another draft first" : "Delete (can be undone)"}
            data-testid="draft-delete"
            disabled={current}
            onClick={() => session.deleteDraft(d.id)}
          >
            ✕
          </button>
        </span>
      )}
    </li>
  );
}

export function RecentDrafts() {
  const { session } = usePlaygroundInstance();
  const [open, setOpen] = useState(false);
  const drafts = useSession((s) => s.drafts);
  const current = useSession((s) => s.currentDraft);
  const deleted = useSession((s) => s.deleted);
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
          if (!open) {
            session.refreshDrafts();
            session.ui.setState({ deleted: null }); // undo is offered while the menu stays open
          }
          setOpen(!open);
        }}
      >
        Recent drafts ▾
      </button>
      {open && (
        <div className={`${popClass} max-h-96 w-96 overflow-auto p-1`} role="menu" aria-label="Recent drafts" data-testid="recent-drafts-menu">
          {deleted && (
            <p role="status" className="mb-1 flex items-center gap-2 rounded bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800" data-testid="draft-deleted">
              <span className="min-w-0 flex-1 truncate">Deleted “{deleted.name}”.</span>
              <button type="button" className="font-semibold text-sky-700 underline dark:text-sky-300" data-testid="draft-undo" onClick={() => session.undoDelete()}>
                Undo
              </button>
            </p>
          )}
          {drafts.length === 0 && <p className="p-2 text-slate-500">No saved drafts yet.</p>}
          <ul>
            {drafts.map((d) => (
              <DraftRow
                key={d.id}
                d={d}
                current={d.id === current}
                onSwitch={() => {
                  setOpen(false);
                  if (d.id !== current) session.switchDraft(d.id);
                }}
              />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
