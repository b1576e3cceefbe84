// Pyodide in Node (the headless runner, Vitest, bench): loaded from node_modules/pyodide,
// never from a network.
import { loadPyodide } from "pyodide";
import { PYODIDE_ENV, type PyodideLike } from "./host.ts";

/** A fresh interpreter (about 2–15 s on a busy 2-core machine). */
export async function loadPythonNode(indexURL?: string): Promise<PyodideLike> {
  const py = await loadPyodide({ env: PYODIDE_ENV, ...(indexURL ? { indexURL } : {}) });
  return py as unknown as PyodideLike;
}

let shared: Promise<PyodideLike> | null = null;

/** One interpreter for the whole process (tests, bench): each load evaluates files afresh. */
export function sharedPythonNode(): Promise<PyodideLike> {
  shared ??= loadPythonNode();
  return shared;
}
