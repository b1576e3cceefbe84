// /sync: presence side effects (R11–R16), the presence section (R45–R53), the wire
// format (R54), long-polls woken by fan-out (R31, R55) and deliveries.
import type { PresenceFilter } from "../scenario/types.ts";
import type { SyncEvent } from "../trace/types.ts";
import { setState, syncEnded } from "./handler.ts";
import { getNewEvents, type Visible } from "./presence-source.ts";
import { Klass, type QueueItem } from "./queue.ts";
import { parseToken, tokenString, type Server, type Token } from "./server.ts";
import { formatPresence, HttpError } from "./wire.ts";

export interface SyncRequest {
  user: string;
  device: string;
  set_presence: string;
  /** A token string; null = initial. */
  since: string | null;
  /** Set when the step's `since` could not be resolved (request fails with 400). */
  sinceError?: string;
  timeout: number;
  full_state: boolean;
  filter: { presence?: PresenceFilter } | null;
  label: string | null;
  /** Called when the request returns (not when aborted). */
  onReturn?: (r: { next_batch: string | null; error: SyncEvent["error"] }) => void;
  /** Called when a restart or a client stop abandons the open request. */
  onAbort?: () => void;
}

export interface PendingSync {
  s: Server;
  req: SyncRequest;
  since: Token | null;
  started_at: number;
  affect: boolean;
  done: boolean;
  timer: QueueItem | null;
  /** The last (empty) evaluation of a long-poll, returned at its timeout (Synapse's notifier). */
  last: Computed | null;
}

type Computed = { events: Visible[]; next: Token; error: null } | { events: []; next: null; error: NonNullable<SyncEvent["error"]> };

// R11: busy cannot be set via sync. The 400 quotes like Synapse's parse_string (Python
// reprs); Synapse's allowed values are a set, whose order varies by process: sorted here.
const SET_PRESENCE = ["offline", "online", "unavailable"];

export async function startSync(s: Server, req: SyncRequest): Promise<PendingSync> {
  const p: PendingSync = { s, req, since: null, started_at: s.at(), affect: false, done: false, timer: null, last: null };
  if (!SET_PRESENCE.includes(req.set_presence)) {
    await finish(p, fail(400, "M_INVALID_PARAM", `Query parameter 'set_presence' must be one of [${SET_PRESENCE.map((v) => `'${v}'`).join(", ")}]`));
    return p;
  }
  if (req.sinceError) {
    await finish(p, fail(400, "M_INVALID_PARAM", req.sinceError));
    return p;
  }
  if (req.since !== null) {
    p.since = parseToken(req.since);
    if (!p.since) {
      await finish(p, fail(400, "M_INVALID_PARAM", `Invalid stream token ${req.since}`));
      return p;
    }
  }
  // R12: over the limit, the sync behaves as set_presence=offline. R13: affecting only
  // when within the limit, not `offline`, and tracking is on.
  const rl = s.syncLimiter.attempt(req.user, s.now);
  if (!rl.allowed) s.world.log(s, "debug", `${req.user}: /sync over rc_presence, presence not affected (R12)`);
  p.affect = rl.allowed && req.set_presence !== "offline" && s.set.tracking;
  if (p.affect) {
    s.syncStarted(req.user, req.device); // R14.1
    try {
      await setState(s, req.user, req.device, { presence: req.set_presence }, true, false, "sync"); // R14.2
    } catch (e) {
      // Synapse raises out of user_syncing before its context exists: the counter is
      // never decremented and R16 does not run.
      p.affect = false;
      await finish(p, errorOf(s, e, req.user));
      return p;
    }
  }
  const incremental = p.since !== null && !req.full_state;
  if (!incremental || req.timeout <= 0) {
    await finish(p, await compute(p));
    return p;
  }
  // Long-poll (§5): evaluate at once only if this user's stream moved past `since`.
  let set = s.pending.get(req.user);
  if (!set) s.pending.set(req.user, (set = new Set()));
  set.add(p);
  const stream = s.userStream.get(req.user) ?? s.token();
  s.userStream.set(req.user, stream);
  if (stream.p > p.since!.p || stream.m > p.since!.m) {
    const c = await compute(p);
    if (p.done) return p;
    if (c.error || c.events.length) {
      await finish(p, c);
      return p;
    }
    p.last = c;
  }
  // §5: a returning long-poll is triggered work, so a timeout tick (R25) due at the same
  // instant runs first and still sees the device syncing (R15). In Synapse the notifier's
  // timer only wakes the request; R16 runs after the response is computed.
  p.timer = s.world.schedule(s.now + req.timeout, Klass.Triggered, async () => {
    if (!p.done) await finish(p, p.last ?? (await compute(p)));
  });
  return p;
}

