import { expect } from 'vitest';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import type { KyselyStore } from '../kysely-store.ts';

type Claimer = Pick<KyselyStore, 'createApp' | 'createVerification' | 'claimDueJobs'>;

/**
 * Two stores on one database, as two processes hold it: `jobs` jobs queued through the
 * first, then `claims` claims of five at once, alternating between the two. Every job is
 * handed out, none twice.
 */
export async function expectEachJobClaimedOnce(
  first: Claimer,
  second: Claimer,
  { jobs, claims }: { jobs: number; claims: number },
): Promise<void> {
  const now = Date.parse('2026-01-01T00:00:00Z');
  await first.createApp({ id: 'app_1', name: 'Acme', createdAt: now });
  const ids: string[] = [];
  for (let i = 0; i < jobs; i++) {
    const v = verificationRecord({
      id: `ver_${i}`,
      appId: 'app_1',
      to: `+90555123${String(4000 + i)}`,
      createdAt: now,
    });
    const j = outboxJob(v, { id: `job_${i}` });
    ids.push(j.id);
    await first.createVerification(v, j);
  }
  const batches = await Promise.all(
    Array.from({ length: claims }, (_, i) =>
      (i % 2 === 0 ? first : second).claimDueJobs(now, 30_000, 5),
    ),
  );
  const claimed = batches.flat().map((j) => j.id);
  expect(new Set(claimed).size).toBe(claimed.length);
  expect(claimed.sort()).toEqual(ids.sort());
}
