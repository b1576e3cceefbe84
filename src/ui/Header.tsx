// Header: title, example picker, Run, Download run trace, and the status line
// (compile / run state and the "stale" badge).
import { usePlayground } from "./store.ts";
import { EXAMPLES, findExample } from "./examples.ts";

function downloadTrace(): void {
  const { trace, example } = usePlayground.getState();
  if (!trace) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2) + "\n"], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${example || "playground"}.trace.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Header({ onRun }: { onRun: () => void }) {
  const example = usePlayground((s) => s.example);
  const loadExample = usePlayground((s) => s.loadExample);
  const compile = usePlayground((s) => s.compile);
  const run = usePlayground((s) => s.run);
  const stale = usePlayground((s) => s.stale);
  const hasTrace = usePlayground((s) => s.trace !== null);
  const btn = "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";
  const status =
    compile.status === "compiling" ? "compiling…"
    : compile.status === "error" ? "does not compile"
    : run.status === "running" ? "running…"
    : run.status === "failed" ? "run failed"
    : run.status === "ok" ? `ran in ${Math.round(run.ms ?? 0)} ms`
    : "starting…";
  return (
    <header className="flex shrink-0 flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
      <h1 className="text-base font-semibold">Presence Router Playground</h1>
      <label className="flex items-center gap-1 text-sm">
        <span className="text-slate-500">Example</span>
        <select
          aria-label="example"
          className="max-w-72 rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
          value={example}
          onChange={(e) => {
            const ex = findExample(e.target.value);
            if (ex) loadExample(ex.name, { ...ex.files }, ex.scenario);
          }}
        >
          {EXAMPLES.map((ex) => (
            <option key={ex.name} value={ex.name} title={ex.title}>
              {ex.name} · {ex.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={btn} onClick={onRun} title="Run (Ctrl+Enter)" data-testid="run">
        ▶ Run
      </button>
      <button type="button" className={btn} onClick={downloadTrace} disabled={!hasTrace} title="Download the run trace as JSON">
        Download run trace (JSON)
      </button>
      <span className="ml-auto flex items-center gap-2 text-xs text-slate-500" data-testid="status" data-compile-status={compile.status} data-run-status={run.status} data-stale={stale}>
        {stale && (
          <span className="rounded bg-amber-500 px-1.5 py-0.5 font-semibold text-white" data-testid="stale-badge" title="The inputs changed and the newest version does not compile or run: this is the last good result.">
            stale
          </span>
        )}
        {status}
      </span>
    </header>
  );
}
