import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { PLUGINS_WITH_VAULT } from '../../../test/helpers/vault-provider.ts';
import { createProviderRegistry } from '../../delivery/adapters/provider-registry.ts';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import { noConversationInbox } from '../../messenger/conversation-inbox.ts';
import { createLogger } from '../../observability/logger.ts';
import { createAddressPolicy } from '../../outbound/address-policy.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import type { Store } from '../../ports/store.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import {
  createValidatorRegistry,
  VALIDATOR_PLUGINS,
} from '../../verification/adapters/validator-registry.ts';
import { createSettingsService } from '../settings-service.ts';

/** Providers here never call out; the guard refuses anything internal if one tried. */
const outbound = createOutboundClient({ allowNetworks: [], logger: createLogger('silent') });
const validators = createValidatorRegistry(VALIDATOR_PLUGINS, { outbound });

const REFRESH_MS = 2_000;
const vault = (name: string, authToken = 'tok_0123456789abcdef') => ({
  type: 'vault',
  name,
  accountSid: 'AC1',
  authToken,
});

/** A fresh migrated store and how to dispose of it. */
type OpenStore = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

async function openSqlite() {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-settings-'));
  const store = createSqliteStore(join(dir, 'otpd.db'));
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let database: TestDatabase | undefined;
afterAll(() => database?.drop());

async function openPostgres() {
  const schema = await (database as TestDatabase).createSchema();
  const store = createPostgresStore(schema.url, { poolSize: 4 });
  await store.migrate();
  return { store, cleanup: () => store.close() };
}

describeSettingsService('SQLite', openSqlite);
describe('on PostgreSQL', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  describeSettingsService('PostgreSQL', openPostgres);
});

/** Two settings services on one database, as a server and the CLI would be. */
function describeSettingsService(name: string, open: OpenStore) {
  describe(`settings service (${name})`, () => {
    let cleanup: () => Promise<void>;
    let store: Store;
    let clock: FakeClock;
    const keyring = createHmacKeyring('k'.repeat(32));

    function service() {
      const registry = createProviderRegistry(PLUGINS_WITH_VAULT, {
        sandbox: store,
        clock,
        outbound,
        addressPolicy: createAddressPolicy([]),
        conversations: noConversationInbox,
      });
      return createSettingsService({
        store,
        keyring,
        clock,
        registry,
        validators,
        refreshMs: REFRESH_MS,
      });
    }

    beforeEach(async () => {
      ({ store, cleanup } = await open());
      clock = createFakeClock();
      for (const id of ['app_a', 'app_b']) {
        await store.createApp({ id, name: id, createdAt: clock.now() });
      }
    });
    afterEach(() => cleanup());

    it('builds each channel from the settings: the sandbox by default, then what was set', async () => {
      const server = service();
      expect((await server.providersFor('app_a', 'sms')).map((p) => p.name)).toEqual(['console']);
      await server.replace('app_a', {
        channels: { sms: { providers: [vault('gw-a'), vault('gw-b')] } },
      });
      expect((await server.providersFor('app_a', 'sms')).map((p) => p.name)).toEqual([
        'gw-a',
        'gw-b',
      ]);
      expect((await server.providersFor('app_a', 'email')).map((p) => p.name)).toEqual(['console']);
      expect((await server.providersFor('app_b', 'sms')).map((p) => p.name)).toEqual(['console']);
    });

    it('reuses built providers until the settings change', async () => {
      const server = service();
      await server.replace('app_a', { channels: { sms: { providers: [vault('gw-a')] } } });
      const first = await server.providersFor('app_a', 'sms');
      clock.advance(REFRESH_MS * 3); // revalidated, unchanged
      expect(await server.providersFor('app_a', 'sms')).toBe(first);
    });

    it("sees another process's replacement once the refresh interval has passed", async () => {
      const server = service();
      const cli = service();
      expect((await server.get('app_a')).verification.codeLength).toBe(6);
      expect(await cli.replace('app_a', { verification: { codeLength: 8 } })).toMatchObject({
        status: 'replaced',
        revision: 1,
      });
      clock.advance(REFRESH_MS - 1);
      expect((await server.get('app_a')).verification.codeLength).toBe(6);
      clock.advance(1);
      expect((await server.get('app_a')).verification.codeLength).toBe(8);
    });

    it('merges masked secrets against the latest revision when two writers race', async () => {
      const a = service();
      const b = service();
      await a.replace('app_a', { channels: { sms: { providers: [vault('gw-a')] } } });
      const shown = await a.show('app_a');
      const [x, y] = await Promise.all([
        a.replace('app_a', { ...shown?.settings, defaultLocale: 'tr' }),
        b.replace('app_a', { ...shown?.settings, defaultLocale: 'de' }),
      ]);
      expect([x?.status, y?.status]).toEqual(['replaced', 'replaced']);
      const final = await store.getAppSettings('app_a');
      expect(final?.revision).toBe(3);
      const provider = (await service().get('app_a')).channels.sms.providers[0];
      expect(provider?.authToken).toBe('tok_0123456789abcdef');
    });

    it('binds stored secrets to their app: copied to another app they do not decrypt', async () => {
      const server = service();
      await server.replace('app_a', { channels: { sms: { providers: [vault('gw-a')] } } });
      const stored = await store.getAppSettings('app_a');
      expect(stored?.json).not.toContain('tok_0123456789abcdef');
      await store.replaceAppSettings('app_b', stored?.json ?? '', clock.now());
      await expect(service().get('app_b')).rejects.toThrow();
    });

    it('refuses two providers of one channel with the same name', async () => {
      const outcome = await service().replace('app_a', {
        channels: { sms: { providers: [vault('gw-a'), vault('gw-a')] } },
      });
      expect(outcome).toEqual({
        status: 'invalid',
        errors: [
          {
            field: 'channels.sms.providers.1.name',
            message: 'another provider of this channel has it',
          },
        ],
      });
    });

    it('answers app_not_found for an unknown app and shows it nothing', async () => {
      const server = service();
      expect(await server.replace('app_missing', {})).toEqual({ status: 'app_not_found' });
      expect(await server.show('app_missing')).toBeUndefined();
    });
  });
}

