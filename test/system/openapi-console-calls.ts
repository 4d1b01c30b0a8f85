import { expect } from 'vitest';
import { ADMIN_PASSWORD, createAdmin } from '../helpers/console-admin.ts';
import type { TestServer } from '../helpers/harness.ts';
import { exerciseConsoleAppsKeys } from './openapi-console-apps-keys-calls.ts';
import { exerciseConsoleFraudWebhooks } from './openapi-console-fraud-webhooks-calls.ts';
import { exerciseConsoleInbox } from './openapi-console-inbox-calls.ts';
import { exerciseConsoleSettings } from './openapi-console-settings-calls.ts';
import type { CallOperation, Exchange } from './openapi-context.ts';

/**
 * The admin console's API as its page uses it (sign-in, session cookie, CSRF token, TOTP,
 * audit, analytics), and `GET /v1/audit` with the app's key.
 */
export async function exerciseConsole(
  server: TestServer,
  appId: string,
  call: CallOperation,
): Promise<void> {
  await createAdmin(server, 'documented@example.com');
  await createAdmin(server, 'locked-out@example.com');
  const json = { 'content-type': 'application/json' };
  const cookieOf = (exchange: Exchange) => ({
    cookie: (exchange.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '',
  });

  await call('consoleLogin', 400, { body: { email: 'documented@example.com' } });
  await call('consoleLogin', 400, { body: '{"email": ', headers: json });
  await call('consoleLogin', 415, { body: 'email=x', headers: { 'content-type': 'text/plain' } });
  await call('consoleLogin', 413, {
    body: { email: 'documented@example.com', password: 'x'.repeat(70_000) },
  });
  for (let i = 0; i < 5; i++) {
    await call('consoleLogin', 401, {
      body: { email: 'locked-out@example.com', password: `wrong password ${i}!` },
    });
  }
  await call('consoleLogin', 429, {
    body: { email: 'locked-out@example.com', password: ADMIN_PASSWORD },
  });
  const signed = await call('consoleLogin', 200, {
    body: { email: 'documented@example.com', password: ADMIN_PASSWORD },
  });
  const cookie = cookieOf(signed);
  const withToken = { ...cookie, 'x-csrf-token': signed.body.csrfToken as string };

  await call('getConsoleSession', 200, { headers: cookie });
  await call('getConsoleSession', 401);

  await server.deps.console.audit.record({
    actor: 'key:key_documented',
    action: 'settings.replaced',
    appId,
    details: { changed: ['/codeLength'] },
  });
  await call('listConsoleAudit', 200, { headers: cookie, query: '?limit=2' });
  await call('listConsoleAudit', 400, { headers: cookie, query: '?cursor=0' });
  await call('listConsoleAudit', 401);

  const t = server.deps.clock.now();
  await server.deps.messageLog.recordAttempt({
    id: 'msg_documented',
    appId,
    verificationId: 'ver_documented',
    channel: 'sms',
    to: '+905551239999',
    country: 'TR',
    provider: 'sandbox',
    providerMessageId: null,
    status: 'sent',
    latencyMs: 5,
    errorCode: null,
    txCode: null,
    deviceId: null,
    messageId: null,
    createdAt: t,
  });
  await call('listConsoleMessages', 200, { headers: cookie, query: '?limit=1&channel=sms' });
  await call('listConsoleMessages', 400, { headers: cookie, query: '?status=lost' });
  await call('listConsoleMessages', 401);
  await call('getConsoleMessage', 200, { headers: cookie, params: { id: 'msg_documented' } });
  await call('getConsoleMessage', 404, { headers: cookie, params: { id: 'msg_missing' } });
  await call('getConsoleMessage', 400, { headers: cookie, params: { id: 'x'.repeat(65) } });
  await call('getConsoleMessage', 401, { params: { id: 'msg_documented' } });
  await call('exportConsoleMessages', 200, { headers: cookie, query: '?format=csv' });
  await call('exportConsoleMessages', 400, { headers: cookie, query: '?format=xml' });
  await call('exportConsoleMessages', 401);
  await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [appId] });
  const agent = cookieOf(
    await call('consoleLogin', 200, {
      body: { email: 'agent@example.com', password: ADMIN_PASSWORD },
    }),
  );
  await call('listConsoleMessages', 403, { headers: agent });
  await call('getConsoleMessage', 403, { headers: agent, params: { id: 'msg_documented' } });
  await call('exportConsoleMessages', 403, { headers: agent });
  const page = await call('listAudit', 200);
  expect(new Set(page.body.data.map((e: { appId: string }) => e.appId))).toEqual(new Set([appId]));
  await call('listAudit', 400, { query: '?limit=0' });
  await call('listAudit', 401, { auth: 'none' });

  await call('getConsoleAnalytics', 200, { headers: cookie, query: `?appId=${appId}` });
  await call('getConsoleAnalytics', 200, { headers: cookie, query: '?groupBy=app&interval=day' });
  await call('getConsoleAnalytics', 400, { headers: cookie, query: '?interval=week' });
  await call('getConsoleAnalytics', 404, { headers: cookie, query: '?appId=app_elsewhere' });
  await call('getConsoleAnalytics', 401);
  await call('getConsoleAnalytics', 403, { headers: agent });
  await exerciseConsoleFraudWebhooks(server, appId, call);

  await exerciseConsoleAppsKeys(server, appId, call);
  await exerciseConsoleInbox(server, call);
  await exerciseConsoleSettings(appId, call, { owner: withToken, agent });

  await call('confirmConsoleTotp', 409, { headers: withToken, body: { code: '123456' } });
  await call('enrolConsoleTotp', 403, { headers: cookie });
  await call('enrolConsoleTotp', 401);
  await call('enrolConsoleTotp', 200, { headers: withToken });
  await call('confirmConsoleTotp', 400, { headers: withToken, body: { code: 7 } });
  const refused = await call('confirmConsoleTotp', 200, {
    headers: withToken,
    body: { code: 'abcdef' },
  });
  expect(refused.body).toEqual({ enabled: false });

  await call('consoleLogout', 403, { headers: cookie });
  await call('consoleLogout', 204, { headers: withToken });
  await call('consoleLogout', 401, { headers: withToken });
}
