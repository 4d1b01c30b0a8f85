/**
 * Gathers what callers hand in during one turn of the event loop and runs it as one batch in
 * the turn's check phase (setImmediate), where each caller hears how its batch went: on
 * PostgreSQL, the same write of many requests becomes one statement, one round trip and one
 * commit where each took its own. A call waits at most until the end of its turn.
 */
export function turnBatch<T>(run: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let open: { items: T[]; done: Promise<void> } | undefined;
  return (item) => {
    if (open === undefined) {
      const batch: { items: T[]; done?: Promise<void> } = { items: [] };
      batch.done = new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(() => {
        // What arrives from now on makes the next batch.
        open = undefined;
        return run(batch.items);
      });
      open = batch as { items: T[]; done: Promise<void> };
    }
    open.items.push(item);
    return open.done;
  };
}