describe('settings that can no longer be used', () => {
  it('fail closed with 503 until replaced; a replacement must then carry every secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otpd-settings-'));
    const store = createSqliteStore(join(dir, 'otpd.db'));
    try {
      await store.migrate();
      const clock = createFakeClock();
      await store.createApp({ id: 'app_a', name: 'A', createdAt: clock.now() });
      const open = (secret: string) =>
        createSettingsService({
          store,
          keyring: createHmacKeyring(secret),
          clock,
          registry: createProviderRegistry(PLUGINS_WITH_VAULT, {
            sandbox: store,
            clock,
            outbound,
            addressPolicy: createAddressPolicy([]),
            conversations: noConversationInbox,
          }),
          validators,
          refreshMs: 0,
        });
      const before = open('a'.repeat(32));
      await before.replace('app_a', { channels: { sms: { providers: [vault('gw-a')] } } });
      const shown = await before.show('app_a');

      // The server secret changed and the old one was not kept in OTPD_PREVIOUS_SECRETS.
      const after = open('b'.repeat(32));
      await expect(after.providersFor('app_a', 'sms')).rejects.toMatchObject({
        code: 'service_unavailable',
        detail: expect.stringContaining('cannot be decrypted'),
      });
      expect(await after.replace('app_a', shown?.settings)).toMatchObject({
        status: 'invalid',
        errors: [{ field: 'channels.sms.providers.0.authToken' }],
      });
      const fixed = await after.replace('app_a', {
        channels: { sms: { providers: [vault('gw-a', 'tok_new_0123456789ab')] } },
      });
      expect(fixed.status).toBe('replaced');
      expect((await after.providersFor('app_a', 'sms')).map((p) => p.name)).toEqual(['gw-a']);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
