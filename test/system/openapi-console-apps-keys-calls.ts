import { expect } from 'vitest';
import { ADMIN_PASSWORD, createAdmin } from '../helpers/console-admin.ts';
import type { TestServer } from '../helpers/harness.ts';
import type { CallOperation, Exchange } from './openapi-context.ts';

/** The console's apps and API keys, as its Apps & keys page uses them. */
export async function exerciseConsoleAppsKeys(
  server: TestServer,
  appId: string,
  call: CallOperation,
): Promise<void> {
  await createAdmin(server, 'apps-owner@example.com');
  await createAdmin(server, 'apps-viewer@example.com', { role: 'viewer', appIds: [appId] });
  const signIn = async (email: string) => {
    const signed: Exchange = await call('consoleLogin', 200, {
      body: { email, password: ADMIN_PASSWORD },
    });
    const cookie = (signed.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    return { cookie, withToken: { cookie, 'x-csrf-token': signed.body.csrfToken as string } };
  };
  const owner = await signIn('apps-owner@example.com');
  const viewer = await signIn('apps-viewer@example.com');

  await call('listConsoleApps', 200, { headers: { cookie: owner.cookie } });
  await call('listConsoleApps', 401);

  const created = await call('createConsoleApp', 201, {
    headers: owner.withToken,
    body: { name: 'Documented Pharmacy' },
  });
  await call('createConsoleApp', 400, { headers: owner.withToken, body: { name: '' } });
  await call('createConsoleApp', 403, { headers: viewer.withToken, body: { name: 'No' } });
  await call('createConsoleApp', 401, { body: { name: 'No' } });

  const newAppId: string = created.body.id;
  await call('renameConsoleApp', 200, {
    headers: owner.withToken,
    params: { appId: newAppId },
    body: { name: 'Documented Pharmacy & Co' },
  });
  await call('renameConsoleApp', 400, {
    headers: owner.withToken,
    params: { appId: newAppId },
    body: { name: 7 },
  });
  await call('renameConsoleApp', 403, {
    headers: viewer.withToken,
    params: { appId },
    body: { name: 'Renamed by a viewer' },
  });
  await call('renameConsoleApp', 404, {
    headers: viewer.withToken,
    params: { appId: newAppId },
    body: { name: 'Not theirs' },
  });
  await call('renameConsoleApp', 401, { params: { appId }, body: { name: 'No' } });

  const issued = await call('createConsoleApiKey', 201, {
    headers: owner.withToken,
    params: { appId: newAppId },
    body: { scopes: ['verifications', 'messages:read'] },
  });
  expect(issued.body.apiKey).toMatch(/^otpd_/);
  await call('createConsoleApiKey', 400, {
    headers: owner.withToken,
    params: { appId: newAppId },
    body: { scopes: ['everything'] },
  });
  await call('createConsoleApiKey', 403, {
    headers: viewer.withToken,
    params: { appId },
    body: { scopes: ['verifications'] },
  });
  await call('createConsoleApiKey', 404, {
    headers: owner.withToken,
    params: { appId: 'app_missing' },
    body: { scopes: ['verifications'] },
  });
  await call('createConsoleApiKey', 401, {
    params: { appId },
    body: { scopes: ['verifications'] },
  });

  const listed = await call('listConsoleApiKeys', 200, {
    headers: { cookie: owner.cookie },
    params: { appId: newAppId },
  });
  expect(listed.text).not.toContain(issued.body.apiKey);
  await call('listConsoleApiKeys', 400, {
    headers: { cookie: owner.cookie },
    params: { appId: 'x'.repeat(65) },
  });
  await call('listConsoleApiKeys', 404, {
    headers: { cookie: viewer.cookie },
    params: { appId: newAppId },
  });
  await call('listConsoleApiKeys', 401, { params: { appId } });

  const key = { appId: newAppId, keyId: issued.body.key.id as string };
  await call('revokeConsoleApiKey', 200, { headers: owner.withToken, params: key });
  await call('revokeConsoleApiKey', 200, { headers: owner.withToken, params: key });
  await call('revokeConsoleApiKey', 404, {
    headers: owner.withToken,
    params: { appId, keyId: key.keyId },
  });
  await call('revokeConsoleApiKey', 403, {
    headers: { cookie: owner.cookie },
    params: key,
  });
  await call('revokeConsoleApiKey', 400, {
    headers: owner.withToken,
    params: { appId: newAppId, keyId: 'k'.repeat(65) },
  });
  await call('revokeConsoleApiKey', 401, { params: key });
}
