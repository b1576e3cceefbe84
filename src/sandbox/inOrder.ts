// Replies delivered in the order they arrived, though some must first be prepared over
// several turns of the event loop (a big trace materialised in slices, a big graph's data
// built piece by piece): a reply that arrives meanwhile (the run's cross-check, say)
// waits its turn. A reply that needs no preparing, with nothing waiting, is delivered at
// once, synchronously, as before.

/**
 * `prepare(v)` returns null when v needs nothing, else a promise to wait for. A failed
 * one is logged and v delivered all the same (the consumer then does the work itself).
 * A queued value is prepared when its turn comes.
 */
export function inOrder<T>(deliver: (v: T) => void, prepare: (v: T) => Promise<void> | null): (v: T) => void {
  let tail: Promise<void> | null = null;
  const settle = (p: Promise<void> | null) => p?.catch((e) => console.error("preparing a reply failed", e));
  return (v) => {
    const now = tail === null ? prepare(v) : undefined;
    if (now === null) return deliver(v);
    const mine: Promise<void> = (tail ?? Promise.resolve())
      .then(async () => {
        await settle(now === undefined ? prepare(v) : now);
        deliver(v);
      })
      .catch((e) => console.error(e))
      .finally(() => {
        if (tail === mine) tail = null;
      });
    tail = mine;
  };
}
