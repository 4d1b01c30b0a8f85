/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

/**
 * Counts the slots each key holds, at most `cap` at once: the per-provider concurrency cap.
 * Waiters are served in order as slots come back.
 */
export function createSlots(cap: number) {
  const held = new Map<string, number>();
  const waiting = new Map<string, Array<(release: Release) => void>>();

  function releaser(key: string): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = waiting.get(key)?.shift();
      if (next) {
        next(releaser(key)); // the slot passes straight on: the count stays
        return;
      }
      waiting.delete(key);
      const left = (held.get(key) ?? 1) - 1;
      if (left > 0) held.set(key, left);
      else held.delete(key);
    };
  }

  /** A slot of `key` if one is free now; undefined at the cap. */
  function tryTake(key: string): Release | undefined {
    const n = held.get(key) ?? 0;
    if (n >= cap) return undefined;
    held.set(key, n + 1);
    return releaser(key);
  }

  return {
    tryTake,
    /** A slot of `key`, once one is free. */
    take(key: string): Promise<Release> {
      const now = tryTake(key);
      if (now) return Promise.resolve(now);
      return new Promise((resolve) => {
        const queue = waiting.get(key) ?? [];
        queue.push(resolve);
        waiting.set(key, queue);
      });
    },
    /** How many slots `key` holds now. */
    heldBy(key: string): number {
      return held.get(key) ?? 0;
    },
  };
}

export type Slots = ReturnType<typeof createSlots>;
