declare module "virtual:default-run" {
  const run: import("./defaultRun.ts").PrecomputedRun | null;
  export default run;
}
