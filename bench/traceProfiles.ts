// Reading a Chrome trace (browser.startTracing with "disabled-by-default-v8.cpu_profiler"):
// thread names and V8's sampled CPU profiles, one per thread. Shared by bench/cpuprof.ts
// and bench/playprof.ts.

export type TraceEv = { ph: string; name: string; pid: number; tid: number; id?: string; args?: any; ts: number; dur?: number; cat?: string };

export interface SampledProfile {
  thread: string;
  nodes: Map<number, any>;
  samples: number[];
  /** µs between samples (timeDeltas[i] precedes samples[i]). */
  deltas: number[];
}

/** "pid:tid" → the thread's name. */
export function threadNames(evs: TraceEv[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of evs) if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** The profiles in the trace by "pid:profile id", their chunks joined. */
export function sampledProfiles(evs: TraceEv[], names = threadNames(evs)): Map<string, SampledProfile> {
  const profiles = new Map<string, SampledProfile>();
  for (const e of evs) {
    if (e.name === "Profile") profiles.set(`${e.pid}:${e.id}`, { thread: names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`, nodes: new Map(), samples: [], deltas: [] });
    if (e.name === "ProfileChunk") {
      const p = profiles.get(`${e.pid}:${e.id}`);
      if (!p) continue;
      const c = e.args.data.cpuProfile ?? {};
      for (const node of c.nodes ?? []) p.nodes.set(node.id, node);
      p.samples.push(...(c.samples ?? []));
      p.deltas.push(...(e.args.data.timeDeltas ?? []));
    }
  }
  return profiles;
}

/** "function file:line" of a profile node. */
export function frameKey(node: any): string {
  const cf = node?.callFrame ?? {};
  return `${cf.functionName || "(anon)"} ${String(cf.url ?? "").split("/").pop()}:${cf.lineNumber}`;
}
