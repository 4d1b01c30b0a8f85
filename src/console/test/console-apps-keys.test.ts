import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { createClient } from '../../../test/helpers/http-client.ts';

type Browser = ReturnType<typeof consoleClient>;

describe('apps and API keys in the console', () => {
  let server: TestServer;
  let shop: Awaited<ReturnType<TestServer['createApp']>>;
  let bank: Awaited<ReturnType<TestServer['createApp']>>;
  let owner: Browser;
  let shopAdmin: Browser;
  let shopViewer: Browser;
  let shopAgent: Browser;

  async function signIn(email: string, role: string, appIds: string[] = []) {
    await createAdmin(server, email, { role, appIds });
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  }
  const rename = (browser: Browser, appId: string, body: unknown, token = browser.csrf) =>
    browser.call('PATCH', `/console/api/apps/${appId}`, body, { 'x-csrf-token': token });
  const newKey = (browser: Browser, appId: string, scopes: unknown) =>
    browser.change(`/console/api/apps/${appId}/keys`, { scopes });
  const revoke = (browser: Browser, appId: string, keyId: string) =>
    browser.change(`/console/api/apps/${appId}/keys/${keyId}/revoke`);
  /** The audit entries of an action, newest first. */
  async function audited(action: string) {
    const page = await server.deps.console.audit.list({ limit: 500 });
    return page.entries.filter((e) => e.action === action);
  }

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    shop = await server.createApp('Shop');
    bank = await server.createApp('Bank');
    owner = await signIn('owner@example.com', 'owner');
    shopAdmin = await signIn('shop-admin@example.com', 'admin', [shop.appId]);
    shopViewer = await signIn('shop-viewer@example.com', 'viewer', [shop.appId]);
    shopAgent = await signIn('shop-agent@example.com', 'agent', [shop.appId]);
  });
  afterAll(() => server?.close());

  it('lists every app to an owner, their own to an admin or a viewer, none to an agent', async () => {
    const all = await owner.call('GET', '/console/api/apps');
    expect(all.status).toBe(200);
    expect(all.body.data).toEqual([
      { id: shop.appId, name: 'Shop', createdAt: expect.any(String) },
      { id: bank.appId, name: 'Bank', createdAt: expect.any(String) },
    ]);
    for (const browser of [shopAdmin, shopViewer]) {
      const mine = await browser.call('GET', '/console/api/apps');
      expect(mine.body.data.map((a: { id: string }) => a.id)).toEqual([shop.appId]);
    }
    const agent = await shopAgent.call('GET', '/console/api/apps');
    expect(agent.status).toBe(403);
    expect(agent.body.code).toBe('console_role_forbidden');
    expect((await consoleClient(server.url).call('GET', '/console/api/apps')).status).toBe(401);
  });

  it('lets an owner create an app, audited; an admin may not; bad names are 400', async () => {
    const created = await owner.change('/console/api/apps', { name: '  Pharmacy  ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^app_/),
      name: 'Pharmacy',
      createdAt: expect.any(String),
    });
    expect(created.body).not.toHaveProperty('apiKey');
    const listed = await owner.call('GET', `/console/api/apps/${created.body.id}/keys`);
    expect(listed.body.data).toEqual([]);
    const [entry] = await audited('app.created');
    expect(entry).toMatchObject({
      actor: 'admin:owner@example.com',
      appId: created.body.id,
      target: created.body.id,
      details: { name: 'Pharmacy' },
    });

    const refused = await shopAdmin.change('/console/api/apps', { name: 'Side project' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('console_role_forbidden');
    const noToken = await owner.change('/console/api/apps', { name: 'Forged' }, null);
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_token_invalid');
    for (const body of [
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 'a\u0007b' },
      { name: 'A', extra: 1 },
      {},
    ]) {
      const bad = await owner.change('/console/api/apps', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    const names = (await owner.call('GET', '/console/api/apps')).body.data.map(
      (a: { name: string }) => a.name,
    );
    expect(names).toEqual(['Shop', 'Bank', 'Pharmacy']);
  });

  it('renames an app for its owner or admin, auditing both names; a viewer, an agent and others are refused', async () => {
    const renamed = await rename(shopAdmin, shop.appId, { name: 'Shop Online' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: shop.appId, name: 'Shop Online' });
    expect((await server.deps.store.getApp(shop.appId))?.name).toBe('Shop Online');
    const [entry] = await audited('app.renamed');
    expect(entry).toMatchObject({
      actor: 'admin:shop-admin@example.com',
      appId: shop.appId,
      target: shop.appId,
      details: { before: 'Shop', after: 'Shop Online' },
    });
    expect((await rename(owner, bank.appId, { name: 'Bank & Co' })).status).toBe(200);

    const viewer = await rename(shopViewer, shop.appId, { name: 'Mine now' });
    expect([viewer.status, viewer.body.code]).toEqual([403, 'console_role_forbidden']);
    const agent = await rename(shopAgent, shop.appId, { name: 'Mine now' });
    expect([agent.status, agent.body.code]).toEqual([403, 'console_role_forbidden']);
    const foreign = await rename(shopAdmin, bank.appId, { name: 'Taken over' });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'console_app_not_found']);
    const missing = await rename(owner, 'app_missing', { name: 'Ghost' });
    expect([missing.status, missing.body.code]).toEqual([404, 'console_app_not_found']);
    const noToken = await rename(shopAdmin, shop.appId, { name: 'Forged' }, '');
    expect([noToken.status, noToken.body.code]).toEqual([403, 'csrf_token_invalid']);
    const bad = await rename(shopAdmin, shop.appId, { name: '' });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect((await server.deps.store.getApp(shop.appId))?.name).toBe('Shop Online');
    expect((await server.deps.store.getApp(bank.appId))?.name).toBe('Bank & Co');
    expect(await audited('app.renamed')).toHaveLength(2);
  });

  it('issues a key with the chosen scopes, shown once; it works on /v1 within its scopes only', async () => {
    const issued = await newKey(shopAdmin, shop.appId, ['messages:read', 'analytics:read']);
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const { key, apiKey } = issued.body;
    expect(apiKey).toMatch(/^otpd_/);
    expect(key).toEqual({
      id: expect.stringMatching(/^key_/),
      appId: shop.appId,
      prefix: apiKey.slice(0, 11),
      scopes: ['messages:read', 'analytics:read'],
      createdAt: expect.any(String),
      revokedAt: null,
    });

    const client = createClient(server.url, apiKey);
    expect((await client.get('/v1/messages')).status).toBe(200);
    const outside = await client.post('/v1/verifications', { to: '+905551630001' });
    expect([outside.status, outside.body.code]).toEqual([403, 'insufficient_scope']);

    // Never again: not in the list, not in the audit log, not in a log line.
    const listed = await shopViewer.call('GET', `/console/api/apps/${shop.appId}/keys`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(key.id);
    expect(listed.body.data.find((k: { id: string }) => k.id === key.id)).toEqual(key);
    const stored = (await server.deps.store.listApiKeys(shop.appId)).find((k) => k.id === key.id);
    if (!stored) throw new Error('the key is not stored');
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);
    expect(JSON.stringify(listed.body)).not.toContain(stored.keyHash);
    const [entry] = await audited('key.created');
    expect(entry).toMatchObject({
      actor: 'admin:shop-admin@example.com',
      appId: shop.appId,
      target: key.id,
      details: { scopes: ['messages:read', 'analytics:read'] },
    });
    expect(JSON.stringify(await server.deps.console.audit.list({ limit: 500 }))).not.toContain(
      apiKey,
    );
    expect(server.logs.join('')).not.toContain(apiKey);
  });

  it('refuses a key without scopes, with an unknown or repeated one, for a viewer, and elsewhere', async () => {
    for (const scopes of [
      [],
      ['messages:write'],
      ['verifications', 'verifications'],
      'verifications',
      undefined,
    ]) {
      const bad = await newKey(owner, shop.appId, scopes);
      expect(bad.status, JSON.stringify(scopes)).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    const viewer = await newKey(shopViewer, shop.appId, ['verifications']);
    expect([viewer.status, viewer.body.code]).toEqual([403, 'console_role_forbidden']);
    const agent = await newKey(shopAgent, shop.appId, ['verifications']);
    expect([agent.status, agent.body.code]).toEqual([403, 'console_role_forbidden']);
    const foreign = await newKey(shopAdmin, bank.appId, ['verifications']);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'console_app_not_found']);
    const foreignList = await shopViewer.call('GET', `/console/api/apps/${bank.appId}/keys`);
    expect([foreignList.status, foreignList.body.code]).toEqual([404, 'console_app_not_found']);
    const agentList = await shopAgent.call('GET', `/console/api/apps/${shop.appId}/keys`);
    expect([agentList.status, agentList.body.code]).toEqual([403, 'console_role_forbidden']);
    const noToken = await shopAdmin.change(
      `/console/api/apps/${shop.appId}/keys`,
      { scopes: ['verifications'] },
      null,
    );
    expect([noToken.status, noToken.body.code]).toEqual([403, 'csrf_token_invalid']);
    const before = await server.deps.store.listApiKeys(shop.appId);
    expect(before.every((k) => k.scopes.length > 0)).toBe(true);
  });

  it('revokes a key at once on /v1, once in the audit log, and never a key of another app', async () => {
    const { key, apiKey } = (await newKey(shopAdmin, shop.appId, ['verifications'])).body;
    const client = createClient(server.url, apiKey);
    expect((await client.post('/v1/verifications', { to: '+905551630002' })).status).toBe(201);

    const revoked = await revoke(shopAdmin, shop.appId, key.id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ ...key, revokedAt: expect.any(String) });
    const refused = await client.post('/v1/verifications', { to: '+905551630003' });
    expect([refused.status, refused.body.code]).toEqual([401, 'invalid_api_key']);

    const again = await revoke(owner, shop.appId, key.id);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const entries = (await audited('key.revoked')).filter((e) => e.target === key.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'admin:shop-admin@example.com', appId: shop.appId });
    const listed = await shopViewer.call('GET', `/console/api/apps/${shop.appId}/keys`);
    expect(listed.body.data.find((k: { id: string }) => k.id === key.id).revokedAt).toBe(
      revoked.body.revokedAt,
    );

    // The bank's first key, through the shop's path: not found, and it keeps working.
    const bankKey = (await server.deps.store.listApiKeys(bank.appId))[0];
    if (!bankKey) throw new Error('the bank has no key');
    const crossed = await revoke(owner, shop.appId, bankKey.id);
    expect([crossed.status, crossed.body.code]).toEqual([404, 'console_api_key_not_found']);
    const missing = await revoke(owner, shop.appId, 'key_missing');
    expect([missing.status, missing.body.code]).toEqual([404, 'console_api_key_not_found']);
    expect((await bank.client.get('/v1/messages')).status).toBe(200);

    const other = (await newKey(owner, shop.appId, ['verifications'])).body.key;
    const viewer = await revoke(shopViewer, shop.appId, other.id);
    expect([viewer.status, viewer.body.code]).toEqual([403, 'console_role_forbidden']);
    const foreign = await revoke(shopAdmin, bank.appId, bankKey.id);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'console_app_not_found']);
    const noToken = await shopAdmin.change(
      `/console/api/apps/${shop.appId}/keys/${other.id}/revoke`,
      undefined,
      null,
    );
    expect([noToken.status, noToken.body.code]).toEqual([403, 'csrf_token_invalid']);
    const still = (await server.deps.store.listApiKeys(shop.appId)).find((k) => k.id === other.id);
    expect(still?.revokedAt).toBeNull();
    expect(await server.deps.console.audit.verify()).toMatchObject({ ok: true });
  });
});
