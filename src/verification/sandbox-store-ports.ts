import type { SandboxMessage } from '../ports/store-records.ts';

/** The console provider's sandbox messages, read back by the sandbox API. Part of the `Store` port (src/ports/store.ts). */
export interface SandboxStore {
  insertSandboxMessage(message: SandboxMessage): Promise<void>;
  /**
   * Deletes the sandbox messages (which hold plaintext codes) made before `t`, of every app;
   * returns how many.
   */
  purgeSandboxMessages(t: number): Promise<number>;
  /** Newest first; `to` keeps the messages to any of its destinations. */
  listSandboxMessages(
    appId: string,
    filter: { to?: readonly string[]; limit: number },
  ): Promise<SandboxMessage[]>;
}
