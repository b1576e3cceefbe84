// Wire formats: R38 (federation EDU entry) and R54 (client content), request paths.
import type { PresenceContent, PresenceRecord } from "../trace/types.ts";
import { PRESENCE_STATES } from "./state.ts";

/** Python truthiness of a JSON-ish value (Synapse tests fields with `if x:`). */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

/**
 * R54 client content; with `withUserId` the R38 federation entry. Key order follows
 * Synapse's format_user_presence_state: presence, user_id, last_active_ago,
 * status_msg, currently_active.
 */
export function formatPresence(r: PresenceRecord, now: number, withUserId: boolean): PresenceContent & { user_id?: string } {
  const c: PresenceContent & { user_id?: string } = { presence: r.state };
  if (withUserId) c.user_id = r.user_id;
  if (r.last_active_ts) c.last_active_ago = now - r.last_active_ts;
  if (pyTruthy(r.status_msg)) c.status_msg = r.status_msg as string;
  if (r.state === PRESENCE_STATES.ONLINE) c.currently_active = r.currently_active;
  return c;
}

/** A user id as a path segment: percent-encoded, keeping '@' and ':' (legal pchars). */
export function pathSegment(s: string): string {
  return encodeURIComponent(s).replace(/%40/g, "@").replace(/%3A/gi, ":");
}

export function presencePath(user: string): string {
  return `/_matrix/client/v3/presence/${pathSegment(user)}/status`;
}

/** A Matrix error body. */
export function matrixError(errcode: string, error: string, extra?: Record<string, unknown>): Record<string, unknown> {
  return { errcode, error, ...extra };
}

/** Raised by request handlers: becomes an HTTP error response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errcode: string,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "HttpError";
  }
  body(): Record<string, unknown> {
    return matrixError(this.errcode, this.message, this.extra);
  }
}

/** A server-side failure that Synapse raises (R34, R51/S8, R68/S13): HTTP 500. */
export class RouterInconsistencyError extends HttpError {
  constructor(readonly detail: string) {
    super(500, "M_UNKNOWN", "Internal server error");
    this.name = "RouterInconsistencyError";
  }
}
