// Matrix identifiers in scenarios (user ids, room ids, server names) and the registry of
// what the scenario declares, used to check references and suggest fixes.
import type { UserDef } from "./types.ts";
import type { Reader, V } from "./reader.ts";
import { closest, didYouMean } from "./suggest.ts";

/** hostname, IPv4 or [IPv6], with an optional :port. */
const SERVER_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** A message if `name` is not a valid Matrix server name, else null. */
export function serverNameProblem(name: string): string | null {
  if (name === "") return "a server name cannot be empty";
  if (name.length > 255) return "a server name is at most 255 characters";
  if (!SERVER_NAME.test(name)) return `"${name}" is not a valid server name (a host name such as example.org, optionally with :port)`;
  return null;
}

/** Splits `@local:server` / `!opaque:server` at the first colon. */
export function splitId(id: string): { local: string; server: string } | null {
  const i = id.indexOf(":");
  if (i < 0) return null;
  return { local: id.slice(1, i), server: id.slice(i + 1) };
}

export function mxidProblem(id: string): string | null {
  if (!id.startsWith("@")) return `"${id}" is not a user id; user ids look like @alice:example.org`;
  const p = splitId(id);
  if (!p || p.local === "" || p.server === "") return `"${id}" is not a user id; user ids look like @alice:example.org`;
  if (/[\s\x00-\x1f]/.test(p.local)) return `the user id "${id}" contains whitespace or control characters`;
  if (id.length > 255) return `the user id "${id.slice(0, 40)}…" is longer than 255 characters`;
  return serverNameProblem(p.server) && `the server part of "${id}" is not a valid server name`;
}

export function roomIdProblem(id: string): string | null {
  const p = id.startsWith("!") ? splitId(id) : null;
  if (!p || p.local === "" || p.server === "") return `"${id}" is not a room id; room ids look like !team:example.org`;
  if (/[\s\x00-\x1f]/.test(id)) return `the room id "${id}" contains whitespace or control characters`;
  return null;
}

/** What the scenario declares, for checking references. */
export class World {
  readonly servers: string[] = [];
  readonly users = new Map<string, UserDef>();
  /** Rooms declared under `rooms:` or created by a membership step. */
  readonly rooms = new Set<string>();

  constructor(private readonly r: Reader) {}

  serverOfUser(id: string): string {
    return splitId(id)?.server ?? "";
  }

  /** A valid MXID whose server is declared (for `users:` keys). */
  checkNewUser(v: V, id: string): boolean {
    const p = mxidProblem(id);
    if (p) {
      this.r.err(v, p);
      return false;
    }
    const server = this.serverOfUser(id);
    if (!this.servers.includes(server)) {
      this.r.err(v, `the server "${server}" of ${id} is not in servers${didYouMean(server, this.servers)}`);
      return false;
    }
    return true;
  }

  /** A reference to a declared user: text, valid, known (with did-you-mean). */
  user(v: V, what: string): string | undefined {
    const id = this.r.str(v, what);
    if (id === undefined) return undefined;
    if (this.users.has(id)) return id;
    if (this.r.is.full) return undefined; // past the error cap: skip the costly suggestion
    const p = mxidProblem(id);
    if (p) {
      this.r.err(v, `${what}: ${p}`);
      return undefined;
    }
    this.r.err(v, `unknown user ${id}${this.suggestUser(id)}`);
    return undefined;
  }

  /** Candidate comparisons left for user suggestions (20k users × 50 errors would take seconds). */
  private suggestBudget = 100_000;

  suggestUser(id: string): string {
    this.suggestBudget -= this.users.size;
    const s = this.suggestBudget >= 0 ? closest(id, this.users.keys()) : undefined;
    if (s) return `; did you mean ${s}?`;
    const server = this.serverOfUser(id);
    if (!this.servers.includes(server)) {
      const ss = closest(server, this.servers);
      if (ss) return `; did you mean ${id.slice(0, id.length - server.length)}${ss}?`;
      return ` (its server "${server}" is not in servers)`;
    }
    return this.users.size ? " (declare it under users:)" : " (declare users under users:)";
  }

  /** A reference to a declared server. */
  server(v: V, what: string): string | undefined {
    const s = this.r.str(v, what);
    if (s === undefined) return undefined;
    if (this.servers.includes(s)) return s;
    this.r.err(v, `unknown server ${s}${didYouMean(s, this.servers)}${closest(s, this.servers) ? "" : ` (servers: ${this.servers.join(", ")})`}`);
    return undefined;
  }

  /** A device of `user`; omitted = the user's first device. */
  device(v: V | undefined, user: string, at: V): string | undefined {
    const def = this.users.get(user)!;
    if (!v) {
      if (def.devices.length === 0) {
        this.r.err(at, `${user} has no devices; add "device:" here or devices under users:`);
        return undefined;
      }
      return def.devices[0];
    }
    const d = this.r.str(v, "device");
    if (d === undefined) return undefined;
    if (def.devices.includes(d)) return d;
    this.r.err(v, `${user} has no device "${d}"${didYouMean(d, def.devices)} (devices: ${def.devices.join(", ") || "none"})`);
    return undefined;
  }

  /** A well-formed room id; `mustExist` requires a declared or created room. */
  room(v: V, what: string, mustExist: boolean): string | undefined {
    const id = this.r.str(v, what);
    if (id === undefined) return undefined;
    const p = roomIdProblem(id);
    if (p) {
      this.r.err(v, p);
      return undefined;
    }
    if (mustExist && !this.rooms.has(id)) {
      this.r.err(v, `unknown room ${id}${didYouMean(id, this.rooms)}`);
      return undefined;
    }
    return id;
  }
}
