// Export actions on the current store state: module .ts, scenario .yaml, project .zip,
// delivery graph as SVG / PNG. Each one is a download (Blob + object URL) of the given
// playground's state.
import { SCENARIO_FILE } from "../store.ts";
import type { Playground } from "../playground.ts";
import { exportModule, pythonPackageModule } from "../lazy.ts";
import { downloadBlob, stem } from "./download.ts";
import { graphSvg, graphPng } from "./graphImage.ts";

function projectStem(pg: Playground): string {
  return stem(pg.store.getState().example || "playground");
}

/** The module shown in the editor, or the first module when the scenario tab is active. */
export function activeModule(pg: Playground): string | null {
  const { files, activeTab } = pg.store.getState();
  if (Object.hasOwn(files, activeTab)) return activeTab;
  return Object.keys(files)[0] ?? null;
}

export function downloadModule(pg: Playground): void {
  const name = activeModule(pg);
  if (!name) return;
  downloadBlob(name, pg.store.getState().files[name] ?? "", name.endsWith(".py") ? "text/x-python" : "text/typescript");
}

export function hasPythonModule(pg: Playground): boolean {
  return Object.keys(pg.store.getState().files).some((f) => f.endsWith(".py"));
}

/** The project's .py modules as a pip-installable package (src/share/pythonPackage.ts). */
export async function downloadPythonPackage(pg: Playground): Promise<void> {
  const { buildPythonPackage } = await pythonPackageModule.load();
  const { files, scenario, example } = pg.store.getState();
  const pkg = buildPythonPackage(files, scenario, example);
  downloadBlob(`${pkg.name}.zip`, new Blob([pkg.zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }), "application/zip");
}

export function downloadScenario(pg: Playground): void {
  downloadBlob(SCENARIO_FILE, pg.store.getState().scenario, "application/yaml");
}

export async function downloadZip(pg: Playground): Promise<void> {
  const { buildZip } = await exportModule.load();
  const { files, scenario } = pg.store.getState();
  const bytes = buildZip(Object.entries(files), scenario);
  downloadBlob(`${projectStem(pg)}.zip`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }), "application/zip");
}

export function downloadGraphSvg(pg: Playground): boolean {
  const s = pg.store.getState();
  if (!s.trace) return false;
  const svg = graphSvg(s.trace, s.time ?? s.trace.scenario.end, s.graphFilters, s.selectedUser);
  downloadBlob(`${projectStem(pg)}.graph.svg`, svg, "image/svg+xml");
  return true;
}

export async function downloadGraphPng(pg: Playground): Promise<boolean> {
  const s = pg.store.getState();
  if (!s.trace) return false;
  const blob = await graphPng(s.trace, s.time ?? s.trace.scenario.end, s.graphFilters, s.selectedUser, pg.graph.renderer);
  if (!blob) return false;
  downloadBlob(`${projectStem(pg)}.graph.png`, blob, "image/png");
  return true;
}