/** A wake-up (R31) or membership change: re-evaluate; keep waiting if nothing to return. */
export async function reevaluate(p: PendingSync): Promise<void> {
  if (p.done) return;
  const c = await compute(p);
  if (p.done) return;
  if (c.error || c.events.length) await finish(p, c);
  else p.last = c;
}

/** Abandons an open long-poll (client stop: R16 runs; restart: the process is gone). */
export async function abort(p: PendingSync, runEnd: boolean): Promise<void> {
  if (p.done) return;
  p.done = true;
  detach(p);
  if (runEnd && p.affect) await endSync(p);
}

function detach(p: PendingSync): void {
  if (p.timer) p.timer.cancelled = true;
  const set = p.s.pending.get(p.req.user);
  if (set) {
    set.delete(p);
    if (!set.size) p.s.pending.delete(p.req.user);
  }
}

function fail(status: number, errcode: string, message: string): Computed {
  return { events: [], next: null, error: { status, errcode, message } };
}

function errorOf(s: Server, e: unknown, user: string): Computed {
  if (e instanceof HttpError) {
    if (e.status >= 500) s.world.error(s, `/sync for ${user} failed: ${"detail" in e ? (e as { detail: string }).detail : e.message}`);
    return fail(e.status, e.errcode, e.message);
  }
  s.world.error(s, `/sync for ${user} failed: ${e instanceof Error ? e.message : String(e)}`);
  return fail(500, "M_UNKNOWN", "Internal server error");
}

async function compute(p: PendingSync): Promise<Computed> {
  const s = p.s;
  const next = s.token();
  try {
    const events = await presenceSection(s, p.req.user, p.since, p.req.full_state, p.req.filter?.presence, next);
    return { events, next, error: null };
  } catch (e) {
    return errorOf(s, e, p.req.user);
  }
}

/** R45–R53 for one sync evaluation. */
async function presenceSection(
  s: Server,
  user: string,
  since: Token | null,
  fullState: boolean,
  filter: PresenceFilter | undefined,
  now: Token,
): Promise<Visible[]> {
  if (filter && blocksAll(filter)) return []; // R45
  // R45 / R73: presence disabled, no presence section. (Synapse's catch-up, an
  // incremental sync whose since is behind the stream, only matters after R73's
  // startup flush, which a fixed-config run never has: see timeouts.ts startup().)
  if (!s.set.enabled) return [];
  const incremental = since !== null && !fullState; // R46
  const from = incremental ? since.p : null;
  const includeOffline = s.set.includeOfflineOnSync || incremental;
  let vis = await getNewEvents(s, user, from, includeOffline);
  // R52 runs whenever there is a since token; with full_state the room state it reads
  // lists every member, so every joined/invited/knocking member counts.
  if (since !== null) vis = withNewlyJoined(s, user, since.m, now.m, vis, fullState);
  return filter ? vis.filter((v) => matches(filter, v.record.user_id)) : vis; // R53
}

/** R45: a filter that blocks all presence. */
function blocksAll(f: PresenceFilter): boolean {
  return (
    (Array.isArray(f.types) && f.types.length === 0) ||
    (f.not_types ?? []).includes("*") ||
    (Array.isArray(f.senders) && f.senders.length === 0) ||
    (f.not_senders ?? []).includes("*")
  );
}

/** R53: types match only the exact "m.presence"; senders exactly. */
function matches(f: PresenceFilter, sender: string): boolean {
  if ((f.not_types ?? []).includes("m.presence")) return false;
  if ((f.not_senders ?? []).includes(sender)) return false;
  if (f.types && !f.types.includes("m.presence")) return false;
  if (f.senders && !f.senders.includes(sender)) return false;
  return true;
}

