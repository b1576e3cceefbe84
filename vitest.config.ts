import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    environment: "node",
    testTimeout: 20000,
    // One test file per core. Vitest's default is one fewer than the cores: a single
    // worker on CI's two cores, with the main process mostly waiting (docs/ci-time.md).
    maxWorkers: availableParallelism(),
    // Rules check, second half: each rule needs a test that asserts on engine code
    // (tests/support/ruleEvidence.*).
    setupFiles: ["tests/support/ruleEvidence.setup.ts"],
    reporters: ["default", "./tests/support/ruleEvidence.reporter.ts"],
  },
});
