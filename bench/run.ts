// `npm run bench`: prints benchmark numbers as JSON. Not a test: nothing here passes or
// fails on time. `--quick` runs a smaller engine shape (for a fast look).
import { FULL, type BenchShape } from "./generate.ts";
import { benchEngine } from "./engine.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const shape: BenchShape = quick ? { ...FULL, users: 1000, rooms: 200, clients: 50, servers: 4, duration: 600_000, actions: 600 } : FULL;

const out: Record<string, unknown> = { machine: { cores: (await import("node:os")).cpus().length, node: process.version } };
out.engine = await benchEngine(shape);
console.log(JSON.stringify(out, null, 2));
