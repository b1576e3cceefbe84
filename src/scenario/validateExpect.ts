// `expect:` (scenario-format §3): each item has exactly one kind and an optional name.
import type { Expectation, Step } from "./types.ts";
import type { Entry, Reader, V } from "./reader.ts";
import type { World } from "./ids.ts";
import { didYouMean } from "./suggest.ts";
import { formatDuration } from "./durations.ts";

const KINDS = ["sync", "state", "edus", "sees", "never_sees", "no_errors"] as const;
type Kind = (typeof KINDS)[number];

const FIELDS: Record<Kind, readonly string[]> = {
  sync: ["sync", "sees", "only", "name"],
  state: ["state", "at", "server", "name"],
  edus: ["edus", "users", "only", "name"],
  sees: ["sees", "name"],
  never_sees: ["never_sees", "name"],
  no_errors: ["no_errors", "name"],
};

type Body = Expectation extends infer E ? (E extends Expectation ? Omit<E, "name" | "path"> : never) : never;

export function readExpect(r: Reader, v: V, w: World, steps: Step[]): Expectation[] {
  const its = r.items(v, "expect");
  if (!its) return [];
  if (its.length > r.limits.expect) {
    r.err(v, `too many expectations (${its.length}; at most ${r.limits.expect})`);
    return [];
  }
  const syncLabels = new Set<string>();
  for (const s of steps) if (s.kind === "sync" && s.label !== null) syncLabels.add(s.label);
  const out: Expectation[] = [];
  for (const it of its) {
    if (r.is.full) break;
    const es = r.entries(it, "an expectation");
    if (!es) continue;
    const keys = es.map((e) => e.key);
    // `sees` is both a kind and a field of `sync` expectations: `sync` wins.
    const kinds = keys.includes("sync") ? (["sync"] as Kind[]) : KINDS.filter((k) => keys.includes(k));
    if (kinds.length !== 1) {
      const msg = kinds.length
        ? `an expectation has exactly one kind, this one has ${kinds.join(" and ")}; split it`
        : `an expectation needs one kind: ${KINDS.join(", ")}${didYouMean(keys[0] ?? "", KINDS)}`;
      r.err(it, msg);
      continue;
    }
    const kind = kinds[0];
    const required = kind === "state" ? ["state", "at"] : [kind];
    const f = r.fields(it, `a ${kind} expectation`, FIELDS[kind], required);
    if (!f || !required.every((k) => f[k])) continue;
    let name: string | null = null;
    if (f.name && !r.isNull(f.name)) name = r.str(f.name, "name") ?? null;
    const body = readBody(r, w, kind, f, syncLabels);
    if (body) out.push({ ...body, name, path: it.path } as Expectation);
  }
  return out;
}

function readBody(r: Reader, w: World, kind: Kind, f: Record<string, Entry>, syncLabels: Set<string>): Body | undefined {
  switch (kind) {
    case "sync": {
      const label = r.str(f.sync, "sync (a sync step's label)");
      if (label !== undefined && !syncLabels.has(label)) {
        r.err(f.sync, `no sync step is labelled "${label}"${didYouMean(label, syncLabels)}`);
        return undefined;
      }
      const sees: Record<string, string | Record<string, unknown>> = {};
      let ok = label !== undefined;
      for (const e of (f.sees && r.entries(f.sees, "sees")) || []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "sender");
        const n = r.resolve(e.node);
        const val = n && "items" in n ? r.json(e, `the expected content of ${e.key}`) : r.str(e, `the expected state of ${e.key}`);
        if (u === undefined || val === undefined) ok = false;
        else if (typeof val !== "string" && (typeof val !== "object" || val === null || Array.isArray(val))) {
          r.err(e, `expected a state such as online, or a map of content fields, for ${e.key}`);
          ok = false;
        } else sees[u] = val as string | Record<string, unknown>;
      }
      const only = f.only ? r.bool(f.only, "only") : false;
      return ok && only !== undefined ? { kind, label: label!, sees, only } : undefined;
    }
    case "state": {
      const users: Record<string, string> = {};
      let ok = true;
      for (const e of r.entries(f.state, "state") ?? []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "user");
        const s = r.str(e, `the expected state of ${e.key}`);
        if (u === undefined || s === undefined) ok = false;
        else users[u] = s;
      }
      const at = r.duration(f.at, "at");
      if (at !== undefined && at > r.limits.offset) r.err(f.at, `at is too late (at most ${formatDuration(r.limits.offset)})`);
      const server = f.server && !r.isNull(f.server) ? w.server(f.server, "server") : null;
      if (!ok || at === undefined || at > r.limits.offset || server === undefined) return undefined;
      return { kind, users, at, server };
    }
    case "edus": {
      const e = r.fields(f.edus, "edus", ["destination", "from", "to"], ["destination"]);
      const destination = e?.destination && w.server(e.destination, "destination");
      const from = e?.from ? r.duration(e.from, "from") : 0;
      const to = e?.to && !r.isNull(e.to) ? r.duration(e.to, "to") : null;
      if (typeof from === "number" && typeof to === "number" && to < from) r.err(e!.to!, "to must not be before from");
      const users: string[] = [];
      let ok = true;
      for (const it of (f.users && r.items(f.users, "users")) || []) {
        const u = w.user(it, "user");
        if (u === undefined) ok = false;
        else users.push(u);
      }
      const only = f.only ? r.bool(f.only, "only") : false;
      if (!ok || !destination || from === undefined || to === undefined || only === undefined) return undefined;
      if (to !== null && to < from) return undefined;
      return { kind, destination, from, to, users, only };
    }
    case "sees":
    case "never_sees": {
      const p = r.fields(f[kind], kind, ["viewer", "source"], ["viewer", "source"]);
      const viewer = p?.viewer && w.user(p.viewer, "viewer");
      const source = p?.source && w.user(p.source, "source");
      return viewer && source ? { kind, viewer, source } : undefined;
    }
    case "no_errors": {
      const b = r.bool(f.no_errors, "no_errors");
      if (b === false) r.err(f.no_errors, "no_errors: false checks nothing; write no_errors: true or remove it");
      return b ? { kind } : undefined;
    }
  }
}
