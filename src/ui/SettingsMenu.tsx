// Settings (the header's ⚙ menu): theme, editor font size and word wrap (settings.ts),
// the callback budget, the run-trace download and the shortcut sheet: expert controls
// kept out of the way.
import { useEffect, useRef, useState } from "react";
import { usePlayground, type PlaygroundStore } from "./store.ts";
import { usePlaygroundInstance } from "./context.ts";
import { BudgetSetting } from "./BudgetSetting.tsx";
import { FONT_SIZES, useSettings, type Theme } from "./settings.ts";
import { btnClass, popClass } from "./share/ShareButton.tsx";

export function downloadTrace(store: PlaygroundStore): void {
  const { trace, example } = store.getState();
  if (!trace) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2) + "\n"], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${(example || "playground").replace(/[^\w.-]+/g, "-")}.trace.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SettingsMenu({ onBudgetChange }: { onBudgetChange: () => void }) {
  const pg = usePlaygroundInstance();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const s = useSettings();
  const hasTrace = usePlayground((st) => st.trace !== null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const row = "flex items-center justify-between gap-3 py-1";
  return (
    <div className="relative" ref={box}>
      <button ref={button} type="button" className={btnClass} onClick={() => setOpen((v) => !v)} aria-expanded={open} data-testid="settings-button" title="Settings">
        ⚙<span className="max-xl:sr-only"> Settings</span>
      </button>
      {open && (
        <div className={`${popClass} w-80`} role="dialog" aria-label="Settings" data-testid="settings">
          <label className={row}>
            <span>Theme</span>
            <select
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
              value={s.theme}
              onChange={(e) => s.set({ theme: e.currentTarget.value as Theme })}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label className={row}>
            <span>Editor font size</span>
            <select
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
              value={s.fontSize}
              onChange={(e) => s.set({ fontSize: Number(e.currentTarget.value) })}
            >
              {FONT_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n} px
                </option>
              ))}
            </select>
          </label>
          <label className={row}>
            <span>Word wrap</span>
            <input type="checkbox" checked={s.wordWrap} onChange={(e) => s.set({ wordWrap: e.currentTarget.checked })} />
          </label>
          <div className={`${row} border-t border-slate-200 pt-2 dark:border-slate-700`}>
            <BudgetSetting onChange={onBudgetChange} />
          </div>
          <div className={row}>
            <button type="button" className={btnClass} onClick={() => downloadTrace(pg.store)} disabled={!hasTrace} title="Download the run trace as JSON">
              Download run trace (JSON)
            </button>
          </div>
          <div className={row}>
            <button
              type="button"
              className={btnClass}
              data-testid="open-shortcuts"
              onClick={() => {
                setOpen(false);
                // Focus returns to ⚙ when the sheet closes (this item is gone by then).
                button.current?.focus();
                pg.view.setState({ shortcutSheet: true });
              }}
            >
              Keyboard shortcuts
            </button>
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">?</kbd>
          </div>
        </div>
      )}
    </div>
  );
}
