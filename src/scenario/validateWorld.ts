// `users:`, `rooms:` and `clients:` (scenario-format §1).
import type { ClientDef, RoomDef } from "./types.ts";
import type { Reader, V } from "./reader.ts";
import { roomIdProblem, type World } from "./ids.ts";

/** Fills world.users. Keys must be valid MXIDs of declared servers; devices default ["DEV"]. */
export function readUsers(r: Reader, v: V, world: World): void {
  const es = r.entries(v, "users");
  if (!es) return;
  if (es.length > r.limits.users) {
    r.err(v, `too many users (${es.length}; at most ${r.limits.users})`);
    return;
  }
  for (const e of es) {
    if (r.is.full) break;
    const key = { node: e.keyNode, path: e.path };
    if (!world.checkNewUser(key, e.key)) continue;
    let devices = ["DEV"];
    const f = r.fields(e, `user ${e.key}`, ["devices"]);
    if (f?.devices) {
      const ds = r.strList(f.devices, "devices");
      if (ds) {
        const its = r.items(f.devices, "devices")!;
        if (ds.length > r.limits.devices) r.err(f.devices, `too many devices (${ds.length}; at most ${r.limits.devices})`);
        ds.forEach((d, i) => {
          if (d === "") r.err(its[i], "a device id cannot be empty");
          else if (ds.indexOf(d) !== i) r.err(its[i], `device "${d}" is listed twice`);
        });
        devices = ds;
      }
    }
    world.users.set(e.key, { id: e.key, devices });
  }
}

export function readRooms(r: Reader, v: V, world: World): RoomDef[] {
  const es = r.entries(v, "rooms");
  if (!es) return [];
  if (es.length > r.limits.rooms) {
    r.err(v, `too many rooms (${es.length}; at most ${r.limits.rooms})`);
    return [];
  }
  const out: RoomDef[] = [];
  for (const e of es) {
    const p = roomIdProblem(e.key);
    if (p) {
      r.is.error(e.keyNode, e.path, p);
      continue;
    }
    const its = r.items(e, `the members of ${e.key}`);
    const members: string[] = [];
    for (const it of its ?? []) {
      if (r.is.full) break;
      const u = world.user(it, "a room member");
      if (u === undefined) continue;
      if (members.includes(u)) r.err(it, `${u} is listed twice in ${e.key}`);
      else members.push(u);
    }
    world.rooms.add(e.key);
    out.push({ id: e.key, members });
  }
  return out;
}

export function readClients(r: Reader, v: V, world: World): ClientDef[] {
  const its = r.items(v, "clients");
  if (!its) return [];
  if (its.length > r.limits.clients) {
    r.err(v, `too many clients (${its.length}; at most ${r.limits.clients})`);
    return [];
  }
  const out: ClientDef[] = [];
  const seen = new Set<string>();
  for (const it of its) {
    if (r.is.full) break;
    const f = r.fields(it, "a client", ["user", "device", "set_presence"], ["user"]);
    if (!f?.user) continue;
    const user = world.user(f.user, "user");
    if (user === undefined) continue;
    const device = world.device(f.device, user, it);
    if (device === undefined) continue;
    const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
    if (set_presence === undefined) continue;
    const k = `${user}\u0000${device}`;
    if (seen.has(k)) r.err(it, `a client for ${user} device ${device} is already listed`);
    seen.add(k);
    out.push({ user, device, set_presence });
  }
  return out;
}
