// The editor bar's "Reset" for an example: asks first (naming the files that change),
// then restores every file of the example. The replaced text stays in Recent drafts.
import { useEffect, useRef, useState } from "react";
import { usePlayground, usePlaygroundStore } from "../store.ts";
import { changedFiles, resetToOriginal } from "./reset.ts";
import { useExample } from "../catalog.ts";

const btn = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

export function ResetButton() {
  const store = usePlaygroundStore();
  const example = usePlayground((s) => s.example);
  const files = usePlayground((s) => s.files);
  const scenario = usePlayground((s) => s.scenario);
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const ex = useExample(example);
  const changed = ex ? changedFiles({ files, scenario }, ex) : [];

  useEffect(() => {
    if (!asking) return;
    box.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const close = () => {
      setAsking(false);
      button.current?.focus();
    };
    const onDown = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setAsking(false);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    document.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [asking]);
  useEffect(() => setAsking(false), [example]);

  if (!ex) return null;
  return (
    <div className="relative ml-auto flex shrink-0 items-center px-1" ref={box}>
      <button
        ref={button}
        type="button"
        className={btn}
        disabled={changed.length === 0}
        aria-expanded={asking}
        onClick={() => setAsking((v) => !v)}
        data-testid="reset-example"
        title={changed.length ? `Reset to the example's original (${ex.name})` : "Nothing to reset: the files are the example's original"}
      >
        ↺ Reset
      </button>
      {asking && (
        <div role="alertdialog" aria-labelledby="reset-title" data-testid="reset-confirm" className="absolute right-1 top-full z-30 mt-1 w-80 rounded border border-amber-400 bg-amber-50 p-2 text-xs shadow-lg dark:bg-amber-950">
          <p id="reset-title" className="font-semibold">Reset to the example’s original?</p>
          <p className="mt-1">
            {changed.map((f, i) => (
              <span key={f}>
                {i > 0 && ", "}
                <code>{f}</code>
              </span>
            ))}{" "}
            {changed.length === 1 ? "goes" : "go"} back to <strong>{ex.name}</strong> as shipped. Your current version is kept in <strong>Recent drafts</strong>.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              data-autofocus
              data-testid="confirm-reset"
              className="rounded bg-amber-600 px-2 py-0.5 font-semibold text-white hover:bg-amber-700"
              onClick={() => {
                setAsking(false);
                resetToOriginal(store);
              }}
            >
              Reset
            </button>
            <button type="button" className={btn} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
