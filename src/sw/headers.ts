// The response headers of a navigation the service worker answers from its precache
// (sw.ts): the cached index.html's own headers (content type, nosniff, referrer policy…)
// with the framing and opener policy replaced by the ones for this URL (pageHeaders).

/** Header names pageHeaders may set: any of them the URL's policy lacks is dropped. */
const PAGE_POLICY = ["content-security-policy", "x-frame-options", "cross-origin-opener-policy"];

export function navigationHeaders(cached: Headers, page: Record<string, string>): Headers {
  const h = new Headers(cached);
  for (const k of PAGE_POLICY) h.delete(k);
  for (const [k, v] of Object.entries(page)) h.set(k, v);
  return h;
}
