// Readers for each step action of scenario-format §2. Each returns the action part of a
// Step (without at/index/path), or undefined after recording its errors.
// §5 "Requests are requests": request fields (presence `state`, `status_msg`, sync
// `set_presence`) are sent as written; only structure and references are checked here.
import type { PresenceFilter, Step } from "./types.ts";
import type { Entry, Reader, V } from "./reader.ts";
import { serverNameProblem, type World } from "./ids.ts";
import { closest } from "./suggest.ts";

export type StepAction = Step extends infer S ? (S extends Step ? Omit<S, "at" | "index" | "path"> : never) : never;

/** Extra nodes kept for the cross-step checks (labels, since). */
export interface StepRefs {
  label?: V;
  since?: V;
}

export const ACTIONS = [
  "presence",
  "sync",
  "client",
  "activity",
  "membership",
  "module_api",
  "edu",
  "get_presence",
  "restart",
  "until",
] as const;
export type ActionKey = (typeof ACTIONS)[number];

export const MEMBERSHIPS = ["join", "invite", "leave", "ban", "knock"] as const;

export function readAction(r: Reader, w: World, key: ActionKey, v: Entry, refs: StepRefs): StepAction | undefined {
  switch (key) {
    case "presence":
      return presence(r, w, v, refs);
    case "sync":
      return sync(r, w, v, refs);
    case "client":
      return client(r, w, v);
    case "activity":
      return activity(r, w, v);
    case "membership":
      return membership(r, w, v);
    case "module_api":
      return moduleApi(r, w, v);
    case "edu":
      return edu(r, w, v);
    case "get_presence":
      return getPresence(r, w, v, refs);
    case "restart": {
      const f = r.fields(v, "a restart step", ["server"], ["server"]);
      const server = f?.server && w.server(f.server, "server");
      return server ? { kind: "restart", server } : undefined;
    }
    case "until":
      return r.fields(v, "an until step (write until: {})", []) ? { kind: "until" } : undefined;
  }
}

function label(r: Reader, f: Record<string, Entry>, refs: StepRefs): string | null | undefined {
  if (!f.label || r.isNull(f.label)) return null;
  const l = r.str(f.label, "label");
  if (l === undefined) return undefined;
  if (l === "") {
    r.err(f.label, "a label cannot be empty");
    return undefined;
  }
  refs.label = f.label;
  return l;
}

/** user + optional device, both checked against users:. */
function userDevice(r: Reader, w: World, f: Record<string, Entry>, at: V): { user: string; device: string } | undefined {
  const user = f.user && w.user(f.user, "user");
  if (!user) return undefined;
  const device = w.device(f.device, user, at);
  return device === undefined ? undefined : { user, device };
}

function presence(r: Reader, w: World, v: Entry, refs: StepRefs): StepAction | undefined {
  const f = r.fields(v, "a presence step", ["user", "device", "state", "status_msg", "label"], ["user", "state"]);
  if (!f) return undefined;
  const ud = userDevice(r, w, f, v);
  const lab = label(r, f, refs);
  // R8 / S20: the body as written; an omitted status_msg clears it, null reaches the server.
  const body: Record<string, unknown> = {};
  if (f.state) body.presence = r.json(f.state, "state");
  if (f.status_msg) body.status_msg = r.json(f.status_msg, "status_msg");
  if (!ud || lab === undefined || !f.state) return undefined;
  return { kind: "presence", ...ud, body, label: lab };
}

function sync(r: Reader, w: World, v: Entry, refs: StepRefs): StepAction | undefined {
  const f = r.fields(v, "a sync step", ["user", "device", "set_presence", "since", "timeout", "full_state", "filter", "label"], ["user"]);
  if (!f) return undefined;
  const ud = userDevice(r, w, f, v);
  const lab = label(r, f, refs);
  let ok = ud !== undefined && lab !== undefined;
  const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
  let since: string | undefined;
  if (f.since && !r.isNull(f.since)) {
    since = r.str(f.since, "since");
    if (since === undefined) ok = false;
    else refs.since = f.since;
  }
  const timeout = f.timeout ? r.duration(f.timeout, "timeout") : 0;
  const full_state = f.full_state ? r.bool(f.full_state, "full_state") : false;
  const filter = f.filter && !r.isNull(f.filter) ? readFilter(r, f.filter) : null;
  if (set_presence === undefined || timeout === undefined || full_state === undefined || filter === undefined) ok = false;
  if (!ok) return undefined;
  return { kind: "sync", ...ud!, set_presence: set_presence!, since, timeout: timeout!, full_state: full_state!, filter: filter!, label: lab! };
}

function readFilter(r: Reader, v: V): { presence?: PresenceFilter } | undefined {
  const f = r.fields(v, "filter", ["presence"]);
  if (!f) return undefined;
  if (!f.presence) return {};
  const p = r.fields(f.presence, "filter.presence", ["types", "not_types", "senders", "not_senders"]);
  if (!p) return undefined;
  const out: PresenceFilter = {};
  let ok = true;
  for (const k of ["types", "not_types", "senders", "not_senders"] as const) {
    if (!p[k]) continue;
    const l = r.strList(p[k], k);
    if (l === undefined) ok = false;
    else out[k] = l;
  }
  return ok ? { presence: out } : undefined;
}

