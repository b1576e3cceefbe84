import { readdirSync, readFileSync, statSync } from "node:fs";
import { deflateSync } from "fflate";
import LZString from "lz-string";
let zw = 0, n = 0;
for (const ex of readdirSync("examples")) {
  const dir = `examples/${ex}`;
  if (!statSync(dir).isDirectory()) continue;
  const files: [string,string][] = [];
  let scenario = "";
  for (const f of readdirSync(dir)) { const t = readFileSync(`${dir}/${f}`, "utf8"); if (f === "scenario.yaml") scenario = t; else if (/\.(ts|js)$/.test(f)) files.push([f, t]); }
  const json = JSON.stringify({ files, scenario, view: { tab: files[0]?.[0] ?? null, user: null, time: 0 } });
  const d = Buffer.from(deflateSync(new TextEncoder().encode(json), { level: 9 })).toString("base64url").length;
  const z = LZString.compressToEncodedURIComponent(json).length;
  n++; if (z < d) zw++;
  console.log(ex, json.length, "d", d, "z", z);
}
console.log("z wins", zw, "of", n);
