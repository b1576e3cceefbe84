// `npm run glossary`: regenerates src/rules/glossary.json from the spec
// (../shared/spec/presence-semantics.md, or $PRESENCE_SPEC) and src/rules/summaries.ts.
// The spec is not in the repository, so the generated file is committed; without the
// spec this script says so and leaves the file alone.
import { writeFileSync } from "node:fs";
import { buildGlossary } from "../src/rules/build.ts";
import { findSpec, GLOSSARY_FILE } from "./spec-path.ts";

const spec = findSpec();
if (!spec) {
  console.error("presence-semantics.md not found (looked in ../shared/spec and ../../shared/spec; set PRESENCE_SPEC): glossary.json left as it is");
  process.exit(1);
}
const g = buildGlossary(spec.text);
writeFileSync(GLOSSARY_FILE, JSON.stringify(g, null, 2) + "\n");
console.log(`${GLOSSARY_FILE}: ${g.entries.length} entries from ${spec.path}`);
