// The ServerApi one server offers its modules (the ModuleApi forwards here):
// send_local_online_presence_to (R67, R68, S12, S13), set_presence_for_users (R69),
// room state, memberships and timers on the simulated clock. Mutating calls appear in
// the trace as `module_call` events.
import type { ServerApi } from "./contracts.ts";
import { domainOf } from "./config.ts";
import { enqueueForDestinations } from "./federation.ts";
import { pipeline, setState } from "./handler.ts";
import { getNewEvents } from "./presence-source.ts";
import { Klass } from "./queue.ts";
import type { Server } from "./server.ts";
import type { UserPresenceState } from "./state.ts";
import { HttpError, RouterInconsistencyError } from "./wire.ts";

async function moduleCall(s: Server, call: string, args: unknown[], module: string | null, fn: () => Promise<void>): Promise<void> {
  const slot = s.world.recorder.reserve();
  const at = s.at();
  let error: string | null = null;
  try {
    await fn();
  } catch (e) {
    error = e instanceof RouterInconsistencyError ? e.detail : e instanceof Error ? e.message : String(e);
    s.world.error(s, `${call} failed: ${error}`, module ?? undefined);
    throw e;
  } finally {
    s.world.recorder.fill(slot, { at, server: s.name, type: "module_call", call, args: structuredCloneSafe(args), module, error });
  }
}

function structuredCloneSafe(args: unknown[]): unknown[] {
  try {
    return JSON.parse(JSON.stringify(args)) as unknown[];
  } catch {
    return args.map((a) => String(a));
  }
}

/** R67 (local targets) and R68 (remote targets). */
export async function sendLocalOnlinePresenceTo(s: Server, users: readonly string[]): Promise<void> {
  if (!Array.isArray(users)) throw new TypeError("send_local_online_presence_to expects a list of user ids");
  const local: string[] = [];
  const remote: string[] = [];
  for (const u of users) {
    const list = s.isLocal(u) ? local : remote;
    if (!list.includes(u)) list.push(u);
  }
  if (local.length) {
    const T = s.streamPos;
    for (const u of local) s.fullMark.set(u, T); // R67.1 / R6
    // R67.2: one target (the caller's first) is re-applied with force_notify. Synapse
    // passes the status under the wrong key, which clears it (S12).
    const u0 = local[0];
    const cur = s.lookup(u0);
    const state: { presence: unknown; status_msg?: unknown } = { presence: cur.state };
    if (!s.fidelity.status_msg_quirk) state.status_msg = cur.status_msg;
    await setState(s, u0, null, state, false, true, "module_api"); // no-op when not tracking (R67.4)
  }
  for (const r of remote) {
    // R68.1: an initial-style presence computation for r, offline excluded.
    const vis = await getNewEvents(s, r, null, false, "snapshot");
    const recs: UserPresenceState[] = vis.map((v) => v.record);
    const host = domainOf(r);
    if (host === null) throw new HttpError(400, "M_INVALID_PARAM", `Invalid user id ${r}`);
    enqueueForDestinations(s, recs, [host], "module_api"); // R68.2, R68.3 (R34 assertion, S13)
  }
}

/** R69: one batch, force-notified; works for local and remote users and when untracked. */
export async function setPresenceForUsers(s: Server, updates: Record<string, [string, string | null]>): Promise<void> {
  const entries = updates instanceof Map ? [...(updates as Map<string, [string, string | null]>)] : Object.entries(updates ?? {});
  const recs: UserPresenceState[] = [];
  for (const [u, v] of entries) {
    if (!Array.isArray(v) || v.length !== 2) throw new TypeError(`set_presence_for_users: value for ${u} must be [state, status_msg]`);
    recs.push(s.lookup(u).copy_and_replace({ state: v[0], status_msg: v[1] ?? null }));
  }
  await pipeline(s, recs, "module_api", true);
}

export function createServerApi(s: Server): ServerApi {
  const world = s.world;
  return {
    server_name: s.name,
    start_time: world.start,
    now: () => world.now,
    is_mine: (u) => typeof u === "string" && s.isLocal(u),
    user_exists: (u) => world.userSet.has(u) && s.isLocal(u),
    send_local_online_presence_to: (users, module) =>
      moduleCall(s, "send_local_online_presence_to", [users], module, () => sendLocalOnlinePresenceTo(s, users)),
    set_presence_for_users: (updates, module) =>
      moduleCall(s, "set_presence_for_users", [updates], module, () => setPresenceForUsers(s, updates)),
    get_state_events_in_room(room_id, types) {
      if (!world.rooms.hasHost(room_id, s.name)) return [];
      const evs = world.rooms.memberEvents(room_id);
      if (!types) return evs;
      return evs.filter((e) => types.some(([t, k]) => t === e.type && (k === null || k === e.state_key)));
    },
    update_room_membership: (sender, target, room_id, membership, module) =>
      moduleCall(s, "update_room_membership", [sender, target, room_id, membership], module, async () => {
        world.changeMembership(target, room_id, membership);
      }),
    schedule(delay_ms, fn, module) {
      // Like Synapse's clock.call_later: the callback starts at its time but does not
      // hold the clock; whatever it awaits later (a sleep, a timer) waits on the
      // simulated clock as a detached chain (§5), its failure logged when it happens.
      const item = world.schedule(world.now + Math.max(0, delay_ms), Klass.Step, () => {
        world.moduleRan = true; // §5: settled by a macrotask turn before the clock moves
        try {
          void Promise.resolve(fn()).then(undefined, (e: unknown) => world.moduleError(s, e, module));
        } catch (e) {
          world.moduleError(s, e, module);
        }
      });
      return { cancel: () => void (item.cancelled = true) };
    },
  };
}
