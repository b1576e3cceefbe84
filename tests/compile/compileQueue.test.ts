// The compile worker's loop (src/worker/compileQueue.ts) with a stand-in for loading
// esbuild-wasm: a Python-only scenario compiles without it (issue 13: opening a Python
// example must not wait for 14 MB of esbuild wasm it never uses); TypeScript waits for it.
import * as esbuild from "esbuild";
import { describe, expect, test, vi } from "vitest";
import { createCompileQueue } from "../../src/worker/compileQueue.ts";
import type { EsbuildLike } from "../../src/compile/types.ts";
import type { CompileReply, CompileRequest } from "../../src/worker/protocol.ts";

const flush = () => new Promise((ok) => setTimeout(ok, 0));

/** A queue whose esbuild loads only when the test says so; `loads` counts the loads asked for. */
function queue() {
  const replies: CompileReply[] = [];
  let release: (es: EsbuildLike) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const state = { loads: 0 };
  const loaded = new Promise<EsbuildLike>((ok, no) => ((release = ok), (fail = no)));
  const send = createCompileQueue({
    loadEsbuild: () => {
      state.loads++;
      return loaded;
    },
    post: (m) => replies.push(m),
    now: () => 0,
  });
  return { send, replies, state, release: () => release(esbuild), fail: (e: Error) => fail(e) };
}

const req = (id: number, files: Record<string, string>): CompileRequest => ({ type: "compile", id, files, entries: Object.keys(files) });
const PY = { "router.py": "class R:\n    pass\n" };
const TS = { "router.ts": "export default class R {}\n" };

describe("compile worker queue: esbuild only when a file needs it", () => {
  test("a Python-only compile answers without loading esbuild (its .py files passed on as source)", async () => {
    const q = queue();
    q.send(req(1, PY));
    await flush();
    expect(q.state.loads).toBe(0);
    expect(q.replies).toEqual([{ type: "compiled", id: 1, ms: 0, result: { bundles: {}, diagnostics: [], entryDiagnostics: {}, files: ["router.py"], python: PY } }]);
  });

  test("a TypeScript compile waits for esbuild, then compiles with it", async () => {
    const q = queue();
    q.send(req(1, TS));
    await flush();
    expect(q.state.loads).toBe(1);
    expect(q.replies).toEqual([]);
    q.release();
    await vi.waitFor(() => expect(q.replies).toHaveLength(1));
    const r = q.replies[0]!;
    expect(r.type === "compiled" && Object.keys(r.result.bundles)).toEqual(["router.ts"]);
  });

  test("esbuild is loaded once for every compile that needs it; a Python compile after it does not wait", async () => {
    const q = queue();
    q.send(req(1, TS));
    q.release();
    await vi.waitFor(() => expect(q.replies).toHaveLength(1));
    q.send(req(2, TS));
    await vi.waitFor(() => expect(q.replies).toHaveLength(2));
    q.send(req(3, PY));
    await flush();
    expect(q.state.loads).toBe(1);
    expect(q.replies.map((r) => [r.type, r.id])).toEqual([["compiled", 1], ["compiled", 2], ["compiled", 3]]);
  });

  test("a failed esbuild load fails the TypeScript compile (the runner then replaces the worker)", async () => {
    const q = queue();
    q.send(req(1, TS));
    q.fail(new Error("wasm trap"));
    await flush();
    expect(q.replies).toEqual([{ type: "compile-failed", id: 1, message: "wasm trap" }]);
  });

  test("while a compile waits, only the newest request is kept", async () => {
    const q = queue();
    q.send(req(1, TS));
    await flush();
    q.send(req(2, { "router.ts": "export default 2;\n" }));
    q.send(req(3, { "router.ts": "export default 3;\n" }));
    q.release();
    await vi.waitFor(() => expect(q.replies).toHaveLength(2));
    await flush();
    expect(q.replies.map((r) => r.id)).toEqual([1, 3]);
  });

  test("the reported compile time leaves out the wait for esbuild's load", async () => {
    let clock = 0;
    const replies: CompileReply[] = [];
    let release: () => void = () => {};
    const send = createCompileQueue({
      loadEsbuild: () => new Promise<EsbuildLike>((ok) => (release = () => ok(esbuild))),
      post: (m) => replies.push(m),
      now: () => clock,
    });
    send(req(1, TS));
    await flush();
    clock = 5000; // esbuild took 5 s to load; the compile itself takes no clock time here
    release();
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect(replies[0]).toMatchObject({ type: "compiled", id: 1, ms: 0 });
  });
});
