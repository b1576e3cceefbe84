import { sharedPythonNode } from "../src/python/node.ts";
const py: any = await sharedPythonNode();
class E extends Error { constructor(m: string) { super(m); this.name = "AttributeError"; } }
(globalThis as any).mk = (exec: any) => new Promise((res, rej) => exec(res, (e: any) => { console.log("rej called with", typeof e, e); rej(new E("boom")); }));
(globalThis as any).mk2 = (exec: any) => new Promise((res, rej) => exec(res, (e: any) => { rej(42); }));
py.runPython(`
import js
from pyodide.ffi import create_once_callable
p1 = js.mk(create_once_callable(lambda res, rej: rej(1)))
p2 = js.mk2(create_once_callable(lambda res, rej: rej(1)))
`);
for (const n of ["p1", "p2"]) {
try { await py.globals.get(n); console.log("resolved"); } catch (err: any) { console.log(n, "rejected", err?.constructor?.name, err?.message, err.type); }
}
