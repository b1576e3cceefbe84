// The snapshot's shared copy (src/sandbox/sharedSnapshot.ts): every byte in place, in
// shared memory, and the frame's thread given back between steps.
import { describe, expect, test } from "vitest";
import { toSharedBytes } from "../../src/sandbox/sharedSnapshot.ts";

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 255);

/** Whether a macrotask queued before the copy ran before the copy was done. */
async function yielded(src: Uint8Array | Blob, step: number): Promise<{ out: Uint8Array; ticked: boolean }> {
  let ticked = false;
  setTimeout(() => (ticked = true), 0);
  const out = await toSharedBytes(src, step);
  return { out, ticked };
}

describe("toSharedBytes", () => {
  test.each([[10, 4], [12, 4], [3, 4], [4, 4], [5, 4], [1, 1], [0, 4]])("%i bytes in steps of %i: an equal copy in a SharedArrayBuffer", async (n, step) => {
    const src = bytes(n);
    const out = await toSharedBytes(src, step);
    expect(out.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(out.byteLength).toBe(n);
    expect([...out]).toEqual([...src]);
  });

  test("from a Blob (the build's snapshot file)", async () => {
    const src = bytes(1000);
    const out = await toSharedBytes(new Blob([src]), 64);
    expect(out.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...out]).toEqual([...src]);
  });

  test("a view into a larger buffer: only the view's bytes", async () => {
    const big = bytes(32);
    const out = await toSharedBytes(big.subarray(5, 21), 4);
    expect([...out]).toEqual([...big.subarray(5, 21)]);
  });

  test("yields to other tasks between steps, and not when one step holds it all", async () => {
    expect((await yielded(bytes(5), 4)).ticked).toBe(true); // two steps
    expect((await yielded(bytes(4), 4)).ticked).toBe(false); // one step exactly
    expect((await yielded(bytes(3), 4)).ticked).toBe(false);
  });

  test("the default step is 4 MiB", async () => {
    expect((await yielded(bytes((4 << 20) + 1), undefined as unknown as number)).ticked).toBe(true);
    expect((await yielded(bytes(4 << 20), undefined as unknown as number)).ticked).toBe(false);
  });
});
