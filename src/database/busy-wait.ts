/** The longest pause between two tries. */
const MAX_PAUSE_MS = 20;

/**
 * Waits out SQLITE_BUSY without blocking the event loop, as SQLite's own busy timeout would
 * while blocking it: each `pauseOrThrow` rethrows what is not SQLITE_BUSY (or one of its
 * extended codes, SQLITE_BUSY_RECOVERY) or comes after `timeoutMs`, and otherwise pauses
 * 1, 2, 4 … up to 20 ms before the caller tries again.
 */
export class BusyWait {
  private readonly deadline: number;
  private pauseMs = 1;

  constructor(timeoutMs: number) {
    this.deadline = Date.now() + timeoutMs;
  }

  async pauseOrThrow(error: unknown): Promise<void> {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw error;
    if (Date.now() >= this.deadline) throw error;
    await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    this.pauseMs = Math.min(this.pauseMs * 2, MAX_PAUSE_MS);
  }
}
