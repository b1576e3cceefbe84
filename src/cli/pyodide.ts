// Pyodide for the headless runner's contained child (src/cli/child.ts): the parent names
// node_modules/pyodide (the child's only readable folder); the child loads it from there.
import { createRequire } from "node:module";
import { dirname, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { PYODIDE_ENV, type PyodideLike } from "../python/host.ts";

export const PYODIDE_ARG = "--pyodide=";

/** node_modules/pyodide/ as an absolute folder path ending in a separator. */
export function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve("pyodide/package.json")) + sep;
}

export async function loadPyodideInChild(dir: string): Promise<PyodideLike> {
  // Under the permission model process.binding() is denied; Pyodide's Node file system
  // only wants the fs flag constants from it.
  const proc = process as unknown as { binding(name: string): unknown };
  const original = proc.binding.bind(process);
  const { constants } = await import("node:fs");
  proc.binding = (name: string) => (name === "constants" ? { fs: constants } : original(name));
  const url = pathToFileURL(`${dir}pyodide.mjs`).href;
  const mod = (await import(/* @vite-ignore */ url)) as { loadPyodide(o: object): Promise<unknown> };
  return (await mod.loadPyodide({ indexURL: dir, env: PYODIDE_ENV })) as PyodideLike;
}