function client(r: Reader, w: World, v: Entry): StepAction | undefined {
  const f = r.fields(v, "a client step", ["user", "device", "run", "set_presence"], ["user", "run"]);
  if (!f) return undefined;
  const ud = userDevice(r, w, f, v);
  let run: "start" | "stop" | undefined;
  if (f.run) {
    const s = r.str(f.run, "run");
    if (s === "start" || s === "stop") run = s;
    else if (s !== undefined) r.err(f.run, `run must be start or stop, got "${s}"`);
  }
  const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
  if (!ud || !run || set_presence === undefined) return undefined;
  return { kind: "client", ...ud, run, set_presence };
}

function activity(r: Reader, w: World, v: Entry): StepAction | undefined {
  const f = r.fields(v, "an activity step", ["user", "device", "room"], ["user"]);
  if (!f) return undefined;
  const ud = userDevice(r, w, f, v);
  let room: string | null | undefined = null;
  if (f.room && !r.isNull(f.room)) room = w.room(f.room, "room", true);
  if (!ud || room === undefined) return undefined;
  return { kind: "activity", ...ud, room };
}

function membership(r: Reader, w: World, v: Entry): StepAction | undefined {
  const f = r.fields(v, "a membership step", ["user", "room", "membership"], ["user", "room", "membership"]);
  if (!f) return undefined;
  const user = f.user && w.user(f.user, "user");
  const room = f.room && w.room(f.room, "room", false);
  let m: (typeof MEMBERSHIPS)[number] | undefined;
  if (f.membership) {
    const s = r.str(f.membership, "membership");
    if (s !== undefined) {
      m = MEMBERSHIPS.find((x) => x === s);
      if (!m) {
        const c = closest(s, MEMBERSHIPS);
        r.err(f.membership, `membership must be one of ${MEMBERSHIPS.join(", ")}, got "${s}"${c ? `; did you mean ${c}?` : ""}`);
      }
    }
  }
  if (!user || !room || !m) return undefined;
  return { kind: "membership", user, room, membership: m };
}

function moduleApi(r: Reader, w: World, v: Entry): StepAction | undefined {
  const CALLS = ["send_local_online_presence_to", "set_presence_for_users"] as const;
  const f = r.fields(v, "a module_api step", ["server", ...CALLS], ["server"]);
  if (!f) return undefined;
  const server = f.server && w.server(f.server, "server");
  const given = CALLS.filter((c) => f[c]);
  if (given.length !== 1) {
    r.err(given.length ? f[given[1]] : v, `a module_api step makes exactly one call: ${CALLS.join(" or ")}`);
    return undefined;
  }
  const call = given[0];
  const a = f[call];
  let args: unknown;
  if (call === "send_local_online_presence_to") {
    // R68 decides what happens with remote or unknown users (S13); only types are checked.
    args = r.strList(a, call);
    const its = args ? r.items(a, call)! : [];
    for (const [i, u] of ((args as string[] | undefined) ?? []).entries()) {
      if (w.users.has(u)) continue;
      const hint = w.suggestUser(u);
      r.warn(its[i], `${u} is not declared under users:${hint.startsWith(";") ? hint : ""}`);
    }
  } else {
    const es = r.entries(a, call);
    if (es) {
      for (const e of es) {
        const pair = r.items(e, `the value for ${e.key}`);
        if (!pair) continue;
        if (pair.length !== 2) {
          r.err(e, `the value for ${e.key} must be [state, status_msg], e.g. [online, null]`);
          continue;
        }
        r.str(pair[0], "the state");
        if (!r.isNull(pair[1])) r.str(pair[1], "the status_msg (text or null)");
      }
      args = r.json(a, call);
    }
  }
  if (!server || args === undefined) return undefined;
  return { kind: "module_api", server, call, args };
}

function edu(r: Reader, w: World, v: Entry): StepAction | undefined {
  const f = r.fields(v, "an edu step", ["origin", "destination", "push"], ["origin", "destination", "push"]);
  if (!f) return undefined;
  // The origin may be any server name: spoofed or unknown origins are the point (R42, R43).
  const origin = f.origin && r.str(f.origin, "origin");
  if (origin !== undefined) {
    const p = serverNameProblem(origin);
    if (p) r.err(f.origin!, p);
  }
  const destination = f.destination && w.server(f.destination, "destination");
  let push: unknown[] | undefined;
  if (f.push) {
    if (r.items(f.push, "push")) push = r.json(f.push, "push") as unknown[] | undefined;
  }
  if (!origin || serverNameProblem(origin) || !destination || !push) return undefined;
  return { kind: "edu", origin, destination, push };
}

function getPresence(r: Reader, w: World, v: Entry, refs: StepRefs): StepAction | undefined {
  const f = r.fields(v, "a get_presence step", ["user", "target", "label"], ["user", "target"]);
  if (!f) return undefined;
  const user = f.user && w.user(f.user, "user");
  // The target is part of the request: the server answers for unknown users (R10).
  const target = f.target && r.str(f.target, "target");
  if (target !== undefined && !w.users.has(target)) {
    const s = w.suggestUser(target);
    if (s.startsWith(";")) r.warn(f.target!, `${target} is not declared under users:${s}`);
  }
  const lab = label(r, f, refs);
  if (!user || target === undefined || lab === undefined) return undefined;
  return { kind: "get_presence", user, target, label: lab };
}
