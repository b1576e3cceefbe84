// Vitest config for mutation testing (stryker.config.mjs): the unit-test config without
// the rule-evidence setup file and reporter (Stryker runs each test hundreds of times).
// Keep per-file isolation: Stryker's static mutants (module-level constants) are only
// activated by re-importing the module; with `isolate: false` they falsely survive.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// Vitest's own worker count, not the unit tests' one per core: Stryker runs its own
// workers side by side (MUTATE_CONCURRENCY).
export default defineConfig({ ...base, test: { ...base.test, maxWorkers: undefined, setupFiles: [], reporters: ["default"] } });
