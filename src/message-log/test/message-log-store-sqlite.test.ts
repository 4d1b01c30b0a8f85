import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createMessageIdSource } from '../adapters/message-ids.ts';
import { createSqliteMessageLog } from '../adapters/sqlite-message-log.ts';
import type { MessageLog } from '../message-log-ports.ts';
import { createMessageSearch, EXPORT_PAGE } from '../message-search.ts';
import { describeMessageLogBatchContract } from './message-log-batch-contract.ts';
import { describeMessageLogContract } from './message-log-contract.ts';

describeMessageLogContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-message-log-'));
  const log = createSqliteMessageLog(join(dir, 'messages.db'));
  await log.migrate();
  return {
    log,
    async cleanup() {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeMessageLogBatchContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-message-log-'));
  const file = join(dir, 'messages.db');
  const log = createSqliteMessageLog(file);
  await log.migrate();
  return {
    log,
    reopen: async () => createSqliteMessageLog(file),
    async cleanup() {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/**
 * Every search filter reads an index of its own: the plan SQLite picks for the log's page
 * query (app, filter, newest first) never scans the table.
 */
describe('SQLite message log: an index for every filter', () => {
  it('plans each filtered page over an index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otpd-message-log-'));
    const file = join(dir, 'messages.db');
    const log = createSqliteMessageLog(file);
    await log.migrate();
    const db = new Database(file);
    try {
      const indexes: Record<string, string> = {
        destination: 'message_log_by_destination',
        tx_code: 'message_log_by_tx_code',
        device_id: 'message_log_by_device',
        message_id: 'message_log_by_message_id',
        verification_id: 'message_log_by_verification',
        status: 'message_log_by_status',
        channel: 'message_log_by_channel',
        provider: 'message_log_by_provider',
        country: 'message_log_by_country',
      };
      for (const [column, index] of Object.entries(indexes)) {
        const plan = db
          .prepare(
            `explain query plan select * from message_log where app_id in (?) and ${column} = ? ` +
              'order by created_at desc, id desc limit 51',
          )
          .all('app_a', 'x') as { detail: string }[];
        const text = plan.map((p) => p.detail).join(' | ');
        expect(text, column).toContain(`INDEX ${index} `);
        expect(text, column).not.toMatch(/SCAN message_log(?! USING)/);
      }
    } finally {
      db.close();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('message search: exports read the log a page at a time', () => {
  it('reads 500 entries per query, and stops reading when the consumer stops', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otpd-message-log-'));
    const log = createSqliteMessageLog(join(dir, 'messages.db'));
    await log.migrate();
    try {
      const nextId = createMessageIdSource();
      const t0 = Date.parse('2026-01-01T00:00:00Z');
      for (let i = 0; i < 1_201; i++) {
        await log.recordAttempt({
          id: nextId(t0 + i),
          appId: 'app_a',
          verificationId: `ver_${i}`,
          channel: 'sms',
          to: '+905551234567',
          country: 'TR',
          provider: 'gw-a',
          providerMessageId: null,
          status: 'sent',
          latencyMs: 1,
          errorCode: null,
          txCode: null,
          deviceId: null,
          messageId: null,
          createdAt: t0 + i,
        });
      }
      const limits: number[] = [];
      const counted: MessageLog = {
        ...log,
        list: (appIds, filters, cursor, limit) => {
          limits.push(limit);
          return log.list(appIds, filters, cursor, limit);
        },
      };
      const search = createMessageSearch(counted);
      let n = 0;
      for await (const _ of search.exportEntries(['app_a'], {})) n++;
      expect(n).toBe(1_201);
      expect(limits).toEqual([EXPORT_PAGE, EXPORT_PAGE, EXPORT_PAGE]);

      limits.length = 0;
      for await (const _ of search.exportEntries(['app_a'], {})) break;
      expect(limits).toEqual([EXPORT_PAGE]);
    } finally {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
