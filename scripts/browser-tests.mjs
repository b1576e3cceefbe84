// Runs the browser tests (tests/browser/*.test.ts) with node's test runner through tsx,
// against the production build in dist/ (npm test builds it first).
import { spawnSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";

if (!existsSync(`${process.env.DIST_DIR ?? "dist"}/index.html`)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(2);
}
// The slowest files start first (minutes each, docs/ci-time.md), so the run does not end
// with one long file alone while the other slot sits idle.
const SLOW_FIRST = ["share", "untrusted-links", "python", "tools", "workspace", "editor", "containment", "offline"];
const slowRank = (f) => {
  const i = SLOW_FIRST.indexOf(f.replace(/\.test\.ts$/, ""));
  return i < 0 ? SLOW_FIRST.length : i;
};
const files = readdirSync("tests/browser")
  .filter((f) => f.endsWith(".test.ts"))
  .filter((f) => !process.argv[2] || f.includes(process.argv[2]))
  .sort((x, y) => slowRank(x) - slowRank(y) || x.localeCompare(y))
  .map((f) => `tests/browser/${f}`);
// Two files at a time: each test file has its own server and Chromium, and a single file
// leaves the machine mostly idle while pages load and runs settle (BROWSER_TESTS_CONCURRENCY
// overrides; 1 runs them one after another).
const concurrency = Number(process.env.BROWSER_TESTS_CONCURRENCY || 2);
const r = spawnSync("npx", ["tsx", "--test", `--test-concurrency=${concurrency}`, ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
