// The engine sandbox's URL carries its document's content hash (src/sandbox/vite-plugin.ts,
// `sandbox.html?v=…`), which lets a host cache it for good and the app load it offline
// (scripts/headers.ts). The hash must be that of the very document the build emits, or a
// deploy could keep serving an older sandbox from the cache under the new URL.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sandboxPage } from "../../src/sandbox/vite-plugin.ts";
import { sandboxDocument, SANDBOX_FILE } from "../../src/sandbox/iframe-runtime.ts";
import { assetHeaders } from "../../scripts/headers.ts";

type Hook = (...args: unknown[]) => unknown;

describe("sandbox.html's content hash", () => {
  const plugin = sandboxPage();
  const define = ((plugin.config as Hook)() as { define: Record<string, string> }).define;
  const rev = JSON.parse(define.__SANDBOX_REV__!) as string;

  it("is the sha256 (16 hex digits) of the document the build emits", () => {
    const emitted: Array<{ fileName: string; source: string }> = [];
    (plugin.generateBundle as Hook).call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) });
    expect(emitted.map((f) => f.fileName)).toEqual([SANDBOX_FILE]);
    expect(rev).toBe(createHash("sha256").update(emitted[0]!.source).digest("hex").slice(0, 16));
    expect(rev).toBe(createHash("sha256").update(sandboxDocument()).digest("hex").slice(0, 16));
  });

  it("gives the URL the host caches for good", () => {
    expect(assetHeaders(`/${SANDBOX_FILE}`, `?v=${rev}`)).toEqual({ "cache-control": "public, max-age=31536000, immutable" });
  });
});
