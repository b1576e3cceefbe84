// Writes src/share/dictionary1.ts ONCE: the preset deflate dictionary of `#v1.p.` links
// (codec.ts). It is made of the link payloads (JSON) of the examples and lessons as they
// were when it was made, the default example last (deflate sees only the last 32 KB, and
// the nearest matches cost the fewest bits). The file must never change afterwards: every
// `p` link ever shared decodes with it (tests/share/dictionary.test.ts pins its hash). A
// better dictionary is a new codec letter with a new file.
//
//   npx tsx scripts/share-dictionary.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = "src/share/dictionary1.ts";
if (existsSync(OUT)) {
  console.error(`${OUT} exists and is frozen: links made with it must keep opening. Add a new codec instead.`);
  process.exit(1);
}
const DEFAULT = "example-presence-router";
const payload = (files: [string, string][], scenario: string) =>
  JSON.stringify({ files, scenario, view: { tab: files[0]?.[0] ?? null, user: null, time: 0 } });

const parts: string[] = [];
for (const name of readdirSync("lessons").sort()) {
  const dir = join("lessons", name);
  if (!existsSync(join(dir, "scenario.yaml"))) continue;
  parts.push(payload([["router.ts", readFileSync(join(dir, "starter.ts"), "utf8")]], readFileSync(join(dir, "scenario.yaml"), "utf8")));
}
const examples = readdirSync("examples").filter((n) => existsSync(join("examples", n, "scenario.yaml"))).sort();
for (const name of [...examples.filter((n) => n !== DEFAULT), DEFAULT]) {
  const dir = join("examples", name);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")] as [string, string]);
  parts.push(payload(files, readFileSync(join(dir, "scenario.yaml"), "utf8")));
}
const bytes = new TextEncoder().encode(parts.join("\n"));
const dict = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.length - 32768)).filter((_, i, a) => i > 0 || (a[0]! & 0xc0) !== 0x80));
writeFileSync(
  OUT,
  `// GENERATED ONCE by scripts/share-dictionary.ts and FROZEN: the preset deflate dictionary\n` +
    `// of #v1.p. links (codec.ts). Never edit: links made with it must keep opening.\n` +
    `export const DICTIONARY_1 = ${JSON.stringify(dict)};\n`,
);
console.log(`${OUT}: ${new TextEncoder().encode(dict).length} bytes`);
