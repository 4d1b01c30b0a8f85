import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newHandedOffJob } from '../../src/delivery/outbox-job.ts';
import { type AppDialectIds, newDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import { newId } from '../../src/kernel/ids.ts';
import type { AppRecord, OutboxJob, SandboxMessage, Store } from '../../src/ports/store.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import type { VerificationRecord } from '../../src/verification/domain/verification.ts';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { outboxJob, verificationRecord } from '../helpers/records.ts';

/**
 * A store under test. `readJob` reads one outbox row as stored, whatever its status: the
 * port never hands back a finished job, yet its guarantees include erasing the ciphertext,
 * so each adapter supplies this one read-only probe (a single SELECT by id).
 */
export interface StoreUnderTest {
  store: KyselyStore;
  readJob: (id: string) => Promise<OutboxJob | undefined>;
  cleanup: () => Promise<void>;
}

const LEASE_MS = 30_000;

/**
 * The guarantees every `Store` adapter gives (src/ports/store.ts), written against the port
 * only. Each test gets a fresh, migrated store from `open`.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
      clock = createFakeClock();
      app = {
        id: newId('app', clock.now()),
        name: 'Acme',
        createdAt: clock.now(),
        dialects: newDialectIds(),
      };
      other = {
        id: newId('app', clock.now()),
        name: 'Other',
        createdAt: clock.now() + 1,
        dialects: newDialectIds(),
      };
      await store.createApp(app);
      await store.createApp(other);
    });
    afterEach(() => subject.cleanup());

    let destinations = 0;
    function verification(overrides: Partial<VerificationRecord> = {}): VerificationRecord {
      const now = overrides.createdAt ?? clock.now();
      return verificationRecord({
        id: newId('ver', now),
        appId: app.id,
        to: `+90555123${String(4000 + destinations++).padStart(4, '0')}`,
        locale: 'tr',
        codeHash: 'hash-1',
        codeKeyId: 'key-1',
        txCode: 'TX-1',
        deviceId: 'device-1',
        messageId: 'message-1',
        metadata: { order: 42, tags: ['a', 'b'] },
        content: 'Code {{code}}',
        createdAt: now,
        ...overrides,
      });
    }

    function job(v: VerificationRecord, overrides: Partial<OutboxJob> = {}): OutboxJob {
      const now = overrides.createdAt ?? clock.now();
      return outboxJob(v, { id: newId('job', now), createdAt: now, ...overrides });
    }

    /** A pending verification with its first job, committed. */
    async function started(overrides: Partial<VerificationRecord> = {}) {
      const v = verification(overrides);
      const j = job(v);
      await store.createVerification(v, j);
      return { v, j };
    }

    /** Ids of every job due now, leasing them (so a second call sees none of them). */
    async function claimIds(now = clock.now()): Promise<string[]> {
      return (await store.claimDueJobs(now, LEASE_MS, 1_000)).map((j) => j.id).sort();
    }

    describe('lifecycle', () => {
      it('migrates again without harm and answers ping', async () => {
        await store.migrate();
        await Promise.all([store.migrate(), store.migrate()]);
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.getApp(app.id)).toEqual(app);
      });
    });

    describe('apps and API keys', () => {
      it('stores and lists apps', async () => {
        expect(await store.getApp(app.id)).toEqual(app);
        expect(await store.getApp('app_missing')).toBeUndefined();
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('assigns fresh dialect identities to an app created without them', async () => {
        const bare = { id: newId('app', clock.now()), name: 'Bare', createdAt: clock.now() + 2 };
        await store.createApp(bare);
        const stored = await store.getApp(bare.id);
        expect(stored?.dialects?.twilioAccountSid).toMatch(/^AC[0-9a-f]{32}$/);
        expect(stored?.dialects?.twilioServiceSid).toMatch(/^VA[0-9a-f]{32}$/);
        expect(stored?.dialects?.beemAppId).toBeGreaterThanOrEqual(100_000_000);
        expect(stored?.dialects?.twilioAccountSid).not.toBe(app.dialects?.twilioAccountSid);
      });

      it('refuses a second app with a dialect identity already taken', async () => {
        const clash = (dialects: Partial<AppDialectIds>) =>
          store.createApp({
            id: newId('app', clock.now()),
            name: 'Clash',
            createdAt: clock.now(),
            dialects: { ...newDialectIds(), ...dialects },
          });
        await expect(clash({ twilioAccountSid: app.dialects?.twilioAccountSid })).rejects.toThrow();
        await expect(clash({ twilioServiceSid: app.dialects?.twilioServiceSid })).rejects.toThrow();
        await expect(clash({ beemAppId: app.dialects?.beemAppId })).rejects.toThrow();
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('lists only the keys of the asked app (I5)', async () => {
        const key = apiKey(app.id, 'hash-a');
        await store.createApiKey(key);
        await store.createApiKey(apiKey(other.id, 'hash-b'));
        expect(await store.listApiKeys(app.id)).toEqual([key]);
        expect(await store.listApiKeys('app_missing')).toEqual([]);
      });

      it('keeps the scopes a key was made with, and a key with none has none', async () => {
        const none = { ...apiKey(app.id, 'hash-none'), scopes: [] };
        await store.createApiKey(none);
        expect((await store.findActiveApiKey('hash-none'))?.key.scopes).toEqual([]);
        await store.createApiKey(apiKey(app.id, 'hash-two'));
        expect((await store.findActiveApiKey('hash-two'))?.key.scopes).toEqual([
          'messages:read',
          'analytics:read',
        ]);
      });

      it('finds an unrevoked key by its hash, with its app', async () => {
        const key = apiKey(app.id, 'hash-a');
        await store.createApiKey(key);
        expect(await store.findActiveApiKey('hash-a')).toEqual({ key, app });
        expect(await store.findActiveApiKey('hash-unknown')).toBeUndefined();
      });

      it('revokes a key once; a revoked key is no longer found', async () => {
        const key = apiKey(app.id, 'hash-a');
        const kept = apiKey(app.id, 'hash-kept');
        await store.createApiKey(key);
        await store.createApiKey(kept);
        expect(await store.revokeApiKey(key.id, clock.now() + 5)).toMatchObject({
          id: key.id,
          appId: key.appId,
          revokedAt: clock.now() + 5,
        });
        expect(await store.revokeApiKey(key.id, clock.now() + 9)).toBeUndefined();
        expect(await store.revokeApiKey('key_missing', clock.now())).toBeUndefined();
        expect(await store.findActiveApiKey('hash-a')).toBeUndefined();
        expect(await store.findActiveApiKey('hash-kept')).toEqual({ key: kept, app });
        const listed = await store.listApiKeys(app.id);
        expect(listed.find((k) => k.id === key.id)?.revokedAt).toBe(clock.now() + 5);
        expect(listed.find((k) => k.id === kept.id)?.revokedAt).toBeNull();
      });

      it("renames an app, answering the name it had; another app's name stays", async () => {
        const renamed = await store.renameApp(app.id, 'Acme Bank');
        expect(renamed).toEqual({ before: 'Acme', app: { ...app, name: 'Acme Bank' } });
        expect(await store.getApp(app.id)).toEqual({ ...app, name: 'Acme Bank' });
        expect((await store.renameApp(app.id, 'Acme Pay'))?.before).toBe('Acme Bank');
        expect(await store.getApp(other.id)).toEqual(other);
        expect(await store.renameApp('app_missing', 'Ghost')).toBeUndefined();
        expect(await store.listApps()).toHaveLength(2);
      });

      it('renames one app many times at once, each rename answering the name it replaced', async () => {
        const names = Array.from({ length: 8 }, (_, i) => `Name ${i}`);
        const answers = await Promise.all(names.map((name) => store.renameApp(app.id, name)));
        // One chain from the first name to the last: no two renames replaced the same name.
        const befores = answers.map((a) => a?.before);
        const last = (await store.getApp(app.id))?.name;
        expect([...befores, last].sort()).toEqual(['Acme', ...names].sort());
      });

      it("revokes an app's key once, answers it revoked after, and never another app's key", async () => {
        const key = apiKey(app.id, 'hash-a');
        const foreign = apiKey(other.id, 'hash-b');
        await store.createApiKey(key);
        await store.createApiKey(foreign);
        const at = clock.now() + 5;
        expect(await store.revokeAppApiKey(app.id, key.id, at)).toEqual({
          key: { ...key, revokedAt: at },
          revokedNow: true,
        });
        expect(await store.revokeAppApiKey(app.id, key.id, at + 10)).toEqual({
          key: { ...key, revokedAt: at },
          revokedNow: false,
        });
        expect(await store.findActiveApiKey('hash-a')).toBeUndefined();
        expect(await store.revokeAppApiKey(app.id, foreign.id, at)).toBeUndefined();
        expect(await store.revokeAppApiKey(app.id, 'key_missing', at)).toBeUndefined();
        expect(await store.findActiveApiKey('hash-b')).toEqual({ key: foreign, app: other });
      });

      let keys = 0;
      function apiKey(appId: string, keyHash: string) {
        const createdAt = clock.now() + keys++;
        return {
          id: newId('key', createdAt),
          appId,
          keyHash,
          prefix: 'otpd_abc',
          scopes: ['messages:read' as const, 'analytics:read' as const],
          createdAt,
          revokedAt: null,
        };
      }
    });

    describe('app settings', () => {
      it('starts with no settings at revision 0, and knows no settings of a missing app', async () => {
        expect(await store.getAppSettings(app.id)).toEqual({
          json: null,
          revision: 0,
          updatedAt: null,
        });
        expect(await store.getAppSettings('app_missing')).toBeUndefined();
      });

      it("replaces one app's settings whole, counting revisions; the other app keeps its own (I5)", async () => {
        expect(await store.replaceAppSettings(other.id, '{"other":true}', clock.now())).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"a":1}', clock.now() + 1)).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"b":2}', clock.now() + 2)).toBe(2);
        expect(await store.getAppSettings(app.id)).toEqual({
          json: '{"b":2}',
          revision: 2,
          updatedAt: clock.now() + 2,
        });
        expect(await store.getAppSettings(other.id)).toEqual({
          json: '{"other":true}',
          revision: 1,
          updatedAt: clock.now(),
        });
        // Settings change nothing about the app record.
        expect(await store.getApp(app.id)).toEqual(app);
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('writes nothing for a missing app', async () => {
        expect(await store.replaceAppSettings('app_missing', '{}', clock.now())).toBeUndefined();
        expect(await store.getAppSettings('app_missing')).toBeUndefined();
      });

      it('replaces only on the expected revision: of two racing writers exactly one wins', async () => {
        expect(await store.replaceAppSettings(app.id, '{"v":0}', clock.now(), 0)).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"stale":true}', clock.now(), 0)).toBe(
          undefined,
        );
        const results = await Promise.all(
          ['{"x":1}', '{"y":2}', '{"z":3}'].map((json) =>
            store.replaceAppSettings(app.id, json, clock.now() + 5, 1),
          ),
        );
        expect(results.filter((r) => r === 2)).toHaveLength(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(2);
        const stored = await store.getAppSettings(app.id);
        expect(stored?.revision).toBe(2);
        expect(['{"x":1}', '{"y":2}', '{"z":3}']).toContain(stored?.json);
      });
    });

    describe('createVerification and reads', () => {
      it('stores a verification as given and queues its job', async () => {
        const v = verification();
        const j = job(v);
        expect(await store.createVerification(v, j)).toEqual([]);
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed).toEqual([
          { ...j, attempts: 1, leaseUntil: clock.now() + LEASE_MS, updatedAt: clock.now() },
        ]);
      });

      it('keeps null metadata and optional fields as null', async () => {
        const v = verification({ metadata: null, locale: null, txCode: null, content: null });
        await store.createVerification(v, job(v));
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it("keeps a test number's mark, and its job without a code", async () => {
        const v = verification({ test: true });
        await store.createVerification(v, job(v, { codeCiphertext: null }));
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect((await store.claimDueJobs(clock.now(), LEASE_MS, 10))[0]?.codeCiphertext).toBeNull();
      });

      it("keeps a chat message's ciphertext with the job and erases it with the code", async () => {
        const v = verification();
        await store.createVerification(v, job(v, { messageCiphertext: 'sealed-message' }));
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed?.messageCiphertext).toBe('sealed-message');
        if (!claimed) throw new Error('no job claimed');
        await store.completeJob(claimed, { provider: 'gw-a', now: clock.now() });
        expect(await subject.readJob(claimed.id)).toMatchObject({
          codeCiphertext: null,
          messageCiphertext: null,
        });
      });

      it('shows another app nothing (I5)', async () => {
        const { v } = await started();
        expect(await store.getVerification(other.id, v.id)).toBeUndefined();
        expect(await store.findLatestVerification(other.id, v.to)).toBeUndefined();
      });

      it('finds the newest verification of a destination whatever its status', async () => {
        await started({ to: '+905551234567' });
        clock.advance(1_000);
        const { v: second } = await started({ to: '+905551234567' });
        await store.finishVerification(
          app.id,
          second.id,
          'canceled',
          'canceled_by_app',
          clock.now(),
        );
        const latest = await store.findLatestVerification(app.id, '+905551234567');
        expect(latest?.id).toBe(second.id);
        expect(latest?.status).toBe('canceled');
        expect(await store.findLatestVerification(app.id, '+905559999999')).toBeUndefined();
      });

      it("finds the newest verification of an app's message id, and no other app's", async () => {
        const { v: first } = await started({ to: '+905551234567', messageId: 'msg-1' });
        clock.advance(1_000);
        const { v: second } = await started({
          to: '+905551234568',
          messageId: 'msg-1',
          createdAt: clock.now(),
        });
        expect((await store.findVerificationByMessageId(app.id, 'msg-1'))?.id).toBe(second.id);
        expect(first.id).not.toBe(second.id);
        expect(await store.findVerificationByMessageId(app.id, 'msg-2')).toBeUndefined();
        expect(await store.findVerificationByMessageId(other.id, 'msg-1')).toBeUndefined();
        // Narrowed to a destination: its own newest, not another destination's.
        expect(
          (await store.findVerificationByMessageId(app.id, 'msg-1', '+905551234567'))?.id,
        ).toBe(first.id);
        expect(
          await store.findVerificationByMessageId(app.id, 'msg-1', '+905559999999'),
        ).toBeUndefined();
      });

      it('supersedes only unexpired pending verifications of the same app and destination', async () => {
        const to = '+905551234567';
        const { j: staleJob, v: stale } = await started({ to, createdAt: clock.now() - 700_000 });
        const { j: approvedJob, v: approved } = await started({ to, createdAt: clock.now() - 9 });
        await store.recordCheck({
          appId: app.id,
          id: approved.id,
          expectedSends: 1,
          valid: true,
          now: clock.now() - 8,
        });
        const { v: live, j: liveJob } = await started({ to, createdAt: clock.now() - 5 });
        const { v: elsewhere, j: elsewhereJob } = await started({ to: '+905559876543' });
        const { v: otherApp, j: otherAppJob } = await started({ to, appId: other.id });

        clock.advance(1_000);
        const next = verification({ to });
        const nextJob = job(next);
        expect(await store.createVerification(next, nextJob)).toEqual([live.id]);

        expect(await store.getVerification(app.id, live.id)).toMatchObject({
          status: 'canceled',
          reason: 'superseded',
          updatedAt: clock.now(),
        });
        expect((await store.getVerification(app.id, stale.id))?.status).toBe('pending');
        expect((await store.getVerification(app.id, approved.id))?.status).toBe('approved');
        expect((await store.getVerification(app.id, elsewhere.id))?.status).toBe('pending');
        expect((await store.getVerification(other.id, otherApp.id))?.status).toBe('pending');
        expect((await store.getVerification(app.id, next.id))?.status).toBe('pending');
        // The superseded verification's job is canceled with its ciphertext; the others stay queued.
        expect(await subject.readJob(liveJob.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual(
          [staleJob.id, approvedJob.id, elsewhereJob.id, otherAppJob.id, nextJob.id].sort(),
        );
      });

      it('supersedes every pending verification of the destination, and leaves a job in flight canceled', async () => {
        const to = '+905551234567';
        const { v: a, j: aJob } = await started({ to });
        // `a` is leased by a dispatcher: it is still a pending (queued) job and must be canceled.
        expect(await claimIds()).toEqual([aJob.id]);
        clock.advance(1);
        const b = verification({ to });
        expect(await store.createVerification(b, job(b))).toEqual([a.id]);
        clock.advance(LEASE_MS);
        const due = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(due.map((j) => j.verificationId)).toEqual([b.id]);
      });
    });

    describe('concurrent creates', () => {
      it('leave exactly one pending verification of a destination, the last one in', async () => {
        const to = '+905551234567';
        const created = Array.from({ length: 8 }, () => verification({ to }));
        const superseded = await Promise.all(
          created.map((v) => store.createVerification(v, job(v))),
        );
        const pending: string[] = [];
        for (const v of created) {
          if ((await store.getVerification(app.id, v.id))?.status === 'pending') pending.push(v.id);
        }
        expect(pending).toHaveLength(1);
        // Each create superseded the one before it: every other verification exactly once.
        const ids = superseded.flat().sort();
        expect(ids).toEqual(
          created
            .map((v) => v.id)
            .filter((id) => id !== pending[0])
            .sort(),
        );
      });
    });

    describe('recordCheck', () => {
      const check = (
        v: VerificationRecord,
        valid: boolean,
        extra: { now?: number; expectedSends?: number; appId?: string } = {},
      ) =>
        store.recordCheck({
          appId: extra.appId ?? v.appId,
          id: v.id,
          expectedSends: extra.expectedSends ?? v.sends,
          valid,
          now: extra.now ?? clock.now(),
        });

      it('counts a wrong check and stays pending', async () => {
        const { v } = await started();
        clock.advance(2_000);
        expect(await check(v, false)).toEqual({
          ...v,
          attempts: 1,
          updatedAt: clock.now(),
        });
      });

      it('approves a valid check, once', async () => {
        const { v } = await started();
        await check(v, false);
        clock.advance(2_000);
        expect(await check(v, true)).toEqual({
          ...v,
          status: 'approved',
          reason: 'code_matched',
          attempts: 2,
          approvedAt: clock.now(),
          updatedAt: clock.now(),
        });
        expect(await check(v, true)).toBeUndefined();
        expect(await check(v, false)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(2);
      });

      it('moves to max_attempts_reached on the last wrong check, then refuses', async () => {
        const { v } = await started({ maxAttempts: 3 });
        expect((await check(v, false))?.status).toBe('pending');
        expect((await check(v, false))?.status).toBe('pending');
        expect(await check(v, false)).toMatchObject({
          status: 'max_attempts_reached',
          reason: 'too_many_attempts',
          attempts: 3,
        });
        expect(await check(v, true)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(3);
      });

      it('approves a valid check on the last allowed attempt', async () => {
        const { v } = await started({ maxAttempts: 2 });
        await check(v, false);
        expect(await check(v, true)).toMatchObject({ status: 'approved', attempts: 2 });
      });

      it('refuses from the expiry instant on, writing nothing', async () => {
        const { v } = await started();
        expect(await check(v, true, { now: v.expiresAt })).toBeUndefined();
        expect(await check(v, false, { now: v.expiresAt + 1 })).toBeUndefined();
        expect(await check(v, false, { now: v.expiresAt - 1 })).toMatchObject({ attempts: 1 });
      });

      it('refuses a pending verification whose budget is already spent', async () => {
        const { v } = await started({ attempts: 3, maxAttempts: 3 });
        expect(await check(v, true)).toBeUndefined();
        expect(await check(v, false)).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('refuses a check decided against another send', async () => {
        const { v } = await started();
        expect(await check(v, true, { expectedSends: 2 })).toBeUndefined();
        expect(await check(v, true, { expectedSends: 0 })).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('refuses a finished verification', async () => {
        const { v } = await started();
        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        expect(await check(v, true)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(0);
      });

      it('refuses another app (I5)', async () => {
        const { v } = await started();
        expect(await check(v, true, { appId: other.id })).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('never counts more than maxAttempts under 100 concurrent wrong checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(Array.from({ length: 100 }, () => check(v, false)));
        const counted = results.filter((r) => r !== undefined);
        expect(counted).toHaveLength(5);
        expect(counted.map((r) => r?.attempts).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          attempts: 5,
          status: 'max_attempts_reached',
        });
      });

      it('approves exactly once under 100 concurrent valid checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(Array.from({ length: 100 }, () => check(v, true)));
        const approvals = results.filter((r) => r?.status === 'approved');
        expect(approvals).toHaveLength(1);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(1);
      });

      it('keeps the budget and a single approval under 100 mixed concurrent checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => check(v, i % 3 === 2)),
        );
        const counted = results.filter((r) => r !== undefined);
        expect(counted.length).toBeGreaterThanOrEqual(1);
        expect(counted.length).toBeLessThanOrEqual(5);
        expect(counted.filter((r) => r?.status === 'approved').length).toBeLessThanOrEqual(1);
        const final = await store.getVerification(app.id, v.id);
        expect(final?.attempts).toBe(counted.length);
        expect(final?.attempts).toBeLessThanOrEqual(final?.maxAttempts ?? 0);
      });
    });

    describe('resendVerification', () => {
      async function resend(
        v: VerificationRecord,
        extra: { now?: number; expectedSends?: number; appId?: string } = {},
      ) {
        const now = extra.now ?? clock.now();
        const next = job(v, { createdAt: now });
        const result = await store.resendVerification({
          appId: extra.appId ?? v.appId,
          id: v.id,
          expectedSends: extra.expectedSends ?? v.sends,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          job: next,
          now,
        });
        return { result, next };
      }

      it('replaces the code, counts a send, keeps the attempts, and swaps the queued job', async () => {
        const { v, j } = await started();
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: false,
          now: clock.now(),
        });
        clock.advance(30_000);
        const { result, next } = await resend(v);
        expect(result).toEqual({
          ...v,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          sends: 2,
          attempts: 1,
          lastSentAt: clock.now(),
          updatedAt: clock.now(),
          deliveryStatus: 'queued',
          deliveryProvider: null,
          deliveryUpdatedAt: clock.now(),
        });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual([next.id]);
      });

      it('cancels the old job even while a dispatcher holds it', async () => {
        const { v, j } = await started();
        expect(await claimIds()).toEqual([j.id]);
        clock.advance(30_000);
        const { next } = await resend(v);
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        clock.advance(LEASE_MS);
        expect(await claimIds()).toEqual([next.id]);
      });

      it('waits for the cooldown, to the millisecond', async () => {
        const { v, j } = await started();
        const early = await resend(v, { now: v.lastSentAt + v.resendCooldownMs - 1 });
        expect(early.result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect(await claimIds(v.lastSentAt + v.resendCooldownMs - 1)).toEqual([j.id]);
        const onTime = await resend(v, { now: v.lastSentAt + v.resendCooldownMs });
        expect(onTime.result?.sends).toBe(2);
      });

      it('stops at the send budget', async () => {
        const { v } = await started({ maxSends: 2, resendCooldownMs: 0 });
        expect((await resend(v)).result?.sends).toBe(2);
        const refused = await resend({ ...v, sends: 2 });
        expect(refused.result).toBeUndefined();
        expect(await claimIds()).not.toContain(refused.next.id);
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
      });

      it("refuses a stale expectedSends, an expired, a finished or another app's verification", async () => {
        const { v } = await started({ resendCooldownMs: 0 });
        expect((await resend(v, { expectedSends: 2 })).result).toBeUndefined();
        expect((await resend(v, { now: v.expiresAt })).result).toBeUndefined();
        expect((await resend(v, { appId: other.id })).result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);

        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        const refused = await resend(v);
        expect(refused.result).toBeUndefined();
        expect(await claimIds()).toEqual([]);
        expect(await subject.readJob(refused.next.id)).toBeUndefined();
      });
    });

    describe('delivery receipts', () => {
      /** A verification whose first code `provider` took. */
      async function handedTo(provider: string, overrides: Partial<VerificationRecord> = {}) {
        const { v, j } = await started(overrides);
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 1);
        expect(claimed?.id).toBe(j.id);
        await store.completeJob(claimed as OutboxJob, { provider, now: clock.now() });
        return v;
      }

      const receipt = (
        v: VerificationRecord,
        provider: string,
        status: 'delivered' | 'undelivered' | 'failed',
      ) => ({ appId: v.appId, verificationId: v.id, provider, status, now: clock.now() });

      it('records the newest code’s receipt; delivered beats undelivered, never the reverse', async () => {
        const v = await handedTo('gw-a');
        clock.advance(1_000);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-b', 'delivered'))).toBe(false);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'undelivered'))).toBe(true);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'undelivered',
          deliveryProvider: 'gw-a',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'failed'))).toBe(false);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'delivered'))).toBe(true);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'undelivered'))).toBe(false);
        expect((await store.getVerification(app.id, v.id))?.deliveryStatus).toBe('delivered');
      });

      it('writes nothing while a newer code is queued, or for another app (I5)', async () => {
        const v = await handedTo('gw-a', { resendCooldownMs: 0 });
        expect(
          await store.recordDeliveryReceipt({
            ...receipt(v, 'gw-a', 'delivered'),
            appId: other.id,
          }),
        ).toBe(false);
        await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          job: job(v),
          now: clock.now(),
        });
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'delivered'))).toBe(false);
        expect((await store.getVerification(app.id, v.id))?.deliveryStatus).toBe('queued');
      });

      function failover(v: VerificationRecord, failedProvider: string, appId = v.appId) {
        const next = job(v, { afterProvider: failedProvider });
        return {
          next,
          result: store.failoverVerification({
            appId,
            id: v.id,
            failedProvider,
            codeHash: 'hash-f',
            codeKeyId: 'key-f',
            job: next,
            now: clock.now(),
          }),
        };
      }

      it('fails over like a resend, past the cooldown and the send budget', async () => {
        const v = await handedTo('gw-a', { maxSends: 1 });
        clock.advance(1_000);
        const { result, next } = failover(v, 'gw-a');
        expect(await result).toMatchObject({
          codeHash: 'hash-f',
          codeKeyId: 'key-f',
          sends: 2,
          lastSentAt: clock.now(),
          deliveryStatus: 'queued',
          deliveryProvider: null,
        });
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed).toMatchObject({ id: next.id, afterProvider: 'gw-a' });
      });

      it('fails over at most once per provider, even after a resend to the same one', async () => {
        const v = await handedTo('gw-a', { resendCooldownMs: 0 });
        expect(await failover(v, 'gw-a').result).toBeDefined();
        // The failover job reached gw-a again (the settings changed), then a resend too.
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        await store.completeJob(claimed as OutboxJob, { provider: 'gw-a', now: clock.now() });
        expect(await failover(v, 'gw-a').result).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
        expect(await claimIds()).toEqual([]);
      });

      it('lets exactly one of many racing failovers through', async () => {
        const v = await handedTo('gw-a');
        const results = await Promise.all(
          Array.from({ length: 20 }, () => failover(v, 'gw-a').result),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
        expect(await claimIds()).toHaveLength(1);
      });

      it("refuses another provider's receipt, a queued code, a finished, expired or other app's verification", async () => {
        const v = await handedTo('gw-a');
        expect(await failover(v, 'gw-b').result).toBeUndefined();
        expect(await failover(v, 'gw-a', other.id).result).toBeUndefined();
        clock.advance(v.expiresAt - clock.now());
        expect(await failover(v, 'gw-a').result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toMatchObject({ sends: 1 });

        const done = await handedTo('gw-a');
        await store.finishVerification(app.id, done.id, 'canceled', 'canceled_by_app', clock.now());
        expect(await failover(done, 'gw-a').result).toBeUndefined();

        const queued = verification();
        const first = job(queued);
        await store.createVerification(queued, first);
        expect(await failover(queued, 'gw-a').result).toBeUndefined();
        expect(await claimIds()).toEqual([first.id]);
      });
    });

    describe('finishVerification', () => {
      it('moves a pending verification to a final status and cancels its queued job', async () => {
        const { v, j } = await started();
        clock.advance(1_000);
        expect(
          await store.finishVerification(app.id, v.id, 'expired', 'ttl_elapsed', clock.now()),
        ).toEqual({
          ...v,
          status: 'expired',
          reason: 'ttl_elapsed',
          deliveryStatus: 'canceled',
          deliveryUpdatedAt: clock.now(),
          updatedAt: clock.now(),
        });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual([]);
      });

      it('leaves a finished verification alone', async () => {
        const { v } = await started();
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: true,
          now: clock.now(),
        });
        expect(
          await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now()),
        ).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'approved',
          reason: 'code_matched',
        });
      });

      it('approves as the app asks, recording when', async () => {
        const { v } = await started();
        const approved = await store.finishVerification(
          app.id,
          v.id,
          'approved',
          'approved_by_app',
          clock.now(),
        );
        expect(approved).toMatchObject({
          status: 'approved',
          reason: 'approved_by_app',
          approvedAt: clock.now(),
        });
        expect(await claimIds()).toEqual([]);
      });

      it('refuses another app (I5)', async () => {
        const { v, j } = await started();
        expect(
          await store.finishVerification(
            other.id,
            v.id,
            'canceled',
            'canceled_by_app',
            clock.now(),
          ),
        ).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect(await claimIds()).toEqual([j.id]);
      });
    });

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

    describe('outbox', () => {
      it('leases due jobs, counting an attempt, and skips them while the lease lives', async () => {
        const { j } = await started();
        const now = clock.now();
        const [claimed] = await store.claimDueJobs(now, LEASE_MS, 10);
        expect(claimed).toMatchObject({
          id: j.id,
          attempts: 1,
          leaseUntil: now + LEASE_MS,
          status: 'pending',
        });
        expect(await store.claimDueJobs(now + LEASE_MS - 1, LEASE_MS, 10)).toEqual([]);
        const [again] = await store.claimDueJobs(now + LEASE_MS, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2, leaseUntil: now + 2 * LEASE_MS });
      });

      it('waits for next_attempt_at', async () => {
        const v = verification();
        const later = job(v, { nextAttemptAt: clock.now() + 5_000 });
        await store.createVerification(v, later);
        expect(await claimIds(clock.now() + 4_999)).toEqual([]);
        expect(await claimIds(clock.now() + 5_000)).toEqual([later.id]);
      });

      it('hands out at most `limit` jobs per claim', async () => {
        for (let i = 0; i < 5; i++) await started();
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(2);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(2);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(1);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(0);
      });

      it('never gives one job to two concurrent claimers', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push((await started()).j.id);
        const batches = await Promise.all(
          Array.from({ length: 12 }, () => store.claimDueJobs(clock.now(), LEASE_MS, 4)),
        );
        const claimed = batches.flat().map((j) => j.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed.sort()).toEqual(ids.sort());
        expect(batches.flat().every((j) => j.attempts === 1)).toBe(true);
      });

      it('takes jobs round-robin per app, so an app with many due jobs cannot fill a claim', async () => {
        const crowd: string[] = [];
        for (let i = 0; i < 6; i++) {
          crowd.push((await started()).j.id);
          clock.advance(1);
        }
        const { j: late } = await started({ appId: other.id });
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 3);
        expect(claimed.map((c) => c.id).sort()).toEqual([crowd[0], crowd[1], late.id].sort());
      });

      it('gives an app no more than perApp jobs, counting those it already holds', async () => {
        for (let i = 0; i < 6; i++) await started();
        const { j: theirs } = await started({ appId: other.id });
        const share = { perApp: 3, held: new Map([[app.id, 2]]) };
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 10, share);
        expect(claimed.filter((c) => c.appId === app.id)).toHaveLength(1);
        expect(claimed.filter((c) => c.appId === other.id).map((c) => c.id)).toEqual([theirs.id]);
        const full = { perApp: 3, held: new Map([[app.id, 3]]) };
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 10, full)).toEqual([]);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 10, { perApp: 2 })).toHaveLength(2);
      });

      it("extends a job's lease only while the caller still holds it", async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        const until = clock.now() + 3 * LEASE_MS;
        expect(await store.extendJobLease(claimed, until)).toBe(true);
        expect(await subject.readJob(j.id)).toMatchObject({ leaseUntil: until, attempts: 1 });
        // Past the first lease, the extended one still keeps every other claimer out.
        expect(await claimIds(clock.now() + 2 * LEASE_MS)).toEqual([]);

        const [again] = await store.claimDueJobs(until, LEASE_MS, 10);
        if (!again) throw new Error('not taken over');
        expect(await store.extendJobLease(claimed, until + 10 * LEASE_MS)).toBe(false);
        expect((await subject.readJob(j.id))?.leaseUntil).toBe(until + LEASE_MS);
        await store.completeJob(again, { provider: 'twilio', now: until });
        expect(await store.extendJobLease(again, until + 10 * LEASE_MS)).toBe(false);
        expect((await subject.readJob(j.id))?.leaseUntil).toBeNull();
      });

      it('releases a job it did not start: lease cleared, due again at the given time', async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.releaseJob(claimed, clock.now() + 1_000, clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'pending',
          attempts: 1,
          leaseUntil: null,
          nextAttemptAt: clock.now() + 1_000,
          codeCiphertext: j.codeCiphertext,
        });
        expect(await claimIds(clock.now() + 999)).toEqual([]);
        const [again] = await store.claimDueJobs(clock.now() + 1_000, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2 });
        // `attempts` only grows, so the released claim can no longer touch the job.
        await store.releaseJob(claimed, clock.now(), clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          attempts: 2,
          leaseUntil: again?.leaseUntil,
        });
      });

      it('puts a retried job back with its lease cleared, due at the given time', async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        const retryAt = clock.now() + 2_000;
        await store.retryJob(claimed, retryAt, 'sms: timeout', clock.now() + 10);
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'pending',
          leaseUntil: null,
          nextAttemptAt: retryAt,
          lastError: 'sms: timeout',
          codeCiphertext: j.codeCiphertext,
          updatedAt: clock.now() + 10,
        });
        expect(await claimIds(retryAt - 1)).toEqual([]);
        const [again] = await store.claimDueJobs(retryAt, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2, lastError: 'sms: timeout' });
      });

      it('does not revive a job that was canceled while it was out', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        await store.retryJob(claimed, clock.now() + 1_000, 'sms: timeout', clock.now());
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });

      it('completes a job: sent, ciphertext erased, verification delivered', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(700);
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'sent',
          codeCiphertext: null,
          leaseUntil: null,
          updatedAt: clock.now(),
        });
        expect(await store.getVerification(app.id, v.id)).toEqual({
          ...v,
          deliveryStatus: 'sent',
          deliveryProvider: 'twilio',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });

      it("keeps a code-making sender's reference with the delivery, and a resend clears it", async () => {
        const { v, j } = await started({ externalCode: true, codeHash: '', codeKeyId: '' });
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.completeJob(claimed, {
          provider: 'verify',
          now: clock.now(),
          reference: 'VE-1',
        });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent' });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          externalCode: true,
          codeReference: 'VE-1',
          deliveryStatus: 'sent',
        });

        clock.advance(30_000);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: '',
          codeKeyId: '',
          job: job(v, { id: newId('job', clock.now()), createdAt: clock.now() }),
          now: clock.now(),
        });
        expect(resent).toMatchObject({ sends: 2, codeReference: null, externalCode: true });
        const [again] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!again) throw new Error('nothing claimed');
        await store.completeJob(again, { provider: 'verify', now: clock.now(), reference: 'VE-2' });
        expect((await store.getVerification(app.id, v.id))?.codeReference).toBe('VE-2');
      });

      it('leaves the code reference alone when a delivery names none', async () => {
        const { v } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          externalCode: false,
          codeReference: null,
        });
      });

      it('fails a job: ciphertext erased, a pending verification failed with delivery_failed', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(700);
        await store.failJob(claimed, 'sms: rejected', clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'failed',
          codeCiphertext: null,
          leaseUntil: null,
          lastError: 'sms: rejected',
        });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'failed',
          reason: 'delivery_failed',
          deliveryStatus: 'failed',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });

      it('fails a job without touching a verification that is no longer pending', async () => {
        const { v } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: true,
          now: clock.now(),
        });
        await store.failJob(claimed, 'sms: rejected', clock.now());
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'approved',
          reason: 'code_matched',
        });
        expect((await subject.readJob(claimed.id))?.codeCiphertext).toBeNull();
      });

      it('cancels a job: ciphertext erased, never claimed again', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.cancelJob(claimed, clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
          leaseUntil: null,
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
        expect((await store.getVerification(app.id, v.id))?.status).toBe('pending');
      });
      it('ignores a claimer whose lease lapsed once another has taken the job over', async () => {
        const { v, j } = await started();
        const [stale] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!stale) throw new Error('nothing claimed');
        clock.advance(LEASE_MS);
        const [current] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(current?.id).toBe(j.id);
        if (!current) throw new Error('not taken over');

        await store.failJob(stale, 'sms: timeout', clock.now());
        await store.completeJob(stale, { provider: 'late', now: clock.now() });
        await store.retryJob(stale, clock.now(), 'sms: timeout', clock.now());
        await store.cancelJob(stale, clock.now());
        // The current holder's lease stands: no third claimer may take the job meanwhile.
        expect(await subject.readJob(j.id)).toEqual({ ...current, lastError: null });
        expect(await claimIds()).toEqual([]);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'pending',
          deliveryStatus: 'queued',
        });

        await store.completeJob(current, { provider: 'twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent', codeCiphertext: null });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'sent',
          deliveryProvider: 'twilio',
        });
      });

      it('keeps a job canceled by a resend canceled, even if its send then succeeds', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(30_000);
        const next = job(v);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-1',
          job: next,
          now: clock.now(),
        });
        expect(resent?.sends).toBe(2);
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'queued',
          deliveryProvider: null,
        });
      });

      it('cancels the delivery of a superseded verification that was never sent', async () => {
        const { v } = await started();
        clock.advance(1_000);
        await started({ to: v.to });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'canceled',
          reason: 'superseded',
          deliveryStatus: 'canceled',
          deliveryUpdatedAt: clock.now(),
        });
      });
    });

    describe('handed-off jobs (newHandedOffJob)', () => {
      /** A verification committed with the job of a caller that sends the code itself. */
      async function handedOff() {
        const v = verification();
        const j = newHandedOffJob(v, clock.now());
        await store.createVerification(v, j);
        return { v, j };
      }

      it('are stored as the caller holds them and never claimed while the code lives', async () => {
        const { v, j } = await handedOff();
        expect(await subject.readJob(j.id)).toEqual(j);
        expect(await claimIds(clock.now())).toEqual([]);
        expect(await claimIds(v.expiresAt - 1)).toEqual([]);
      });

      it("record the caller's send like a dispatcher's: sent, delivery sent", async () => {
        const { v, j } = await handedOff();
        clock.advance(300);
        await store.completeJob(j, { provider: 'convertalk-twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent', leaseUntil: null });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'pending',
          deliveryStatus: 'sent',
          deliveryProvider: 'convertalk-twilio',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(v.expiresAt + LEASE_MS)).toEqual([]);
      });

      it("record the caller's failure: the verification fails with delivery_failed", async () => {
        const { v, j } = await handedOff();
        await store.failJob(j, 'convertalk-twilio: twilio_20003', clock.now());
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'failed',
          reason: 'delivery_failed',
          deliveryStatus: 'failed',
        });
        expect(await claimIds(v.expiresAt + LEASE_MS)).toEqual([]);
      });

      it('left unanswered, come due only at expiry, with no code to send', async () => {
        const { v, j } = await handedOff();
        const [late] = await store.claimDueJobs(v.expiresAt, LEASE_MS, 10);
        expect(late).toMatchObject({ id: j.id, codeCiphertext: null, attempts: 2 });
        // The caller that died can no longer record anything over the new claim.
        await store.completeJob(j, { provider: 'convertalk-twilio', now: v.expiresAt });
        expect((await subject.readJob(j.id))?.status).toBe('pending');
      });

      it('are canceled by a resend like any queued job', async () => {
        const { v, j } = await handedOff();
        clock.advance(30_000);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-1',
          job: job(v),
          now: clock.now(),
        });
        expect(resent?.sends).toBe(2);
        await store.completeJob(j, { provider: 'convertalk-twilio', now: clock.now() });
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
      });
    });

    describe('sandbox messages', () => {
      it("lists an app's messages newest first, filtered by destination and limited", async () => {
        const { v } = await started();
        const message = (to: string, at: number, appId = app.id): SandboxMessage => ({
          id: newId('msg', at),
          appId,
          verificationId: v.id,
          to,
          channel: 'sms',
          body: `Your code is ${at % 10_000}`,
          createdAt: at,
        });
        const t = clock.now();
        const m1 = message('+905551234567', t);
        const m2 = message('+447911123456', t + 1);
        const m3 = message('+905551234567', t + 2);
        const foreign = message('+905551234567', t + 3, other.id);
        for (const m of [m2, foreign, m1, m3]) await store.insertSandboxMessage(m);

        expect(await store.listSandboxMessages(app.id, { limit: 10 })).toEqual([m3, m2, m1]);
        expect(
          await store.listSandboxMessages(app.id, { to: ['+905551234567'], limit: 10 }),
        ).toEqual([m3, m1]);
        expect(await store.listSandboxMessages(app.id, { limit: 2 })).toEqual([m3, m2]);
        expect(await store.listSandboxMessages(other.id, { limit: 10 })).toEqual([foreign]);
        expect(
          await store.listSandboxMessages(app.id, {
            to: ['+14155550100', '14155550100'],
            limit: 10,
          }),
        ).toEqual([]);
      });

      it('purges the messages made before a time, of every app, and nothing newer', async () => {
        const { v } = await started();
        const t = clock.now();
        const message = (at: number, appId = app.id): SandboxMessage => ({
          id: newId('msg', at),
          appId,
          verificationId: v.id,
          to: '+905551234567',
          channel: 'sms',
          body: 'Your code is 123456',
          createdAt: at,
        });
        const [old, foreignOld, boundary, fresh] = [
          message(t - 10),
          message(t - 5, other.id),
          message(t),
          message(t + 10),
        ];
        for (const m of [old, foreignOld, boundary, fresh]) await store.insertSandboxMessage(m);
        expect(await store.purgeSandboxMessages(t)).toBe(2);
        expect(await store.listSandboxMessages(app.id, { limit: 10 })).toEqual([fresh, boundary]);
        expect(await store.listSandboxMessages(other.id, { limit: 10 })).toEqual([]);
        expect(await store.purgeSandboxMessages(t)).toBe(0);
      });
    });
  });
}
