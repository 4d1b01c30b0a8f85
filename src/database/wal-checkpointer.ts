import { Worker } from 'node:worker_threads';

/**
 * How often the checkpointer copies each watched WAL into its database, ms. SQLite's own
 * automatic checkpoint runs every 1,000 pages written; at the bench's peak that is about
 * every tenth of a second too.
 */
export const CHECKPOINT_INTERVAL_MS = 100;

/** The thread's heap and stack, MiB: a few kilobytes live there at any time. */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1 };

/** What a connection whose checkpoints the thread runs holds: give it back before closing. */
export interface CheckpointWatch {
  /** Stops watching the file; resolves once the thread's connection to it is closed. */
  release(): Promise<void>;
}

type FromThread = { type: 'failed' | 'released'; id: number; error?: string };

/**
 * Runs SQLite's WAL checkpoints on a thread of their own. A checkpoint copies the WAL back
 * into the database and, at the default durability, waits for two fsyncs; run by SQLite
 * after a commit (every 1,000 pages), it held the server's event loop for as long, and every
 * request waiting behind it (docs/performance.md). A connection that hands its file to
 * `watch` turns its automatic checkpoints off; if the thread fails or stops, `lost` turns
 * them back on, so the WAL never grows without bound.
 */
export function createWalCheckpointer(intervalMs = CHECKPOINT_INTERVAL_MS) {
  let worker: Worker | undefined;
  /** Per watch (a connection may share its file with another): what to do if it is lost. */
  const watched = new Map<number, () => void>();
  const releases = new Map<number, () => void>();
  let lastId = 0;

  function lose(id: number): void {
    watched.get(id)?.();
    watched.delete(id);
    releases.get(id)?.();
    releases.delete(id);
  }

  function start(): Worker {
    const thread = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
      workerData: { intervalMs },
      // Not the server's flags (its heap sizes): the thread keeps almost nothing, and V8's
      // defaults would let its heap grow as large as the server's.
      // Past these limits V8 ends the thread, and its files are checkpointed as before.
      execArgv: [],
      resourceLimits: THREAD_LIMITS,
    });
    thread.on('message', (message: FromThread) => {
      if (message.type === 'failed') lose(message.id);
      else {
        releases.get(message.id)?.();
        releases.delete(message.id);
      }
    });
    const gone = () => {
      for (const resolve of releases.values()) resolve();
      releases.clear();
      if (worker !== thread) return;
      worker = undefined;
      for (const id of [...watched.keys()]) lose(id);
    };
    thread.on('error', gone);
    thread.on('exit', gone);
    // After the listeners, which would hold the process again: the thread never keeps the
    // process alive on its own.
    thread.unref();
    return thread;
  }

  return {
    /**
     * Checkpoints `file` (an SQLite database in WAL mode, already created) on the thread from
     * now on. `lost` runs if the thread cannot: the caller then checkpoints as before.
     */
    watch(file: string, lost: () => void): CheckpointWatch {
      worker ??= start();
      const thread = worker;
      const id = ++lastId;
      watched.set(id, lost);
      thread.postMessage({ type: 'watch', id, file });
      return {
        release() {
          if (!watched.delete(id) || worker !== thread) return Promise.resolve();
          const released = new Promise<void>((resolve) => releases.set(id, resolve));
          // Held until the thread answers, so a process closing its store waits for it.
          thread.ref();
          void released.then(() => thread.unref());
          thread.postMessage({ type: 'release', id });
          if (watched.size === 0) {
            thread.postMessage({ type: 'stop' });
            worker = undefined;
          }
          return released;
        },
      };
    },
    /** Ends the thread at once, as a crash would (for tests). */
    async terminate(): Promise<void> {
      await worker?.terminate();
    },
  };
}

export type WalCheckpointer = ReturnType<typeof createWalCheckpointer>;

let shared: WalCheckpointer | undefined;

/** The process's one checkpointer thread, shared by every connection that asks for it. */
export function sharedWalCheckpointer(): WalCheckpointer {
  shared ??= createWalCheckpointer();
  return shared;
}
