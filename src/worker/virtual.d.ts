declare module "virtual:engine-worker" {
  /** The engine worker bundled into one self-contained script (see vite.config.ts). */
  const source: string;
  export default source;
}
