// Inbound m.presence EDUs: acceptance (R42), per-entry parsing (R43), one pipeline
// batch per EDU (R44).
import type { Server } from "./server.ts";
import { pipeline } from "./handler.ts";
import { domainOf } from "./config.ts";
import { pyTruthy } from "./wire.ts";
import type { UserPresenceState } from "./state.ts";
import type { PresenceRecord } from "../trace/types.ts";

/** R42–R44. `vias` (engine-sent EDUs) attributes accepted entries in `deliveries`. */
export async function incomingPresence(
  s: Server,
  origin: string,
  edu: unknown,
  vias: Map<string, string[]> | null,
): Promise<void> {
  const content = (edu as { content?: unknown } | null)?.content;
  const rawPush = content && typeof content === "object" ? (content as { push?: unknown }).push : undefined;
  const push: unknown[] = Array.isArray(rawPush) ? rawPush : [];
  const accepted: string[] = [];
  const rejected: Array<{ user_id: unknown; reason: string }> = [];
  const emit = () =>
    s.world.recorder.emit({ at: s.at(), server: s.name, type: "edu_received", origin, edu, accepted, rejected });
  const rejectAll = (reason: string) => {
    for (const e of push) rejected.push({ user_id: (e as { user_id?: unknown } | null)?.user_id ?? null, reason });
    emit();
  };
  if (s.set.whitelist && !s.set.whitelist.has(origin)) return rejectAll(`origin ${origin} is not in federation_domain_whitelist`);
  if (!s.set.tracking) return rejectAll("presence tracking is off on this server (R42)"); // R42 / R71
  const now = s.now;
  const updates: UserPresenceState[] = [];
  for (const entry of push) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      // Synapse calls push.get(): a non-object entry raises and aborts the whole EDU.
      accepted.length = 0;
      updates.length = 0;
      return rejectAll("an entry is not an object: the whole EDU fails (HTTP 500, R43.5)");
    }
    const e = entry as Record<string, unknown>;
    const user_id = e.user_id;
    if (!pyTruthy(user_id)) {
      rejected.push({ user_id: user_id ?? null, reason: "missing or empty user_id (R43.1)" });
      continue;
    }
    const host = typeof user_id === "string" ? domainOf(user_id) : null;
    if (host === null) {
      // R43.5: parsing raises and aborts the whole EDU; nothing of it is applied.
      accepted.length = 0;
      updates.length = 0;
      return rejectAll(`invalid user id ${JSON.stringify(user_id)}: the whole EDU fails (HTTP 500, R43.5)`);
    }
    if (host !== origin) {
      rejected.push({ user_id, reason: `user is not on the origin server ${origin} (R43.2)` });
      continue;
    }
    if (!pyTruthy(e.presence)) {
      rejected.push({ user_id, reason: "missing or empty presence (R43.3)" });
      continue;
    }
    const lastActiveAgo = e.last_active_ago;
    if (lastActiveAgo !== undefined && lastActiveAgo !== null && typeof lastActiveAgo !== "number") {
      accepted.length = 0;
      updates.length = 0;
      return rejectAll("last_active_ago is not a number: the whole EDU fails (HTTP 500)");
    }
    const prev = s.lookup(user_id as string);
    const changes: Partial<PresenceRecord> = {
      state: e.presence as string, // not validated (R43.3)
      last_federation_update_ts: now,
    };
    if (typeof lastActiveAgo === "number") changes.last_active_ts = now - lastActiveAgo;
    changes.status_msg = (e.status_msg ?? null) as string | null; // absent clears (S20)
    changes.currently_active = (e.currently_active ?? false) as boolean;
    updates.push(prev.copy_and_replace(changes));
    accepted.push(user_id as string);
  }
  emit();
  if (vias) {
    for (const u of updates) {
      const via = vias.get(u.user_id);
      if (!via) continue;
      s.world.recorder.deliver({
        at: s.at(),
        server: s.name,
        source: u.user_id,
        viewer: s.name,
        transport: "federation",
        state: u.state,
        via: [...via],
      });
    }
  }
  if (updates.length) await pipeline(s, updates, "edu"); // R44: one batch
}
