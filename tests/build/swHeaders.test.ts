// The service worker's navigation headers (src/sw/headers.ts): the cached page's headers
// with the framing policy of the URL being opened (scripts/headers.ts pageHeaders).
import { describe, expect, it } from "vitest";
import { navigationHeaders } from "../../src/sw/headers.ts";
import { ISOLATION_HEADERS, pageHeaders } from "../../scripts/headers.ts";

// What the precache holds: index.html as fetched with no query (the full app's policy).
const cached = () =>
  new Headers({ "content-type": "text/html; charset=utf-8", "x-content-type-options": "nosniff", ...pageHeaders("") });

describe("pageHeaders", () => {
  it("frames only the two embed modes, spelled exactly; every page cuts its opener (COOP)", () => {
    const full = { "content-security-policy": "frame-ancestors 'none'", "x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin" };
    const embed = { "content-security-policy": "frame-ancestors *", "cross-origin-opener-policy": "same-origin" };
    expect(pageHeaders("")).toEqual(full);
    expect(pageHeaders("?embed=graph")).toEqual(embed);
    expect(pageHeaders("?embed=editor")).toEqual(embed);
    expect(pageHeaders("?embed=xgraph")).toEqual(full);
    expect(pageHeaders("?embed=graphx")).toEqual(full);
    expect(pageHeaders("?embed=")).toEqual(full);
  });
});

describe("navigationHeaders", () => {
  it("gives an embed URL the embed policy: any site may frame it, no X-Frame-Options left over", () => {
    const h = navigationHeaders(cached(), pageHeaders("?embed=graph"));
    expect(h.get("content-security-policy")).toBe("frame-ancestors *");
    expect(h.has("x-frame-options")).toBe(false);
    expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  it("gives the full app its no-framing policy, even when the cached copy had the embed one", () => {
    const embedCached = new Headers({ "content-type": "text/html", ...pageHeaders("?embed=editor") });
    const h = navigationHeaders(embedCached, pageHeaders("?share=abc"));
    expect(h.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(h.get("x-frame-options")).toBe("DENY");
  });

  it("keeps the cached page's cross-origin isolation (COEP), which the watchdog's shared memory needs", () => {
    const h = navigationHeaders(new Headers({ "content-type": "text/html", ...ISOLATION_HEADERS, ...pageHeaders("") }), pageHeaders("?embed=graph"));
    expect(h.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  it("keeps the cached page's other headers", () => {
    const h = navigationHeaders(cached(), pageHeaders(""));
    expect(h.get("content-type")).toBe("text/html; charset=utf-8");
    expect(h.get("x-content-type-options")).toBe("nosniff");
  });
});
