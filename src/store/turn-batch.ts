/**
 * Gathers what callers hand in during one turn of the event loop and runs it as one batch in
 * the turn's check phase (setImmediate): on PostgreSQL, the same statement of many requests
 * becomes one, one round trip and at most one commit where each took its own. `run` answers
 * each item in its place; a call waits at most until the end of its turn, and hears its own
 * answer or its batch's failure.
 */
export function turnBatch<T, R>(run: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let open: { items: T[]; answers: Promise<R[]> } | undefined;
  return (item) => {
    if (open === undefined) {
      const items: T[] = [];
      const answers = new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(() => {
        // What arrives from now on makes the next batch.
        open = undefined;
        return run(items);
      });
      open = { items, answers };
    }
    const at = open.items.push(item) - 1;
    return open.answers.then((answers) => answers[at] as R);
  };
}

/**
 * Whether PostgreSQL rolled a statement back to end a deadlock (SQLSTATE 40P01). The
 * statements of many requests lock many rows, in no order other statements share; where two
 * such wait on each other, PostgreSQL ends one. Nothing of it stays, so its batch can be run
 * again one by one, each request locking only its own rows.
 */
export const isDeadlock = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01';
