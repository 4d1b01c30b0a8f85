import { beforeEach, describe, expect, it } from 'vitest';
import { fraudDecision } from '../../../test/helpers/records.ts';
import type { FraudDecision } from '../../abuse/domain/fraud.ts';
import type { AppRecord, Store } from '../../ports/store.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const HOUR_MS = 3_600_000;

/**
 * The Store's guarantees for the SMS-pumping guard's decisions (src/ports/store.ts), on every
 * adapter. `open` gives a fresh, migrated store; `cleanup` is called after each test.
 */
export function describeFraudStoreContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
): void {
  describe(`Store contract, fraud decisions: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const app: AppRecord = { id: 'app_fraud_1', name: 'Acme', createdAt: T0 };
    const other: AppRecord = { id: 'app_fraud_2', name: 'Other', createdAt: T0 };

    beforeEach(async () => {
      ({ store, cleanup } = await open());
      await store.createApp(app);
      await store.createApp(other);
      return () => cleanup();
    });

    const decision = (overrides: Partial<FraudDecision> = {}): FraudDecision =>
      fraudDecision({ appId: app.id, ...overrides });

    it('records a decision as given; it is live until it expires, then listed only with all', async () => {
      const d = decision();
      expect(await store.recordFraudDecision(d)).toBe(true);
      expect(await store.findLiveFraudDecisions(app.id, d.prefix, T0)).toEqual([d]);
      expect(
        await store.listFraudDecisions([app.id], { now: T0, includeEnded: false, limit: 10 }),
      ).toEqual([d]);
      const after = d.expiresAt;
      expect(await store.findLiveFraudDecisions(app.id, d.prefix, after - 1)).toHaveLength(1);
      expect(await store.findLiveFraudDecisions(app.id, d.prefix, after)).toEqual([]);
      expect(
        await store.listFraudDecisions([app.id], { now: after, includeEnded: false, limit: 10 }),
      ).toEqual([]);
      expect(
        await store.listFraudDecisions([app.id], { now: after, includeEnded: true, limit: 10 }),
      ).toEqual([d]);
    });

    it('keeps one live decision per app, prefix and action; a new one once it ended', async () => {
      expect(await store.recordFraudDecision(decision())).toBe(true);
      expect(await store.recordFraudDecision(decision({ createdAt: T0 + 1 }))).toBe(false);
      expect(await store.recordFraudDecision(decision({ action: 'monitor' }))).toBe(true);
      expect(await store.recordFraudDecision(decision({ prefix: '+90555125' }))).toBe(true);
      expect(await store.recordFraudDecision(decision({ appId: other.id }))).toBe(true);
      expect(await store.recordFraudDecision(decision({ createdAt: T0 + 12 * HOUR_MS }))).toBe(
        true,
      );
      const all = await store.listFraudDecisions([app.id], {
        now: T0,
        includeEnded: true,
        limit: 10,
      });
      expect(all).toHaveLength(4);
      // Newest first.
      expect(all[0]?.createdAt).toBe(T0 + 12 * HOUR_MS);
    });

    it('records exactly one of 20 concurrent identical decisions', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.recordFraudDecision(decision())),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.findLiveFraudDecisions(app.id, '+90555124', T0)).toHaveLength(1);
    });

    it("lifts once, answers a lifted one unchanged, and never another app's (I5)", async () => {
      const d = decision();
      await store.recordFraudDecision(d);
      expect(await store.liftFraudDecision([other.id], d.id, T0 + 5)).toBeUndefined();
      expect(await store.liftFraudDecision([], d.id, T0 + 5)).toBeUndefined();
      expect(await store.liftFraudDecision([app.id], 'frd_missing', T0 + 5)).toBeUndefined();
      expect(await store.findLiveFraudDecisions(app.id, d.prefix, T0 + 5)).toHaveLength(1);
      const first = await store.liftFraudDecision([other.id, app.id], d.id, T0 + 10);
      expect(first).toEqual({ decision: { ...d, liftedAt: T0 + 10 }, lifted: true });
      expect(await store.liftFraudDecision([app.id], d.id, T0 + 20)).toEqual({
        decision: first?.decision,
        lifted: false,
      });
      expect(await store.findLiveFraudDecisions(app.id, d.prefix, T0 + 20)).toEqual([]);
      // Once lifted, the prefix may be decided on again.
      expect(await store.recordFraudDecision(decision({ createdAt: T0 + 30 }))).toBe(true);
    });

    it('lists the decisions of several apps together, newest first; of no app, none', async () => {
      await store.recordFraudDecision(decision({ createdAt: T0 }));
      await store.recordFraudDecision(decision({ appId: other.id, createdAt: T0 + 1 }));
      const both = await store.listFraudDecisions([app.id, other.id], {
        now: T0 + 2,
        includeEnded: false,
        limit: 10,
      });
      expect(both.map((d) => d.appId)).toEqual([other.id, app.id]);
      expect(
        await store.listFraudDecisions([], { now: T0 + 2, includeEnded: true, limit: 10 }),
      ).toEqual([]);
    });

    it("shows an app none of another app's decisions (I5)", async () => {
      await store.recordFraudDecision(decision());
      expect(await store.findLiveFraudDecisions(other.id, '+90555124', T0)).toEqual([]);
      expect(
        await store.listFraudDecisions([other.id], { now: T0, includeEnded: true, limit: 10 }),
      ).toEqual([]);
    });

    it('lists at most `limit`', async () => {
      for (let i = 0; i < 5; i++) {
        await store.recordFraudDecision(decision({ prefix: `+9055512${i}`, createdAt: T0 + i }));
      }
      const page = await store.listFraudDecisions([app.id], {
        now: T0,
        includeEnded: false,
        limit: 3,
      });
      expect(page.map((d) => d.prefix)).toEqual(['+90555124', '+90555123', '+90555122']);
    });
  });
}
