// "Scale to N users" (issue 12 part 6): a generated world of the same shape as a
// scenario, `copies` times as big. Every user, room, client and user step is repeated
// per copy under new ids (@alice:x → @alice_x2:x, !team:x → !team_x2:x), so each user
// keeps the same rooms, devices, clients and steps; the servers and their config stay
// as they are (the same router, with the same config, so a monitor or gobbler named in
// it now serves every copy). Rooms in exclude_rooms_from_presence are excluded in every
// copy. Labels get the same suffix; expectations are dropped (they name the original
// users). Works on the YAML text, so the result goes through the normal pipeline.
// Pure and deterministic.
import { parse, stringify } from "yaml";

export class ScaleError extends Error {}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function suffixId(id: string, copy: number): string {
  const i = id.indexOf(":");
  return i < 0 ? `${id}_x${copy}` : `${id.slice(0, i)}_x${copy}${id.slice(i)}`;
}

/** Deep copy of `v` with user/room ids and labels renamed for copy `copy`. */
function rename(v: Json, ids: ReadonlySet<string>, copy: number, key = ""): Json {
  if (typeof v === "string") {
    if (ids.has(v)) return suffixId(v, copy);
    if ((key === "label" || key === "since") && v !== "initial") return `${v}_x${copy}`;
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => rename(x, ids, copy));
  if (v && typeof v === "object") {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) out[ids.has(k) ? suffixId(k, copy) : k] = rename(x, ids, copy, k);
    return out;
  }
  return v;
}

/** True when `v` mentions one of `ids` (as a value or a key). */
function mentions(v: Json, ids: ReadonlySet<string>): boolean {
  if (typeof v === "string") return ids.has(v);
  if (Array.isArray(v)) return v.some((x) => mentions(x, ids));
  if (v && typeof v === "object") return Object.entries(v).some(([k, x]) => ids.has(k) || mentions(x, ids));
  return false;
}

/** The scenario text of a world `copies` times the size of `text`'s (copies = 1: the same world, without expectations). */
export function scaleScenarioText(text: string, copies: number): string {
  if (!Number.isInteger(copies) || copies < 1) throw new ScaleError(`copies must be a whole number ≥ 1, not ${copies}`);
  let doc: { [k: string]: Json };
  try {
    doc = parse(text) as { [k: string]: Json };
  } catch (e) {
    throw new ScaleError(`the scenario is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new ScaleError("the scenario is not a mapping");
  const users = (doc.users ?? {}) as { [k: string]: Json };
  const rooms = (doc.rooms ?? {}) as { [k: string]: Json };
  const ids = new Set([...Object.keys(users), ...Object.keys(rooms)]);
  const copiesOf = <T extends Json>(x: T): T[] => Array.from({ length: copies - 1 }, (_, i) => rename(x, ids, i + 2) as T);

  const out: { [k: string]: Json } = { ...doc };
  const grow = (obj: { [k: string]: Json }) => {
    const res: { [k: string]: Json } = { ...obj };
    for (let c = 2; c <= copies; c++) for (const [k, v] of Object.entries(obj)) res[suffixId(k, c)] = rename(v, ids, c);
    return res;
  };
  out.users = grow(users);
  if (doc.rooms !== undefined) out.rooms = grow(rooms);
  if (Array.isArray(doc.clients)) out.clients = [...doc.clients, ...doc.clients.flatMap((c) => copiesOf(c))];
  if (Array.isArray(doc.steps)) {
    // Each user step right after its original, copies in order; steps about nobody (restart, until) once.
    out.steps = doc.steps.flatMap((s) => (mentions(s, ids) ? [s, ...copiesOf(s)] : [s]));
  }
  if (doc.servers && typeof doc.servers === "object" && !Array.isArray(doc.servers)) {
    const servers: { [k: string]: Json } = {};
    for (const [name, cfg] of Object.entries(doc.servers)) {
      if (cfg && typeof cfg === "object" && !Array.isArray(cfg) && Array.isArray(cfg.exclude_rooms_from_presence)) {
        const ex = cfg.exclude_rooms_from_presence;
        servers[name] = { ...cfg, exclude_rooms_from_presence: [...ex, ...ex.flatMap((r) => copiesOf(r))] };
      } else servers[name] = cfg;
    }
    out.servers = servers;
  }
  out.expect = [];
  return stringify(out, { lineWidth: 0 });
}
