// Pyodide's memory snapshot (31 MB) in shared memory, so that each Python engine worker
// restores from it without a copy of its own (src/sandbox/iframe-runtime.ts, when the
// frame is cross-origin isolated).
//
// Why: handed over as a Blob, every worker read the 31 MB back through the browser
// process and into fresh memory before its restore: 330-590 ms of a core per restore on
// these machines (bench/python.ts stage `snapshot_read`), more than the rest of the
// restore. Freshly allocated memory is slow here (first touch of 31 MB: 90-280 ms), and
// a shared buffer is touched once, by the frame, and then read in place by every worker.
//
// Integrity: a worker only reads it. The engine worker passes it to Pyodide's restore,
// which copies it into the new interpreter's own memory and keeps no reference
// (src/python/browser.ts), all before lockdown and before any module code runs.

/**
 * A shared copy of `src`, made in steps of `step` bytes with a macrotask between them, so
 * that the frame's thread never stalls for the whole first touch (its watchdog ticks in
 * between). Serialised into sandbox.html with toString (like sharedSpanWatch): no
 * references outside its own body.
 */
export async function toSharedBytes(src: Blob | Uint8Array, step = 4 << 20): Promise<Uint8Array> {
  const bytes = src instanceof Uint8Array ? src : new Uint8Array(await src.arrayBuffer());
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  for (let at = 0; at < bytes.byteLength; at += step) {
    if (at > 0) await new Promise<void>((ok) => setTimeout(ok, 0));
    out.set(bytes.subarray(at, at + step), at);
  }
  return out;
}
