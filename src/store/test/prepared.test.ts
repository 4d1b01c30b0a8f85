import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteKysely } from '../../database/sqlite-open.ts';
import { migrateToLatest } from '../migrations/index.ts';
import { prepare, prepareInsert } from '../prepared.ts';
import type { Database } from '../schema.ts';

describe('queries compiled once', () => {
  let dir: string;
  let db: Kysely<Database>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otpd-prepared-'));
    db = openSqliteKysely<Database>(join(dir, 'otpd.db'));
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  });

  afterEach(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const app = (id: string, name: string) => ({
    id,
    name,
    created_at: 1,
    settings: null,
    settings_updated_at: null,
    twilio_account_sid: null,
    twilio_service_sid: null,
    beem_app_id: null,
  });

  it('binds each call its own values, never in the SQL text', async () => {
    const insertApp = prepareInsert(db, 'apps');
    await insertApp(db, app('app_a', 'A'));
    await insertApp(db, app('app_b', 'B'));
    const byId = prepare((p: { id: string }) =>
      db.selectFrom('apps').select(['id', 'name']).where('id', '=', p.id),
    );
    expect((await byId(db, { id: 'app_a' })).rows).toEqual([{ id: 'app_a', name: 'A' }]);
    expect((await byId(db, { id: 'app_b' })).rows).toEqual([{ id: 'app_b', name: 'B' }]);
    expect((await byId(db, { id: "x' or '1'='1" })).rows).toEqual([]);
  });

  it('runs inside the caller’s transaction', async () => {
    const insertApp = prepareInsert(db, 'apps');
    await db
      .transaction()
      .execute(async (trx) => {
        await insertApp(trx, app('app_c', 'C'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await db.selectFrom('apps').select('id').execute()).toEqual([]);
  });

  it('leaves a column the row does not give to its default', async () => {
    const insertApp = prepareInsert(db, 'apps');
    await insertApp(db, app('app_d', 'D'));
    await insertApp(db, { ...app('app_e', 'E'), settings_revision: 7 });
    const rows = await db
      .selectFrom('apps')
      .select(['id', 'settings_revision'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'app_d', settings_revision: 0 },
      { id: 'app_e', settings_revision: 7 },
    ]);
  });
});
