import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.ts';
import { entryHash, GENESIS_HASH } from '../audit-chain.ts';
import type { AdminRecord, AuditEntry, ConsoleStore } from '../console-store.ts';

/**
 * The guarantees every adapter of the console's `ConsoleStore` gives
 * (src/console/console-store.ts), written against the port. A fresh migrated store per test.
 */
export function describeConsoleStoreContract(
  name: string,
  open: () => Promise<{ store: ConsoleStore; cleanup: () => Promise<void> }>,
): void {
  describe(`ConsoleStore contract: ${name}`, () => {
    let store: ConsoleStore;
    let cleanup: () => Promise<void>;
    const now = Date.parse('2026-03-01T10:00:00Z');
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(() => cleanup());

    const admin = (over: Partial<AdminRecord> = {}): AdminRecord => ({
      id: newId('adm', now),
      email: 'ada@example.com',
      role: 'admin',
      appIds: ['app_1', 'app_2'],
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      totpSecret: null,
      totpPending: null,
      disabledAt: null,
      createdAt: now,
      ...over,
    });
    const session = (adminId: string, tokenHash: string) => ({
      id: newId('cses', now),
      adminId,
      tokenHash,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + 12 * 3_600_000,
      revokedAt: null,
    });
    const append = (action: string, appId: string | null = null) =>
      store.appendAudit((previous) => {
        const entry = {
          seq: (previous?.seq ?? 0) + 1,
          id: newId('aud', now),
          at: now,
          actor: 'cli',
          action,
          appId,
          target: null,
          details: { n: 1 },
          prevHash: previous?.hash ?? GENESIS_HASH,
        };
        return { ...entry, hash: entryHash(entry) };
      });

    it('creates an admin once per email and reads it back whole', async () => {
      const ada = admin();
      expect(await store.createAdmin(ada)).toBe(true);
      expect(await store.createAdmin(admin({ id: newId('adm', now) }))).toBe(false);
      expect(await store.getAdmin(ada.id)).toEqual(ada);
      expect(await store.findAdminByEmail('ada@example.com')).toEqual(ada);
      expect(await store.findAdminByEmail('bob@example.com')).toBeUndefined();
      expect(await store.listAdmins()).toEqual([ada]);
    });

    it('disables an admin once, revoking every session of theirs in the same step', async () => {
      const ada = admin();
      await store.createAdmin(ada);
      await store.createConsoleSession(session(ada.id, 'h1'));
      expect(await store.touchConsoleSession('h1', now + 1, 60_000)).toBeDefined();
      const disabled = await store.disableAdmin('ada@example.com', now + 2);
      expect(disabled?.disabledAt).toBe(now + 2);
      expect(await store.disableAdmin('ada@example.com', now + 3)).toBeUndefined();
      expect(await store.touchConsoleSession('h1', now + 4, 60_000)).toBeUndefined();
    });

    it('a session lives while used within the idle time and before its absolute end', async () => {
      const ada = admin();
      await store.createAdmin(ada);
      await store.createConsoleSession(session(ada.id, 'h1'));
      const touched = await store.touchConsoleSession('h1', now + 50_000, 60_000);
      expect(touched?.lastSeenAt).toBe(now + 50_000);
      // Idle from its last use, not from sign-in.
      expect(await store.touchConsoleSession('h1', now + 100_000, 60_000)).toBeDefined();
      expect(await store.touchConsoleSession('h1', now + 160_001, 60_000)).toBeUndefined();
      expect(await store.touchConsoleSession('unknown', now, 60_000)).toBeUndefined();

      await store.createConsoleSession({ ...session(ada.id, 'h2'), expiresAt: now + 10 });
      expect(await store.touchConsoleSession('h2', now + 10, 60_000)).toBeUndefined();

      await store.createConsoleSession(session(ada.id, 'h3'));
      expect(await store.revokeConsoleSession('h3', now + 1)).toBe(true);
      expect(await store.revokeConsoleSession('h3', now + 2)).toBe(false);
      expect(await store.touchConsoleSession('h3', now + 3, 60_000)).toBeUndefined();
    });

    it('confirms a pending TOTP only while it is the pending one, with new recovery codes', async () => {
      const ada = admin();
      await store.createAdmin(ada);
      await store.setPendingTotp(ada.id, 'pending-1');
      expect(await store.confirmTotp(ada.id, 'pending-0', 'secret', ['r1'])).toBe(false);
      expect(await store.confirmTotp(ada.id, 'pending-1', 'secret', ['r1', 'r2'])).toBe(true);
      expect(await store.confirmTotp(ada.id, 'pending-1', 'secret', ['r3'])).toBe(false);
      const stored = await store.getAdmin(ada.id);
      expect(stored).toMatchObject({ totpSecret: 'secret', totpPending: null });
      expect(await store.countRecoveryCodes(ada.id)).toBe(2);
    });

    it('accepts a TOTP step and a recovery code once, also when tried at the same time', async () => {
      const ada = admin();
      await store.createAdmin(ada);
      await store.setPendingTotp(ada.id, 'p');
      await store.confirmTotp(ada.id, 'p', 's', ['r1']);
      const steps = await Promise.all(
        Array.from({ length: 8 }, () => store.claimTotpStep(ada.id, 100)),
      );
      expect(steps.filter(Boolean)).toHaveLength(1);
      expect(await store.claimTotpStep(ada.id, 99)).toBe(false);
      expect(await store.claimTotpStep(ada.id, 101)).toBe(true);
      const uses = await Promise.all(
        Array.from({ length: 8 }, () => store.useRecoveryCode(ada.id, 'r1')),
      );
      expect(uses.filter(Boolean)).toHaveLength(1);
      expect(await store.countRecoveryCodes(ada.id)).toBe(0);
    });

    it('appends audit entries in one gapless chain, also when appended at the same time', async () => {
      const entries = await Promise.all(Array.from({ length: 12 }, (_, i) => append(`a${i}`)));
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      const chain = await store.scanAudit(0, 100);
      expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      chain.forEach((entry: AuditEntry, i) => {
        expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]?.hash);
      });
      expect(chain[0]?.details).toEqual({ n: 1 });
    });

    it('lists audit entries newest first, by app, in cursor pages', async () => {
      await append('one', 'app_1');
      await append('two', 'app_2');
      await append('three', null);
      await append('four', 'app_1');
      const first = await store.listAudit({ limit: 3 });
      expect(first.entries.map((e) => e.action)).toEqual(['four', 'three', 'two']);
      expect(first.next).toBe(2);
      const second = await store.listAudit({ limit: 3, before: first.next ?? 0 });
      expect(second.entries.map((e) => e.action)).toEqual(['one']);
      expect(second.next).toBeNull();
      const mine = await store.listAudit({ limit: 10, appIds: ['app_1'] });
      expect(mine.entries.map((e) => e.action)).toEqual(['four', 'one']);
      expect((await store.listAudit({ limit: 10, appIds: [] })).entries).toEqual([]);
    });
  });
}
