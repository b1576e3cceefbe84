declare module "virtual:default-run" {
  const run: import("./defaultRun.ts").PrecomputedRun | null;
  export default run;
}

/** Content hash of sandbox.html (src/sandbox/vite-plugin.ts), the `v` of its URL. */
declare const __SANDBOX_REV__: string;
