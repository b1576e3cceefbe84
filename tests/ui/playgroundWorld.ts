// The fakes a playground runs on in Node (tests/ui/playground.test.ts, content.test.ts):
// timers that fire when the test says so, event targets that count their listeners,
// compile workers and sandboxes that answer at once, storage in memory.
import type { Playground, PlaygroundDeps } from "../../src/ui/playground.ts";
import { MemoryKV } from "../../src/share/drafts.ts";
import type { CompileReply, RunReply, RunRequest } from "../../src/worker/protocol.ts";
import type { SandboxLike, WorkerLike } from "../../src/ui/runner.ts";
import type { Trace } from "../../src/trace/types.ts";

/** Timers that run only when the test says so; `pending` is what would still fire. */
export class FakeTimers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout = (fn: () => void) => {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.pending.delete(id as number);
  };
  runAll(): void {
    for (let guard = 0; this.pending.size && guard < 100; guard++) {
      const [id, fn] = this.pending.entries().next().value!;
      this.pending.delete(id);
      fn();
    }
  }
}

/** An event target that counts its listeners. */
export class FakeTarget {
  readonly listeners = new Map<string, Set<unknown>>();
  visibilityState = "visible";
  addEventListener = (type: string, fn: unknown) => {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  };
  removeEventListener = (type: string, fn: unknown) => {
    this.listeners.get(type)?.delete(fn);
  };
  count(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
  fire(type: string): void {
    for (const fn of this.listeners.get(type) ?? []) (fn as () => void)();
  }
}

export function trace(end = 60000): Trace {
  return { version: 1, scenario: { servers: ["example.org"], users: [], start_time: 0, end }, events: [], deliveries: [], final: {}, expectations: [], errors: [] };
}

/** Compile workers and sandboxes that answer at once, and remember whether they were terminated. */
export class FakeWorkers {
  readonly compilers: Array<WorkerLike & { terminated: boolean; requests: number }> = [];
  readonly sandboxes: Array<SandboxLike & { disposed: boolean; runs: RunRequest[]; preloads: number }> = [];
  /** Replies after each result (as the engine worker's cross-check follows its run): sent by the test. */
  onReply: (r: RunReply) => void = () => {};
  followUp = false;
  /** The trace each result carries (a small empty one unless a test sets it). */
  resultTrace: () => Trace = () => trace();
  /** Pyodide fetches started (prefetchPython), and how many sandboxes existed at the first. */
  prefetches = 0;
  sandboxesAtFirstPrefetch: number | null = null;
  prefetch(): void {
    this.prefetches++;
    this.sandboxesAtFirstPrefetch ??= this.sandboxes.length;
  }
  compiler = () => {
    const w = {
      terminated: false,
      requests: 0,
      onmessage: null as WorkerLike["onmessage"],
      onerror: null,
      onmessageerror: null,
      postMessage(m: unknown) {
        const req = m as { id: number };
        w.requests++;
        const reply: CompileReply = { type: "compiled", id: req.id, result: { bundles: {}, diagnostics: [] }, ms: 1 };
        queueMicrotask(() => !w.terminated && w.onmessage?.call(w, { data: reply } as MessageEvent<CompileReply>));
      },
      terminate() {
        w.terminated = true;
      },
    };
    this.compilers.push(w);
    return w;
  };
  sandbox = (onReply: (r: RunReply) => void) => {
    this.onReply = onReply;
    const follows = this.followUp;
    const resultTrace = this.resultTrace;
    const sb = {
      disposed: false,
      runs: [] as RunRequest[],
      preloads: 0,
      preloadPython() {
        sb.preloads++;
      },
      run(req: RunRequest) {
        sb.runs.push(req);
        queueMicrotask(() => !sb.disposed && onReply({ type: "result", id: req.id, trace: resultTrace(), ms: 1, warnings: [], hints: {}, ...(follows && { crossCheckFollows: true }) }));
      },
      dispose() {
        sb.disposed = true;
      },
    };
    this.sandboxes.push(sb);
    return Promise.resolve(sb);
  };
}

export function world(opts: { local?: MemoryKV; hash?: string } = {}) {
  const timers = new FakeTimers();
  const win = new FakeTarget();
  const doc = new FakeTarget();
  const workers = new FakeWorkers();
  const local = opts.local ?? new MemoryKV();
  const session = new MemoryKV();
  const location = { href: `https://play.example/${opts.hash ?? ""}`, hash: opts.hash ?? "", pathname: "/", search: "" };
  const replaced: string[] = [];
  let id = 0;
  let t = 1_000_000;
  const deps: PlaygroundDeps = {
    localStorage: () => local,
    sessionStorage: () => session,
    location,
    history: {
      state: null,
      replaceState: (_d, _u, url) => {
        replaced.push(String(url));
        location.hash = "";
      },
    },
    window: win,
    document: doc,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    now: () => ++t,
    newId: () => `id${++id}`,
    embed: null,
    workers: { compiler: workers.compiler, sandbox: workers.sandbox, prefetchPython: () => workers.prefetch() },
  };
  return { deps, timers, win, doc, workers, local, session, location, replaced };
}

export const flush = () => new Promise((ok) => setTimeout(ok, 0));

export function edit(pg: Playground, text: string): void {
  const s = pg.store.getState();
  const file = Object.keys(s.files)[0]!;
  s.setFile(file, text);
}
