/** How a write-behind queue collects writes and where it sends them. */
export interface WriteBehindOptions<Op, Result> {
  /** Applies several writes, in order, in one transaction; all land or none does. */
  applyBatch: (ops: readonly Op[]) => Promise<Result[]>;
  /** Applies one write on its own (a batch of one, and each write of a failed batch). */
  applyOne: (op: Op) => Promise<Result>;
  /** A batch is sent this long after its first write arrived (0: once this turn's I/O is done)… */
  delayMs: number;
  /** …or at once when it holds this many. */
  maxBatch: number;
  /** A batch failed as a whole; its writes are now tried one by one. */
  onBatchFailed?: (error: unknown, size: number) => void;
}

interface Pending<Op, Result> {
  op: Op;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that arrive close together go to the database in one transaction instead of one
 * commit each. Batches run one after another in the order their writes arrived, so a later
 * write always follows an earlier one. Each caller's promise settles when its own write has
 * committed, with its own result; when a batch fails, its writes are retried one by one, so a
 * bad write fails alone and the others land. `flush` settles once every write accepted before
 * it has been tried: reads call it first and see them all.
 */
export function createWriteBehind<Op, Result>(options: WriteBehindOptions<Op, Result>) {
  const { applyBatch, applyOne, delayMs, maxBatch, onBatchFailed } = options;
  let queue: Pending<Op, Result>[] = [];
  let timer: { cancel(): void } | undefined;
  // The batches sent so far, chained; it never rejects (every failure settles a caller).
  let sent: Promise<void> = Promise.resolve();
  let busy = 0;

  async function run(batch: Pending<Op, Result>[]): Promise<void> {
    if (batch.length === 1) {
      await settle(batch[0] as Pending<Op, Result>);
      return;
    }
    let results: Result[];
    try {
      results = await applyBatch(batch.map((p) => p.op));
    } catch (error) {
      onBatchFailed?.(error, batch.length);
      for (const pending of batch) await settle(pending);
      return;
    }
    for (const [i, pending] of batch.entries()) pending.resolve(results[i] as Result);
  }

  async function settle(pending: Pending<Op, Result>): Promise<void> {
    try {
      pending.resolve(await applyOne(pending.op));
    } catch (error) {
      pending.reject(error);
    }
  }

  /** Sends what is queued, in batches of at most `maxBatch`, after the batches before it. */
  function send(): Promise<void> {
    timer?.cancel();
    timer = undefined;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      busy++;
      sent = sent.then(() => run(batch)).finally(() => busy--);
    }
    return sent;
  }

  return {
    /** Queues one write; settles with its result once it has committed (or failed alone). */
    write(op: Op): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ op, resolve, reject });
        if (queue.length >= maxBatch) send();
        else timer ??= later(send, delayMs);
      });
    },

    /** Settles once every write queued so far has been tried. */
    flush(): Promise<void> {
      if (queue.length === 0 && busy === 0) return Promise.resolve();
      return send();
    },
  };
}

function later(run: () => void, delayMs: number): { cancel(): void } {
  if (delayMs <= 0) {
    const immediate = setImmediate(run);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timeout = setTimeout(run, delayMs);
  return { cancel: () => clearTimeout(timeout) };
}
