import { describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { usePageWritesBed } from './page-writes.ts';

/** What a check writes, counted in pages on SQLite (see page-writes.ts). */
describe('page writes of a check (SQLite)', () => {
  const bed = usePageWritesBed();

  async function started(id: string) {
    const v = verificationRecord({ id, maxAttempts: 2 });
    await bed.store.createVerification(v, outboxJob(v), undefined);
    return v;
  }

  it("rewrites only the verification's row for a wrong code that leaves it pending", async () => {
    const { store, pagesWritten } = bed;
    const v = await started('ver_pages_1');
    const check = { appId: v.appId, id: v.id, expectedSends: v.sends, valid: false, now: T0 + 1 };
    expect(await pagesWritten(() => store.recordCheck(check))).toBe(1);
    // The last attempt ends it: its entry leaves the index of pending verifications too.
    const last = await pagesWritten(() => store.recordCheck({ ...check, now: T0 + 2 }));
    expect(last).toBeGreaterThan(1);
    expect((await store.getVerification(v.appId, v.id))?.status).toBe('max_attempts_reached');
  });
});
