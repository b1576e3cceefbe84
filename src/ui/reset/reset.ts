// "Reset to the example's original": which files differ from the open example, and the
// reset itself. The reset is a wholesale load (store.loadExample), so the session keeps
// the replaced text in its draft and starts a new one (share/session.ts): the user's
// version stays in Recent drafts. Lessons have their own "Reset to starter" (learn.ts).
import { SCENARIO_FILE, type PlaygroundState, type PlaygroundStore } from "../store.ts";
import { exampleNamed, type Example } from "../catalog.ts";

/** The example the workspace was opened from, or undefined (a lesson, a link, a new draft; an example not loaded yet). */
export function originalOf(example: string): Example | undefined {
  return exampleNamed(example);
}

/** Tabs whose text differs from the example's (files added or removed count too), in tab order. */
export function changedFiles(s: Pick<PlaygroundState, "files" | "scenario">, ex: Example): string[] {
  const names = [...new Set([...Object.keys(s.files), ...Object.keys(ex.files)])];
  const out = names.filter((n) => s.files[n] !== ex.files[n]);
  if (s.scenario !== ex.scenario) out.push(SCENARIO_FILE);
  return out;
}

/** Puts every file of the open example back as shipped; the open tab stays. False when there is no example. */
export function resetToOriginal(store: PlaygroundStore): boolean {
  const s = store.getState();
  const ex = originalOf(s.example);
  if (!ex) return false;
  const tab = s.activeTab;
  s.loadExample(ex.name, { ...ex.files }, ex.scenario);
  if (tab === SCENARIO_FILE || Object.hasOwn(ex.files, tab)) store.getState().setActiveTab(tab);
  return true;
}
