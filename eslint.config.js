import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/**", "tests/cli/fixtures/**", "public/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unsafe-function-type": "off",
    },
  },
  // The trust boundary with untrusted module code (docs/security.md): no `any` here.
  {
    files: ["src/sandbox/**/*.ts", "src/worker/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    // Folders that parse untrusted data (links, drafts, scenarios, exports): no `any`,
    // and with type information no unsafe use of values typed `any` (docs/security.md).
    files: ["src/share/**/*.ts", "src/ui/share/**/*.{ts,tsx}", "src/scenario/**/*.ts", "src/cli/link.ts", "src/ui/boundary/**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unsafe-argument": "error",
      "@typescript-eslint/no-unsafe-assignment": "error",
      "@typescript-eslint/no-unsafe-call": "error",
      "@typescript-eslint/no-unsafe-member-access": "error",
      "@typescript-eslint/no-unsafe-return": "error",
    },
  },
);
