// One engine bench run in a process of its own (bench/run.ts starts several: every run
// then starts cold, as the CLI does, and one run's garbage or JIT state cannot help or
// hurt the next). Prints the run's EngineBench as JSON on stdout.
import { benchEngine } from "./engine.ts";
import { QUICK_SHAPE, FULL } from "./generate.ts";

const shape = process.argv.includes("--quick") ? QUICK_SHAPE : FULL;
process.stdout.write(JSON.stringify(await benchEngine(shape)) + "\n");
