// The server's loops: timeout ticks (R25–R27), periodic persistence (R30), and what
// happens at startup and restart (R21).
import { FIRST_PERSIST, FIRST_TICK, PERSIST_TICK, TICK, FED_PING, FED_TIMEOUT } from "./config.ts";
import { persistUnpersisted, pipeline } from "./handler.ts";
import { Klass } from "./queue.ts";
import { RateLimiter } from "./ratelimit.ts";
import { handleTimeout } from "./rules.ts";
import type { Server } from "./server.ts";
import { PRESENCE_STATES, type UserPresenceState } from "./state.ts";
import { abort } from "./sync.ts";
import { WheelTimer } from "./wheel.ts";

/** R25: one timeout check; all results form one pipeline batch. */
export async function timeoutTick(s: Server): Promise<void> {
  const now = s.now;
  const changes = new Map<string, UserPresenceState>();
  for (const u of s.wheel.fetch(now)) {
    const r = handleTimeout(s.peek(u), s.isLocal(u), s.devices.get(u), (d) => s.isSyncing(u, d), now, s.set);
    if (r.devices) s.devices.set(u, r.devices);
    if (r.record) changes.set(u, r.record);
  }
  if (!changes.size) return;
  try {
    await pipeline(s, [...changes.values()], "timeout");
  } catch (e) {
    // A looping call logs and carries on.
    s.world.error(s, `presence timeout check failed: ${"detail" in (e as object) ? (e as { detail: string }).detail : String(e)}`);
  }
}

/** Starts the loops of one server generation (start or restart at `s.now`). */
export function startLoops(s: Server): void {
  const gen = ++s.generation;
  const t0 = s.now;
  if (s.set.tracking) {
    // R25: first check 35 s after start, then every 5 s (only when tracking, R71).
    const tick = (at: number) =>
      s.world.schedule(at, Klass.Tick, async () => {
        if (s.generation !== gen) return;
        tick(at + TICK);
        await timeoutTick(s);
      });
    tick(t0 + FIRST_TICK);
  }
  if (s.set.enabled) {
    // R30: first at +120 s, then every 60 s (whenever presence is enabled).
    const persist = (at: number) =>
      s.world.schedule(at, Klass.Tick, () => {
        if (s.generation !== gen) return;
        persist(at + PERSIST_TICK);
        persistUnpersisted(s);
      });
    persist(t0 + FIRST_PERSIST);
  }
}

/**
 * `restart` step: shutdown persists unpersisted changes; memory (records, devices,
 * syncing counters, timers, limiters, outbound queues) is lost; pending long-polls end.
 * Startup loads the stored non-offline records with a pseudo-device each and their
 * timers (R21).
 */
export async function restartServer(s: Server): Promise<void> {
  if (s.set.enabled) persistUnpersisted(s);
  for (const set of [...s.pending.values()]) {
    for (const p of [...set]) {
      await abort(p, false);
      p.req.onAbort?.();
    }
  }
  s.current = new Map();
  s.devices = new Map();
  s.forgetSyncs();
  s.unpersisted = new Set();
  s.wheel = new WheelTimer();
  s.userStream = new Map();
  // R21: queued presence is lost with the process. A send already scheduled for an old
  // queue then finds it empty (a transaction already sent still arrives).
  for (const q of s.fedQueues.values()) q.pending.clear();
  s.fedQueues = new Map();
  const rc = s.cfg.rc_presence.per_user;
  s.putLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  s.syncLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  await startup(s);
  s.world.log(s, "info", `${s.name} restarted`);
}

/**
 * Startup: the stored non-offline records get a pseudo-device each and their timers
 * (R21). R73's startup flush (presence disabled: rewrite stored non-offline records as
 * offline) is not simulated: a server's config is fixed for the whole run, and while
 * presence is disabled the pipeline drops every update (R22.1), so its store never
 * holds a non-offline record. It would need a restart with a changed config, which
 * the scenario format does not have.
 */
export async function startup(s: Server): Promise<void> {
  const now = s.now;
  for (const r of s.stored.values()) {
    if (r.state === PRESENCE_STATES.OFFLINE) continue;
    // R21
    s.current.set(r.user_id, r);
    s.devices.set(r.user_id, new Map([[null, { device_id: null, state: r.state, last_active_ts: r.last_active_ts, last_sync_ts: r.last_user_sync_ts }]]));
    if (s.set.tracking) {
      s.wheel.insert(now, r.user_id, r.last_active_ts + s.set.I);
      s.wheel.insert(now, r.user_id, r.last_user_sync_ts + s.set.S);
      s.wheel.insert(now, r.user_id, r.last_federation_update_ts + (s.isLocal(r.user_id) ? FED_PING : FED_TIMEOUT));
    }
  }
  startLoops(s);
}
