import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import type { Database as Tables } from '../schema.ts';
import { statementRecorder } from './hot-path.ts';

/**
 * SQLite's create reads whether the destination has a pending verification before it runs
 * the superseding update: an UPDATE … RETURNING costs several times that read even when it
 * changes no row (docs/performance.md), and most creates supersede nothing.
 */
describe('superseding on SQLite', () => {
  const recorder = statementRecorder();
  let store: KyselyStore;

  beforeAll(async () => {
    const database = new Database(':memory:');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }), log: recorder.log });
    store = createKyselyStore(db, 'sqlite');
    await store.migrate();
    await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
  });
  afterAll(() => store.close());

  const updatesOfVerifications = (step: string) =>
    recorder.recorded.filter((r) => r.step === step && /^update "verifications"/.test(r.query.sql))
      .length;

  it('updates no verification when the destination has none pending', async () => {
    const first = verificationRecord({ id: 'ver_1', to: '+905551234567' });
    const superseded = await recorder.step('first', () =>
      store.createVerification(first, outboxJob(first)),
    );
    expect(superseded).toEqual([]);
    expect(updatesOfVerifications('first')).toBe(0);
  });

  it('supersedes the pending one when there is one', async () => {
    const second = verificationRecord({ id: 'ver_2', to: '+905551234567', createdAt: T0 + 1 });
    const superseded = await recorder.step('second', () =>
      store.createVerification(second, outboxJob(second)),
    );
    expect(superseded).toEqual(['ver_1']);
    expect(updatesOfVerifications('second')).toBe(1);
    expect((await store.getVerification('app_1', 'ver_1'))?.status).toBe('canceled');
  });
});
