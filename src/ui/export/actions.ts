// Export actions on the current store state: module .ts, scenario .yaml, project .zip,
// delivery graph as SVG / PNG. Each one is a download (Blob + object URL).
import { usePlayground, SCENARIO_FILE } from "../store.ts";
import { buildZip } from "../../share/export.ts";
import { buildPythonPackage } from "../../share/pythonPackage.ts";
import { downloadBlob, stem } from "./download.ts";
import { graphSvg, graphPng } from "./graphImage.ts";

function projectStem(): string {
  return stem(usePlayground.getState().example || "playground");
}

/** The module shown in the editor, or the first module when the scenario tab is active. */
export function activeModule(): string | null {
  const { files, activeTab } = usePlayground.getState();
  if (Object.hasOwn(files, activeTab)) return activeTab;
  return Object.keys(files)[0] ?? null;
}

export function downloadModule(): void {
  const name = activeModule();
  if (!name) return;
  downloadBlob(name, usePlayground.getState().files[name] ?? "", name.endsWith(".py") ? "text/x-python" : "text/typescript");
}

export function hasPythonModule(): boolean {
  return Object.keys(usePlayground.getState().files).some((f) => f.endsWith(".py"));
}

/** The project's .py modules as a pip-installable package (src/share/pythonPackage.ts). */
export function downloadPythonPackage(): void {
  const { files, scenario, example } = usePlayground.getState();
  const pkg = buildPythonPackage(files, scenario, example);
  downloadBlob(`${pkg.name}.zip`, new Blob([pkg.zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }), "application/zip");
}

export function downloadScenario(): void {
  downloadBlob(SCENARIO_FILE, usePlayground.getState().scenario, "application/yaml");
}

export function downloadZip(): void {
  const { files, scenario } = usePlayground.getState();
  const bytes = buildZip(Object.entries(files), scenario);
  downloadBlob(`${projectStem()}.zip`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }), "application/zip");
}

export function downloadGraphSvg(): boolean {
  const s = usePlayground.getState();
  if (!s.trace) return false;
  const svg = graphSvg(s.trace, s.time ?? s.trace.scenario.end, s.graphFilters, s.selectedUser);
  downloadBlob(`${projectStem()}.graph.svg`, svg, "image/svg+xml");
  return true;
}

export async function downloadGraphPng(): Promise<boolean> {
  const s = usePlayground.getState();
  if (!s.trace) return false;
  const blob = await graphPng(s.trace, s.time ?? s.trace.scenario.end, s.graphFilters, s.selectedUser);
  if (!blob) return false;
  downloadBlob(`${projectStem()}.graph.png`, blob, "image/png");
  return true;
}
