// Client REST: PUT /presence/{userId}/status (R8) and GET (R10).
import type { RequestEvent } from "../trace/types.ts";
import { setState } from "./handler.ts";
import type { Server } from "./server.ts";
import { formatPresence, HttpError, presencePath, RouterInconsistencyError } from "./wire.ts";

interface Response {
  status: number;
  body: unknown;
}

function emitRequest(s: Server, slot: number, label: string | null, request: RequestEvent["request"], response: Response): void {
  s.world.recorder.fill(slot, { at: s.at(), server: s.name, type: "request", label, request, response });
}

function toResponse(s: Server, e: unknown, what: string): Response {
  if (e instanceof RouterInconsistencyError) s.world.error(s, `${what} failed: ${e.detail}`);
  else if (!(e instanceof HttpError)) {
    s.world.error(s, `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return { status: 500, body: { errcode: "M_UNKNOWN", error: "Internal server error" } };
  }
  return { status: e.status, body: e.body() };
}

/** R8: the checks in Synapse's order. `caller` is the authenticated user. */
export async function putPresence(
  s: Server,
  caller: string,
  device: string,
  target: string,
  body: Record<string, unknown>,
  label: string | null,
): Promise<Response> {
  // The request event precedes the state changes it causes; its response is filled in after.
  const slot = s.world.recorder.reserve();
  const request: RequestEvent["request"] = { user: caller, device, method: "PUT", path: presencePath(target), target, body };
  let res: Response;
  try {
    if (caller !== target) throw new HttpError(403, "M_FORBIDDEN", "Can only set your own presence state"); // R8.2
    const rl = s.putLimiter.attempt(caller, s.now); // R8.3: even when presence is disabled
    // R9: Synapse's presence servlet catches the limiter's error and answers 429 itself, with
    // its own "Too many requests" (not LimitExceededError's "Too Many Requests"). Because it
    // catches the error, the limiter's 0.5 s pause (applied by the HTTP layer to uncaught
    // LimitExceededErrors) never happens: the reply goes out at once, and so it does here.
    if (!rl.allowed) throw new HttpError(429, "M_LIMIT_EXCEEDED", "Too many requests", { retry_after_ms: rl.retry_after_ms });
    // R8.4: `presence` required; `status_msg` must be a string; nothing else allowed.
    const rest = { ...body };
    if (!("presence" in rest)) throw new HttpError(400, "M_UNKNOWN", "Unable to parse state");
    const state: { presence: unknown; status_msg?: unknown } = { presence: rest.presence };
    delete rest.presence;
    if ("status_msg" in rest) {
      if (typeof rest.status_msg !== "string") throw new HttpError(400, "M_UNKNOWN", "status_msg must be a string.");
      state.status_msg = rest.status_msg;
      delete rest.status_msg;
    }
    if (Object.keys(rest).length) throw new HttpError(400, "M_UNKNOWN", "Unable to parse state");
    // R8.5: only when tracking is on; otherwise 200 without validation (S14).
    if (s.set.tracking) await setState(s, target, device, state, false, false, "put");
    res = { status: 200, body: {} };
  } catch (e) {
    res = toResponse(s, e, `PUT presence of ${target}`);
  }
  emitRequest(s, slot, label, request, res);
  return res;
}

/** R10: visibility is self or a shared joined, non-excluded room; the router is ignored (S7). */
export function getPresence(s: Server, caller: string, target: string, label: string | null): Response {
  const request: RequestEvent["request"] = { user: caller, device: null, method: "GET", path: presencePath(target), target };
  let res: Response;
  if (!s.set.enabled) res = { status: 200, body: { presence: "offline" } };
  else if (caller !== target && !s.world.rooms.shares(caller, target, s.set.excluded)) {
    res = { status: 403, body: { errcode: "M_FORBIDDEN", error: "You are not allowed to see their presence." } };
  } else {
    res = { status: 200, body: formatPresence(s.lookup(target), s.now, false) };
  }
  const slot = s.world.recorder.reserve();
  emitRequest(s, slot, label, request, res);
  return res;
}
