// Tabs over the module files and scenario.yaml (Ctrl+1..9 switches); in an editable
// editor also "+" for a new module file (newModule/) and, for an example, "Reset to the
// example's original".
import { usePlayground, SCENARIO_FILE } from "./store.ts";
import { NewModuleMenu } from "./newModule/NewModuleMenu.tsx";
import { ResetButton } from "./reset/ResetButton.tsx";
import { keyLabel, shortcut } from "./shortcuts/table.ts";

export function tabNames(files: Record<string, string>): string[] {
  return [...Object.keys(files), SCENARIO_FILE];
}

export function EditorTabs({ editable = false }: { editable?: boolean }) {
  const files = usePlayground((s) => s.files);
  const active = usePlayground((s) => s.activeTab);
  const setActive = usePlayground((s) => s.setActiveTab);
  return (
    <div className="flex shrink-0 items-center border-b border-slate-200 dark:border-slate-700">
      <div role="tablist" aria-label="files" className="flex min-w-0 overflow-x-auto text-xs">
        {tabNames(files).map((name, i) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={name === active}
            title={i < 9 ? keyLabel({ ...shortcut("tab").keys, key: String(i + 1) }).join("+") : undefined}
            onClick={() => setActive(name)}
            className={`whitespace-nowrap px-3 py-1 font-mono ${name === active ? "border-b-2 border-sky-600 bg-white dark:bg-slate-900" : "text-slate-600 dark:text-slate-400"}`}
          >
            {name}
          </button>
        ))}
      </div>
      {editable && <NewModuleMenu />}
      {editable && <ResetButton />}
    </div>
  );
}
