import { readFileSync } from "node:fs";
import { homeserverYaml } from "../src/share/export.ts";
const sc = readFileSync("examples/gobbler-legacy/scenario.yaml","utf8");

console.log(homeserverYaml(sc, "test", { "router.ts": "export default class Gob {}" }));
console.log(homeserverYaml(`servers:\n  "a\\rb":\n    presence: { idle_timeout: "x\\ry: 1\\u2028z: 2" }\n`, "a\rb", {}));
