import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    environment: "node",
    testTimeout: 20000,
    // Rules check, second half: each rule needs a test that asserts on engine code
    // (tests/support/ruleEvidence.*).
    setupFiles: ["tests/support/ruleEvidence.setup.ts"],
    reporters: ["default", "./tests/support/ruleEvidence.reporter.ts"],
  },
});
