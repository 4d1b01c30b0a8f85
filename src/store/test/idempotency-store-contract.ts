import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { IdempotencyStore } from '../../ports/idempotency-store.ts';
import type { AppRecord } from '../../ports/store.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `IdempotencyStore` (src/ports/idempotency-store.ts): a
 * key is claimed by exactly one request, replays its completed answer, and is kept per app
 * (I5). Each test gets a fresh, migrated store from `open`.
 */
export function describeIdempotencyStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    withStoreFixture(open, (f) => ({ store, clock, app, other } = f));

    describe('idempotency keys', () => {
      const claim = (key: string, fingerprint: string, now = clock.now(), appId = app.id) =>
        store.claimIdempotencyKey(appId, key, fingerprint, now, now + 60_000);

      it('claims once; then in_progress, mismatch, and after completion replay', async () => {
        expect(await claim('k1', 'fp-a')).toEqual({ state: 'claimed' });
        expect(await claim('k1', 'fp-a')).toEqual({ state: 'in_progress' });
        expect(await claim('k1', 'fp-b')).toEqual({ state: 'mismatch' });
        await store.completeIdempotencyKey(app.id, 'k1', 201, '{"id":"ver_1"}');
        expect(await claim('k1', 'fp-a')).toEqual({
          state: 'replay',
          statusCode: 201,
          body: '{"id":"ver_1"}',
        });
        expect(await claim('k1', 'fp-b')).toEqual({ state: 'mismatch' });
      });

      it('gives exactly one of many concurrent callers the claim', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => claim('k1', 'fp-a')));
        expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r.state === 'in_progress')).toHaveLength(19);
      });

      it('lets a released key be claimed again, but never releases a completed one', async () => {
        await claim('k1', 'fp-a');
        await store.releaseIdempotencyKey(app.id, 'k1');
        expect(await claim('k1', 'fp-b')).toEqual({ state: 'claimed' });
        await store.completeIdempotencyKey(app.id, 'k1', 200, 'done');
        await store.releaseIdempotencyKey(app.id, 'k1');
        expect(await claim('k1', 'fp-b')).toEqual({
          state: 'replay',
          statusCode: 200,
          body: 'done',
        });
      });

      it('lets a new request take over an expired key, and only then', async () => {
        await claim('k1', 'fp-a');
        await store.completeIdempotencyKey(app.id, 'k1', 201, 'first');
        const expiresAt = clock.now() + 60_000;
        expect(await claim('k1', 'fp-b', expiresAt - 1)).toEqual({ state: 'mismatch' });
        expect(await claim('k1', 'fp-b', expiresAt)).toEqual({ state: 'claimed' });
        expect(await claim('k1', 'fp-b', expiresAt + 1)).toEqual({ state: 'in_progress' });
        expect(await claim('k1', 'fp-a', expiresAt + 1)).toEqual({ state: 'mismatch' });
      });

      it('takes over an expired unfinished key too', async () => {
        await claim('k1', 'fp-a');
        expect(await claim('k1', 'fp-a', clock.now() + 60_000)).toEqual({ state: 'claimed' });
      });

      it('keeps keys per app (I5)', async () => {
        await claim('k1', 'fp-a');
        await store.completeIdempotencyKey(app.id, 'k1', 201, 'mine');
        expect(await claim('k1', 'fp-b', clock.now(), other.id)).toEqual({ state: 'claimed' });
        await store.completeIdempotencyKey(other.id, 'k1', 202, 'theirs');
        await store.releaseIdempotencyKey(other.id, 'k1');
        expect(await claim('k1', 'fp-a')).toEqual({
          state: 'replay',
          statusCode: 201,
          body: 'mine',
        });
        expect(await claim('k1', 'fp-b', clock.now(), other.id)).toEqual({
          state: 'replay',
          statusCode: 202,
          body: 'theirs',
        });
      });
    });
  });
}
