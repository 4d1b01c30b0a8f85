import { OtpdError } from '../kernel/errors.ts';
import type {
  MessageCursor,
  MessageFilters,
  MessageLog,
  MessageLogEntry,
  MessagePage,
} from './message-log-ports.ts';

/** Rows an export reads per query while it streams: memory stays flat however many match. */
export const EXPORT_PAGE = 500;

export interface MessageDetail {
  entry: MessageLogEntry;
  /** Every attempt of the entry's verification, oldest first (the entry among them). */
  attempts: MessageLogEntry[];
}

/**
 * The message log as the API and the console search it: over the apps a caller may see (an
 * API key's one, an admin's several), filtered, in keyset pages, one entry with its
 * verification's other attempts, and exports streamed a page at a time.
 */
export function createMessageSearch(log: Pick<MessageLog, 'list' | 'get' | 'forVerification'>) {
  return {
    search(
      appIds: readonly string[],
      filters: MessageFilters,
      cursor: MessageCursor | null,
      limit: number,
    ): Promise<MessagePage> {
      return log.list(appIds, filters, cursor, limit);
    },

    /** One entry and its verification's attempts; `message_not_found` for another app's. */
    async detail(appIds: readonly string[], id: string): Promise<MessageDetail> {
      const entry = await log.get(appIds, id);
      if (!entry) throw new OtpdError('message_not_found', `no message ${id}`);
      return { entry, attempts: await log.forVerification(entry.appId, entry.verificationId) };
    },

    /**
     * Every matching entry, newest first, read `EXPORT_PAGE` at a time over the keyset: a
     * consumer that stops early (a closed download) stops the reads.
     */
    async *exportEntries(
      appIds: readonly string[],
      filters: MessageFilters,
    ): AsyncGenerator<MessageLogEntry> {
      let cursor: MessageCursor | null = null;
      do {
        const page: MessagePage = await log.list(appIds, filters, cursor, EXPORT_PAGE);
        yield* page.entries;
        cursor = page.nextCursor;
      } while (cursor);
    },
  };
}

export type MessageSearch = ReturnType<typeof createMessageSearch>;
