declare module "virtual:engine-worker" {
  /** The engine worker bundled into one self-contained script (see vite.config.ts). */
  const source: string;
  export default source;
}

declare module "virtual:python-snapshot" {
  /** Pyodide's memory snapshot with the synapse package imported, under the app's base (src/python/vite-plugin.ts); null in dev and tests. */
  const file: string | null;
  export default file;
}
