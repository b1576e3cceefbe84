// Problems: compile, scenario and runtime problems; a click jumps to the location.
import type { Problem } from "../problems.ts";
import { usePlayground } from "../store.ts";
import { RuleText } from "../glossary/RuleText.tsx";

export function ProblemsTab({ problems }: { problems: Problem[] }) {
  const reveal = usePlayground((s) => s.revealLocation);
  if (problems.length === 0) return <p className="p-2 text-xs text-slate-500">No problems.</p>;
  return (
    <ul className="h-full overflow-auto text-xs" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i}>
          <button
            type="button"
            disabled={!p.file || !p.line}
            onClick={() => reveal({ file: p.file, line: p.line, column: p.column })}
            className="flex w-full gap-2 px-2 py-1 text-left hover:bg-slate-100 disabled:hover:bg-transparent dark:hover:bg-slate-800"
          >
            <span className={p.severity === "error" ? "text-red-600" : "text-amber-600"}>{p.severity === "error" ? "●" : "▲"}</span>
            <span className="shrink-0 text-slate-500">{p.owner}</span>
            {p.file && <span className="shrink-0 font-mono underline">{p.file}{p.line ? `:${p.line}:${p.column}` : ""}</span>}
            <span className="whitespace-pre-wrap"><RuleText text={p.message} />{p.count > 1 ? ` (×${p.count})` : ""}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
