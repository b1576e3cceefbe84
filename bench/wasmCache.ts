// Does a second visit reuse the wasm code V8 optimised on the first? (issue 14 §1)
// `npx tsx bench/wasmCache.ts [dist] [rounds] [edits] [visits]`
//
// Per round and per serving mode, two (or `visits`) visits in ONE browser profile (a
// persistent context with its own user-data-dir, closed between the visits): load, wait
// for the first compile and the editor, type a few code edits, close; relaunch, the
// same again. Each visit is traced (Chrome's "toplevel" category) and the CPU time of
// V8's background wasm compile tasks is summed: ThreadPool tasks posted from
// `InitCompileJob` (Liftoff and the tier-up to TurboFan of esbuild's 14 MB wasm).
// Modes, alternated within each round:
//   cached:   dist/ as scripts/serve.ts serves it (hashed assets `immutable`);
//   uncached: the same files through a proxy that drops every cache-control header,
//             i.e. the serving before this change.
// `ONLY=cached` runs one mode. Prints one JSON line per visit and a summary; nothing
// passes or fails.
import { chromium, type BrowserContext, type CDPSession } from "playwright-core";
import { createServer, request, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serveDist } from "../scripts/serve.ts";
import { prepareEdits, settled, typeEdits, waitMarks } from "./browser.ts";

const [dir = "dist", roundsArg = "2", editsArg = "8", visitsArg = "2"] = process.argv.slice(2);
const rounds = Number(roundsArg);
const edits = Number(editsArg);
const visits = Array.from({ length: Number(visitsArg) }, (_, i) => i + 1);

/** A proxy in front of `target` that drops cache-control from every response. */
async function uncachedProxy(target: string): Promise<{ url: string; server: Server }> {
  const t = new URL(target);
  const server = createServer((req, res) => {
    const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      const headers = { ...r.headers };
      delete headers["cache-control"];
      res.writeHead(r.statusCode ?? 502, headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const a = server.address();
  return { url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/`, server };
}

type TraceEvent = { name: string; ph: string; cat: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { src_func?: string; src_file?: string } };

async function traced<T>(cdp: CDPSession, body: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.start", { categories: "toplevel,v8,v8.wasm,disabled-by-default-v8.wasm.detailed,__metadata", transferMode: "ReportEvents" });
  const result = await body();
  await cdp.send("Tracing.end");
  await done;
  return { result, events };
}

/**
 * CPU ms of the ThreadPool tasks posted from V8's wasm compile job, and within them the
 * Liftoff (baseline) and TurboFan (top tier) units; `from_cache`: V8 deserialised the
 * module from Chrome's wasm code cache.
 */
function wasmCompileCpu(events: TraceEvent[]) {
  let us = 0;
  let n = 0;
  const unit = { "wasm.CompileBaseline": 0, "wasm.TopTierCompilation": 0 } as Record<string, number>;
  for (const e of events) {
    if (e.ph === "X" && e.name === "ThreadPool_RunTask" && /InitCompileJob/.test(e.args?.src_func ?? "")) {
      us += e.tdur ?? e.dur ?? 0;
      n++;
    }
    if (e.ph === "X" && e.name in unit) unit[e.name]! += e.tdur ?? e.dur ?? 0;
  }
  return {
    wasm_compile_cpu_ms: Math.round(us / 1000),
    tasks: n,
    liftoff_ms: Math.round(unit["wasm.CompileBaseline"]! / 1000),
    turbofan_ms: Math.round(unit["wasm.TopTierCompilation"]! / 1000),
    from_cache: events.some((e) => e.name === "wasm.Deserialize"),
  };
}

async function visit(profile: string, url: string) {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  // Each visit opens the default example: no draft of the visit before (its edits), and
  // no first-visit card over the editor. The HTTP cache and the wasm code cache stay.
  await context.addInitScript(() => {
    try {
      if (window !== window.top) return;
      localStorage.clear();
      localStorage.setItem("prp.firstVisitSeen.v1", "1");
    } catch {
      // opaque-origin frames (the engine sandbox) have no storage
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const load0 = loadavg()[0]!;
  const { result, events } = await traced(cdp, async () => {
    await page.goto(url);
    const marks = await waitMarks(page, ["graph-drawn", "editor-ready", "first-compile", "first-run"]);
    await settled(page);
    await prepareEdits(page, "code");
    const recs = await typeEdits(page, edits);
    return { marks, recs };
  });
  await context.close();
  const total = result.recs.map((r) => r.drawn! - r.edit).sort((a, b) => a - b);
  return {
    ...wasmCompileCpu(events),
    first_compile_ms: Math.round(result.marks["first-compile"]!),
    editor_ready_ms: Math.round(result.marks["editor-ready"]!),
    graph_drawn_ms: Math.round(result.marks["graph-drawn"]!),
    edit_median_ms: Math.round(total[Math.floor(total.length / 2)] ?? NaN),
    load: [Math.round(load0 * 10) / 10, Math.round(loadavg()[0]! * 10) / 10],
  };
}

const { url, server } = await serveDist(dir);
const proxy = await uncachedProxy(url);
const rows: Array<{ mode: string; visit: number } & Awaited<ReturnType<typeof visit>>> = [];
try {
  for (let round = 0; round < rounds; round++)
    for (const [mode, base] of (round % 2 ? [["uncached", proxy.url], ["cached", url]] : [["cached", url], ["uncached", proxy.url]]) as Array<[string, string]>) {
      if (process.env.ONLY && process.env.ONLY !== mode) continue;
      const profile = mkdtempSync(join(tmpdir(), "wasm-cache-"));
      try {
        for (const v of visits) {
          const row = { mode, visit: v, ...(await visit(profile, base)) };
          rows.push(row);
          console.log(JSON.stringify(row));
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
} finally {
  server.close();
  proxy.server.close();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const mode of ["cached", "uncached"])
  for (const v of visits) {
    const r = rows.filter((x) => x.mode === mode && x.visit === v);
    console.log(
      `${mode} visit ${v}: wasm compile CPU ${r.map((x) => x.wasm_compile_cpu_ms).join("/")} ms (median ${med(r.map((x) => x.wasm_compile_cpu_ms))}), ` +
        `first compile ${r.map((x) => x.first_compile_ms).join("/")} ms, editor ready ${r.map((x) => x.editor_ready_ms).join("/")} ms`,
    );
  }
