import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/kernel/ids.ts';
import { createSqliteMessageLog } from '../../src/message-log/adapters/sqlite-message-log.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { seedFile, TIME_DIGITS } from '../seed.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function migratedFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'otpd-bench-seed-'));
  dirs.push(dir);
  const store = createSqliteStore(join(dir, 'otpd.db'));
  await store.migrate();
  const appId = 'app_seeded';
  await store.createApp({ id: appId, name: 'Seeded', createdAt: Date.now() });
  await store.close();
  const log = createSqliteMessageLog(join(dir, 'messages.db'));
  await log.migrate();
  await log.close();
  return { store: join(dir, 'otpd.db'), messageLog: join(dir, 'messages.db'), appId };
}

const indexesOf = (db: Database.Database, table: string) =>
  db
    .prepare(`select name from sqlite_master where type = 'index' and tbl_name = ? order by name`)
    .all(table);

describe('bench seeding', () => {
  it('writes the time part of ids as newId() does', () => {
    const db = new Database(':memory:');
    for (const t of [0, 1, 31, 32, 1_796_559_751_428, 2 ** 48 - 1]) {
      const { digits } = db
        .prepare(`select ${TIME_DIGITS} as digits from (select ? as t)`)
        .get(t) as {
        digits: string;
      };
      expect(digits).toBe(newId('ver', t).slice(4, 14));
    }
    db.close();
  });

  it('fills the store and the message log with finished verifications, indexes kept', async () => {
    const files = await migratedFiles();
    const store = new Database(files.store);
    const before = indexesOf(store, 'verifications');
    seedFile('store', files.store, files.appId, 1_000);
    seedFile('message-log', files.messageLog, files.appId, 1_000);
    const count = (db: Database.Database, sql: string) =>
      (db.prepare(sql).get() as { n: number }).n;
    expect(count(store, 'select count(*) as n from verifications')).toBe(1_000);
    expect(count(store, "select count(*) as n from verifications where status = 'pending'")).toBe(
      0,
    );
    expect(count(store, "select count(*) as n from verifications where status = 'approved'")).toBe(
      600,
    );
    expect(
      count(store, 'select count(distinct destination) as n from verifications'),
    ).toBeGreaterThan(900);
    expect(
      count(
        store,
        'select count(*) as n from outbox_jobs j join verifications v on v.id = j.verification_id',
      ),
    ).toBe(1_000);
    expect(count(store, "select count(*) as n from outbox_jobs where status = 'pending'")).toBe(0);
    const days = count(
      store,
      'select (max(created_at) - min(created_at)) / 86400000 as n from verifications',
    );
    expect(days).toBe(29);
    // ids sort by creation time, as otpd's own do
    const ids = store.prepare('select id from verifications order by created_at').pluck().all();
    expect(ids).toEqual([...ids].sort());
    expect(indexesOf(store, 'verifications')).toEqual(before);
    const log = new Database(files.messageLog);
    expect(count(log, 'select count(*) as n from message_log')).toBe(1_000);
    expect(indexesOf(log, 'message_log').length).toBeGreaterThan(10);
    log.close();
    store.close();
  });
});
