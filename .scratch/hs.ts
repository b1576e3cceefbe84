import { readFileSync } from "node:fs";
import { homeserverYaml } from "../src/share/export.ts";
console.log(homeserverYaml(readFileSync(".scratch/nl/scenario.yaml","utf8"), "example.org", { "router.ts": readFileSync(".scratch/nl/router.ts","utf8") }));
