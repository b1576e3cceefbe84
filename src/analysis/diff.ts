// What changed between two runs: a one-line summary of each run and the difference
// (deliveries added/removed per (source, viewer) pair, expectations that flipped,
// consistency findings new and gone). Pure and deterministic: the playground shows it in
// the Changes tab and highlights the pairs on the graph.
import type { Trace } from "../trace/types.ts";
import type { Finding } from "./consistency.ts";

export interface RunSummary {
  deliveries: number;
  routerCalls: number;
  edus: number;
  expectations: { passed: number; total: number };
  findings: number;
}

/** The run in numbers: what the one-line summary says. */
export function summarizeRun(trace: Trace, findings: readonly Finding[] = []): RunSummary {
  let routerCalls = 0;
  let edus = 0;
  for (const e of trace.events) {
    if (e.type === "router_call") routerCalls++;
    else if (e.type === "edu_sent") edus++;
  }
  const passed = trace.expectations.filter((x) => x.ok).length;
  return { deliveries: trace.deliveries.length, routerCalls, edus, expectations: { passed, total: trace.expectations.length }, findings: findings.length };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 deliveries · 8 router calls · 2 EDUs · expectations 3/3 · 1 finding". */
export function summaryLine(s: RunSummary): string {
  const parts = [plural(s.deliveries, "delivery", "deliveries"), plural(s.routerCalls, "router call"), plural(s.edus, "EDU")];
  parts.push(s.expectations.total ? `expectations ${s.expectations.passed}/${s.expectations.total}` : "no expectations");
  parts.push(plural(s.findings, "finding"));
  return parts.join(" · ");
}

/** Deliveries of one (source, viewer, transport) pair; viewer is a user (sync) or a server (federation). */
export interface PairChange {
  source: string;
  viewer: string;
  transport: "sync" | "federation";
  /** Number of deliveries in the previous and in the new run. */
  before: number;
  after: number;
  /** Index into the new run's deliveries (added) or the old one's (removed) of the first delivery. */
  delivery: number;
}

export interface ExpectationFlip {
  name: string;
  /** The new result (true: it now passes). */
  ok: boolean;
  detail: string;
}

export interface FindingChange {
  kind: Finding["kind"];
  severity: Finding["severity"];
  message: string;
  viewer: string;
  source: string;
}

export interface RunDiff {
  before: RunSummary;
  after: RunSummary;
  added: PairChange[];
  removed: PairChange[];
  /** Pairs present in both runs whose delivery count changed. */
  changed: PairChange[];
  flipped: ExpectationFlip[];
  /** Expectations only in one of the runs (by name). */
  expectationsAdded: string[];
  expectationsRemoved: string[];
  findingsNew: FindingChange[];
  findingsGone: FindingChange[];
}

/** What the graph highlights: user pairs (federation pairs are left out: their viewer is a server). */
export interface GraphDiff {
  added: Array<[string, string]>;
  removed: Array<[string, string]>;
}

interface PairCount {
  source: string;
  viewer: string;
  transport: "sync" | "federation";
  count: number;
  first: number;
}

function pairs(trace: Trace): Map<string, PairCount> {
  const m = new Map<string, PairCount>();
  trace.deliveries.forEach((d, i) => {
    const key = `${d.transport}\t${d.source}\t${d.viewer}`;
    const p = m.get(key);
    if (p) p.count++;
    else m.set(key, { source: d.source, viewer: d.viewer, transport: d.transport, count: 1, first: i });
  });
  return m;
}

function findingKey(f: Finding): string {
  return `${f.kind}\t${f.server}\t${f.viewer}\t${f.source}`;
}

function findingChange(f: Finding): FindingChange {
  return { kind: f.kind, severity: f.severity, message: f.message, viewer: f.viewer, source: f.source };
}

/** Expectation results by name; a repeated name gets "#2", "#3" so each keeps its own result. */
function expectationsByName(trace: Trace): Map<string, { ok: boolean; detail: string }> {
  const m = new Map<string, { ok: boolean; detail: string }>();
  for (const x of trace.expectations) {
    let name = x.name;
    for (let n = 2; m.has(name); n++) name = `${x.name} #${n}`;
    m.set(name, { ok: x.ok, detail: x.detail });
  }
  return m;
}

/** The difference from run `prev` to run `next` (findings: the checker's on each run). */
export function diffRuns(prev: Trace, next: Trace, prevFindings: readonly Finding[] = [], nextFindings: readonly Finding[] = []): RunDiff {
  const a = pairs(prev);
  const b = pairs(next);
  const added: PairChange[] = [];
  const removed: PairChange[] = [];
  const changed: PairChange[] = [];
  for (const [k, p] of b) {
    const old = a.get(k);
    if (!old) added.push({ source: p.source, viewer: p.viewer, transport: p.transport, before: 0, after: p.count, delivery: p.first });
    else if (old.count !== p.count) changed.push({ source: p.source, viewer: p.viewer, transport: p.transport, before: old.count, after: p.count, delivery: p.first });
  }
  for (const [k, p] of a) {
    if (!b.has(k)) removed.push({ source: p.source, viewer: p.viewer, transport: p.transport, before: p.count, after: 0, delivery: p.first });
  }
  const ea = expectationsByName(prev);
  const eb = expectationsByName(next);
  const flipped: ExpectationFlip[] = [];
  for (const [name, x] of eb) {
    const old = ea.get(name);
    if (old && old.ok !== x.ok) flipped.push({ name, ok: x.ok, detail: x.detail });
  }
  const fa = new Map(prevFindings.map((f) => [findingKey(f), f]));
  const fb = new Map(nextFindings.map((f) => [findingKey(f), f]));
  return {
    before: summarizeRun(prev, prevFindings),
    after: summarizeRun(next, nextFindings),
    added,
    removed,
    changed,
    flipped,
    expectationsAdded: [...eb.keys()].filter((n) => !ea.has(n)),
    expectationsRemoved: [...ea.keys()].filter((n) => !eb.has(n)),
    findingsNew: [...fb].filter(([k]) => !fa.has(k)).map(([, f]) => findingChange(f)),
    findingsGone: [...fa].filter(([k]) => !fb.has(k)).map(([, f]) => findingChange(f)),
  };
}

/** True when nothing the diff tracks changed. */
export function isUnchanged(d: RunDiff): boolean {
  return (
    d.added.length + d.removed.length + d.changed.length + d.flipped.length + d.expectationsAdded.length + d.expectationsRemoved.length + d.findingsNew.length + d.findingsGone.length === 0
  );
}

/** The user → user pairs to highlight on the graph. */
export function graphDiff(d: RunDiff): GraphDiff {
  const users = (xs: PairChange[]) => xs.filter((p) => p.transport === "sync").map((p): [string, string] => [p.source, p.viewer]);
  return { added: users(d.added), removed: users(d.removed) };
}
