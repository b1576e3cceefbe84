// Tabs over the module files and scenario.yaml (Ctrl+1..9 switches), then "+" for a new
// module file (newModule/).
import { usePlayground, SCENARIO_FILE } from "./store.ts";
import { NewModuleMenu } from "./newModule/NewModuleMenu.tsx";

export function tabNames(files: Record<string, string>): string[] {
  return [...Object.keys(files), SCENARIO_FILE];
}

export function EditorTabs() {
  const files = usePlayground((s) => s.files);
  const active = usePlayground((s) => s.activeTab);
  const setActive = usePlayground((s) => s.setActiveTab);
  return (
    <div className="flex shrink-0 border-b border-slate-200 text-xs dark:border-slate-700">
      <div
        role="tablist"
        aria-label="files"
        className="flex min-w-0 overflow-x-auto"
      >
        {tabNames(files).map((name, i) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={name === active}
            title={i < 9 ? `Ctrl+${i + 1}` : undefined}
            onClick={() => setActive(name)}
            className={`whitespace-nowrap px-3 py-1 font-mono ${name === active ? "border-b-2 border-sky-600 bg-white dark:bg-slate-900" : "text-slate-600 dark:text-slate-400"}`}
          >
            {name}
          </button>
        ))}
      </div>
      <NewModuleMenu />
    </div>
  );
}
