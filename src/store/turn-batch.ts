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

/**
 * A turn's items as one batch statement of rows that each item locks: `together` answers the
 * first item of each key, in one statement; a key's later items run one by one after it, by
 * `one`, since one statement joining two items of a key would see and change that row once;
 * and a batch PostgreSQL ends to break a deadlock runs again one by one, nothing of it kept.
 */
export async function onceByKey<T, R>(
  items: T[],
  keyOf: (item: T) => string,
  together: (items: T[]) => Promise<R[]>,
  one: (item: T) => Promise<R>,
): Promise<R[]> {
  const first = new Map<string, number>();
  const again: number[] = [];
  for (const [i, item] of items.entries()) {
    const key = keyOf(item);
    if (first.has(key)) again.push(i);
    else first.set(key, i);
  }
  const answers = new Array<R>(items.length);
  const firsts = [...first.values()];
  try {
    const answered = await together(firsts.map((i) => items[i] as T));
    for (const [n, i] of firsts.entries()) answers[i] = answered[n] as R;
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    for (const i of firsts) answers[i] = await one(items[i] as T);
  }
  for (const i of again) answers[i] = await one(items[i] as T);
  return answers;
}
