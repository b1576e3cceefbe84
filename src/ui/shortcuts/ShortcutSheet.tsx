// The keyboard-shortcut sheet: a modal dialog listing table.ts. Esc, the close button or
// a click outside closes it; focus goes back to where it was when the sheet opened.
import { useCallback, useEffect, useRef } from "react";
import { SCOPE_TITLES, SHORTCUTS, keyLabel, type Scope } from "./table.ts";
import { useShortcutSheet } from "./state.ts";

function isMac(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad/i.test(nav.userAgentData?.platform ?? nav.platform ?? "");
}

const SCOPES: Scope[] = ["global", "editor", "timeline", "dialog"];

export function ShortcutSheet() {
  const [open, setOpen] = useShortcutSheet();
  return open ? <Sheet setOpen={setOpen} /> : null;
}

function Sheet({ setOpen }: { setOpen: (open: boolean) => void }) {
  const close = useCallback(() => setOpen(false), [setOpen]);
  const ref = useRef<HTMLDivElement>(null);
  const mac = isMac();

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (e.key === "Tab" && ref.current) {
        // Keep focus inside the dialog (its only control is the close button).
        e.preventDefault();
        ref.current.querySelector<HTMLElement>("[data-autofocus]")?.focus();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      // Back to the control (or editor) that had focus before the sheet opened.
      if (prev && prev.isConnected && prev !== document.body) prev.focus?.();
    };
  }, [close]);

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-slate-900/50 p-4"
      data-testid="shortcut-backdrop"
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget) return;
        // No default: the press would move focus to the page after it was given back.
        e.preventDefault();
        close();
      }}
    >
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcut-sheet" className="mt-12 w-full max-w-lg rounded-lg bg-white shadow-xl dark:bg-slate-900">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id="shortcuts-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            type="button"
            data-autofocus
            className="ml-auto rounded px-2 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
            onClick={close}
            aria-label="Close shortcuts"
          >
            ×
          </button>
        </div>
        <ShortcutList mac={mac} />
      </div>
    </div>
  );
}

/** The table's entries by scope, with their keys (what the sheet shows). */
export function ShortcutList({ mac }: { mac: boolean }) {
  return (
    <div className="space-y-3 px-4 py-3 text-sm">
      {SCOPES.map((scope) => (
        <section key={scope} aria-label={SCOPE_TITLES[scope]}>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{SCOPE_TITLES[scope]}</h3>
          <table className="w-full">
            <tbody>
              {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                <tr key={s.id} data-testid="shortcut" data-id={s.id}>
                  <td className="w-40 py-0.5 pr-3 align-top whitespace-nowrap">
                    {keyLabel(s.keys, mac).map((part, i) => (
                      <span key={i}>
                        {i > 0 && !mac && <span className="text-slate-400">+</span>}
                        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{part}</kbd>
                      </span>
                    ))}
                  </td>
                  <td className="py-0.5">{s.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
