// `expect:` (scenario-format §3): each item has exactly one kind and an optional name.
import { isMap } from "yaml";
import type { Expectation, RecordExpect, Step, WireFields } from "./types.ts";
import type { Entry, Reader, V } from "./reader.ts";
import type { World } from "./ids.ts";
import { didYouMean } from "./suggest.ts";
import { formatDuration } from "./durations.ts";
import { readRecordExpect, readWireFields } from "./validateExpectFields.ts";
import { closest } from "./suggest.ts";

export const EXPECT_KINDS = ["sync", "state", "edus", "request", "sees", "never_sees", "no_errors"] as const;
type Kind = (typeof EXPECT_KINDS)[number];

export const EXPECT_FIELDS: Record<Kind, readonly string[]> = {
  sync: ["sync", "sees", "only", "name"],
  state: ["state", "at", "server", "name"],
  edus: ["edus", "users", "entries", "count", "max_entries_per_edu", "only", "name"],
  request: ["request", "status", "errcode", "name"],
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
  const labels: Labels = { sync: syncLabels, request: new Set() };
  for (const s of steps) if ((s.kind === "presence" || s.kind === "get_presence" || s.kind === "sync") && s.label !== null) labels.request.add(s.label);
  const out: Expectation[] = [];
  for (const it of its) {
    if (r.is.full) break;
    const es = r.entries(it, "an expectation");
    if (!es) continue;
    const keys = es.map((e) => e.key);
    // `sees` is both a kind and a field of `sync` expectations: `sync` wins.
    const kinds = keys.includes("sync") ? (["sync"] as Kind[]) : EXPECT_KINDS.filter((k) => keys.includes(k));
    if (kinds.length !== 1) {
      const msg = kinds.length
        ? `an expectation has exactly one kind, this one has ${kinds.join(" and ")}; split it`
        : `an expectation needs one kind: ${EXPECT_KINDS.join(", ")}${didYouMean(keys[0] ?? "", EXPECT_KINDS)}`;
      r.err(it, msg);
      continue;
    }
    const kind = kinds[0];
    const required = kind === "state" ? ["state", "at"] : kind === "request" ? ["request", "status"] : [kind];
    const f = r.fields(it, `a ${kind} expectation`, EXPECT_FIELDS[kind], required);
    if (!f || !required.every((k) => f[k])) continue;
    let name: string | null = null;
    if (f.name && !r.isNull(f.name)) name = r.str(f.name, "name") ?? null;
    const body = readBody(r, w, kind, f, labels);
    if (body) out.push({ ...body, name, path: it.path } as Expectation);
  }
  return out;
}

/** Step labels an expectation can name: sync steps', and every labelled request's. */
interface Labels {
  sync: Set<string>;
  request: Set<string>;
}

/** Matrix error codes the playground answers with, for did-you-mean on typos. */
export const ERRCODES = ["M_FORBIDDEN", "M_LIMIT_EXCEEDED", "M_UNKNOWN", "M_INVALID_PARAM", "M_BAD_JSON", "M_NOT_JSON", "M_NOT_FOUND", "M_MISSING_PARAM"];

function readBody(r: Reader, w: World, kind: Kind, f: Record<string, Entry>, labels: Labels): Body | undefined {
  switch (kind) {
    case "sync": {
      const label = r.str(f.sync, "sync (a sync step's label)");
      if (label !== undefined && !labels.sync.has(label)) {
        r.err(f.sync, `no sync step is labelled "${label}"${didYouMean(label, labels.sync)}`);
        return undefined;
      }
      const sees: Record<string, string | WireFields> = {};
      let ok = label !== undefined;
      for (const e of (f.sees && r.entries(f.sees, "sees")) || []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "sender");
        const val = isMapNode(r, e) ? readWireFields(r, e, `the expected content of ${e.key}`) : r.str(e, `the expected state of ${e.key} (a state such as online, or a map of content fields)`);
        if (u === undefined || val === undefined) ok = false;
        else sees[u] = val;
      }
      const only = f.only ? r.bool(f.only, "only") : false;
      return ok && only !== undefined ? { kind, label: label!, sees, only } : undefined;
    }
    case "state": {
      const users: Record<string, string | RecordExpect> = {};
      let ok = true;
      for (const e of r.entries(f.state, "state") ?? []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "user");
        const s = isMapNode(r, e)
          ? readRecordExpect(r, e, `the expected record of ${e.key}`)
          : r.str(e, `the expected state of ${e.key} (a state such as online, or a map of record fields)`);
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
      const entries: Record<string, WireFields> = {};
      for (const en of (f.entries && r.entries(f.entries, "entries")) || []) {
        const u = w.user({ node: en.keyNode, path: en.path }, "user");
        const fields = readWireFields(r, en, `the expected entry of ${en.key}`);
        if (u === undefined || fields === undefined) ok = false;
        else entries[u] = fields;
      }
      if (f.entries && !r.isNull(f.entries) && ok && Object.keys(entries).length === 0) {
        r.err(f.entries, "entries checks nothing; map each user to the fields of its entry, or remove it");
        ok = false;
      }
      const count = f.count ? r.num(f.count, "count (how many m.presence EDUs)", { integer: true, min: 0 }) : null;
      const max = f.max_entries_per_edu ? r.num(f.max_entries_per_edu, "max_entries_per_edu", { integer: true, min: 1 }) : null;
      const only = f.only ? r.bool(f.only, "only") : false;
      if (!ok || !destination || from === undefined || to === undefined || only === undefined) return undefined;
      if (count === undefined || max === undefined) return undefined;
      if (to !== null && to < from) return undefined;
      const out: Body = { kind, destination, from, to, users, only };
      if (f.entries) out.entries = entries;
      if (count !== null) out.count = count;
      if (max !== null) out.max_entries_per_edu = max;
      return out;
    }
    case "request": {
      const label = r.str(f.request, "request (a presence, get_presence or sync step's label)");
      if (label !== undefined && !labels.request.has(label)) {
        const hint = didYouMean(label, labels.request);
        const none = labels.request.size ? "" : " (label the step: label: <name>)";
        r.err(f.request, `no presence, get_presence or sync step is labelled "${label}"${hint}${none}`);
        return undefined;
      }
      const status = r.num(f.status, "status (an HTTP status such as 200 or 403)", { integer: true, min: 100, max: 599 });
      let errcode: string | undefined;
      if (f.errcode && !r.isNull(f.errcode)) {
        errcode = r.str(f.errcode, "errcode");
        if (errcode !== undefined && !ERRCODES.includes(errcode)) {
          const s = closest(errcode, ERRCODES);
          if (s) {
            r.err(f.errcode, `unknown errcode "${errcode}"; did you mean ${s}?`);
            return undefined;
          }
        }
        if (errcode !== undefined && status !== undefined && status < 400) {
          r.err(f.errcode, `a ${status} response has no errcode; remove errcode or expect an error status (4xx/5xx)`);
          return undefined;
        }
        if (errcode === undefined) return undefined;
      }
      if (label === undefined || status === undefined) return undefined;
      return errcode === undefined ? { kind, label, status } : { kind, label, status, errcode };
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

function isMapNode(r: Reader, v: V): boolean {
  const n = r.resolve(v.node);
  return isMap(n);
}