/**
 * R52: users whose membership became join/invite/knock in the user's joined rooms during
 * the window (joined-then-left does not count), plus every member of rooms the user
 * newly joined; current records, offline included, no router or exclusion filtering.
 * Merged per user: the extra replaces the earlier entry and keeps its position.
 * `fullState` (R52 last paragraph): Synapse reads the same membership events from the
 * room's full state, so every member whose membership is join, invite or knock counts.
 */
function withNewlyJoined(s: Server, user: string, fromM: number, toM: number, vis: Visible[], fullState: boolean): Visible[] {
  const rooms = s.world.rooms;
  const joinedNow = rooms.roomsOfUser(user);
  const extras = new Set<string>();
  /** Every join/invite/knock member of a room whose full state the response carries. */
  const addMembers = (room: string) => {
    for (const [m, membership] of rooms.memberships(room)) {
      if (membership === "join" || membership === "invite" || membership === "knock") extras.add(m);
    }
  };
  if (fullState) for (const room of joinedNow) addMembers(room);
  const firstPrev = new Map<string, string | null>();
  /** Rooms where the user's own membership was something else than join at some point of the window. */
  const leftInWindow = new Set<string>();
  for (const ev of rooms.eventsBetween(fromM, toM)) {
    if (ev.user === user) {
      if (!firstPrev.has(ev.room)) firstPrev.set(ev.room, ev.prev);
      if (ev.membership !== "join") leftInWindow.add(ev.room);
    }
    if (!joinedNow.has(ev.room)) continue;
    if (ev.membership === "join" || ev.membership === "invite" || ev.membership === "knock") extras.add(ev.user);
    else extras.delete(ev.user);
  }
  // R52: a room is newly joined when the user is in it now and was not joined at `since`,
  // or left and rejoined within the window (Synapse's _get_room_changes_for_incremental_sync:
  // "non-join member events, but we are still in the room"). Synapse sends such a room
  // with its full state, so its invited and knocking members count too, and it adds
  // every joined member (get_users_in_room).
  for (const [room, prev] of firstPrev) {
    if (joinedNow.has(room) && (prev !== "join" || leftInWindow.has(room))) addMembers(room);
  }
  extras.delete(user);
  if (!extras.size) return vis;
  const merged = new Map<string, Visible>();
  for (const v of vis) merged.set(v.record.user_id, v);
  for (const u of extras) {
    const old = merged.get(u);
    const via = old ? [...old.via.filter((x) => x !== "join"), "join"] : ["join"];
    merged.set(u, { record: s.lookup(u), via });
  }
  return [...merged.values()];
}

async function finish(p: PendingSync, c: Computed): Promise<void> {
  if (p.done) return;
  p.done = true;
  detach(p);
  const s = p.s;
  const { req } = p;
  const now = s.now;
  const next_batch = c.next ? tokenString(c.next) : "";
  // Past the trace's event limit the response is not recorded: do not build it.
  if (s.world.recorder.accepting) {
    const response: SyncEvent["response"] = {};
    if (c.events.length) {
      // R54: client format at response time; the key is omitted when empty.
      response.presence = {
        events: c.events.map((v) => ({
          type: "m.presence" as const,
          sender: v.record.user_id,
          content: formatPresence(v.record, now, false),
        })),
      };
    }
    s.world.recorder.emit({
      at: s.at(),
      server: s.name,
      type: "sync",
      started_at: p.started_at,
      label: req.label,
      user: req.user,
      device: req.device,
      mode: p.since === null ? "initial" : req.full_state ? "full_state" : "incremental", // R46, R52
      since: req.since,
      next_batch,
      response,
      error: c.error,
    });
  }
  for (const v of c.events) {
    // R55: an edge source → viewer for every record a sync response carries.
    s.world.recorder.deliver({
      at: s.at(),
      server: s.name,
      source: v.record.user_id,
      viewer: req.user,
      transport: "sync",
      state: v.record.state,
      via: v.via,
    });
  }
  req.onReturn?.({ next_batch: c.next ? next_batch : null, error: c.error });
  if (p.affect) await endSync(p);
}

async function endSync(p: PendingSync): Promise<void> {
  try {
    await syncEnded(p.s, p.req.user, p.req.device); // R16
  } catch (e) {
    p.s.world.error(p.s, `Error updating presence after sync: ${e instanceof Error ? e.message : String(e)}`);
  }
}
