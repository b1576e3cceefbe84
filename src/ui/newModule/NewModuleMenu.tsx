// The "+" at the end of the editor tabs: a new module file from a skeleton (TypeScript
// or Python, modern or legacy style; ./skeletons.ts), named in a small form that says
// what is wrong with a name before it is used. The skeleton's header says how to load
// it from scenario.yaml; the scenario is not changed behind the user's back. The menu
// also deletes the module file shown (after a confirmation).
import { useEffect, useRef, useState } from "react";
import { usePlayground, usePlaygroundStore } from "../store.ts";
import {
  SKELETONS,
  freeName,
  nameProblem,
  skeleton,
  type SkeletonKind,
} from "./skeletons.ts";

const item =
  "block w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800";
const pop =
  "absolute left-0 top-full z-50 mt-1 w-72 rounded border border-slate-300 bg-white text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900";

export function NewModuleMenu() {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<SkeletonKind | null>(null);
  const [name, setName] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const store = usePlaygroundStore();
  const taken = Object.keys(usePlayground((s) => s.files));
  const active = usePlayground((s) => s.activeTab);
  const close = () => {
    setOpen(false);
    setKind(null);
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) close();
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);
  useEffect(() => {
    if (kind) input.current?.select();
  }, [kind]);
  const problem = kind ? nameProblem(name.trim(), kind.lang, taken) : null;
  const create = () => {
    if (!kind || problem) return;
    const file = name.trim();
    store.getState().addFile(file, skeleton(file, kind));
    close();
  };
  return (
    <div className="relative flex shrink-0 items-stretch" ref={box}>
      <button
        type="button"
        aria-label="New module file"
        title="New module file (TypeScript or Python)"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="new-module"
        className="px-2 text-slate-500 hover:text-slate-900 dark:hover:text-slate-100"
        onClick={() => (open ? close() : setOpen(true))}
      >
        +
      </button>
      {open && !kind && (
        <div className={`${pop} p-1`} role="menu" aria-label="New module file">
          {SKELETONS.map((k) => (
            <button
              key={k.label}
              type="button"
              role="menuitem"
              className={item}
              onClick={() => {
                setKind(k);
                setName(freeName(k.lang, taken));
              }}
            >
              {k.label}
            </button>
          ))}
          {taken.includes(active) && (
            <button
              type="button"
              role="menuitem"
              className={`${item} border-t border-slate-200 text-red-700 dark:border-slate-700 dark:text-red-300`}
              onClick={() => {
                close();
                if (
                  window.confirm(
                    `Delete ${active}? Its text is gone from this draft (other drafts keep theirs).`,
                  )
                )
                  store.getState().removeFile(active);
              }}
            >
              Delete {active}…
            </button>
          )}
        </div>
      )}
      {open && kind && (
        <form
          className={`${pop} space-y-1 p-2 text-xs`}
          aria-label="Name the new module file"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
          onKeyDown={(e) => e.key === "Escape" && close()}
        >
          <label className="block">
            <span className="text-slate-500">{kind.label}: file name</span>
            <input
              ref={input}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={problem !== null}
              aria-describedby="new-module-problem"
              spellCheck={false}
              className="mt-0.5 block w-full rounded border border-slate-300 bg-transparent px-1 py-0.5 font-mono dark:border-slate-600"
            />
          </label>
          <p
            id="new-module-problem"
            role={problem ? "alert" : undefined}
            className={
              problem ? "text-red-700 dark:text-red-300" : "text-slate-500"
            }
          >
            {problem ?? "The new file says how to load it from scenario.yaml."}
          </p>
          <div className="flex justify-end gap-1">
            <button
              type="button"
              className="rounded px-2 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={close}
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={problem !== null}
              className="rounded bg-sky-600 px-2 py-0.5 text-white disabled:opacity-50"
            >
              Create
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
