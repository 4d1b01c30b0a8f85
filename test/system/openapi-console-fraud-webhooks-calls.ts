import { newWebhookDelivery } from '../../src/webhooks/event-announcer.ts';
import { ADMIN_PASSWORD, createAdmin } from '../helpers/console-admin.ts';
import type { TestServer } from '../helpers/harness.ts';
import type { CallOperation } from './openapi-context.ts';

/** The console's Fraud and Webhooks sections, as their pages call them. */
export async function exerciseConsoleFraudWebhooks(
  server: TestServer,
  appId: string,
  call: CallOperation,
): Promise<void> {
  const now = server.deps.clock.now();
  await server.deps.store.recordFraudDecision({
    id: 'frd_documented',
    appId,
    prefix: '+90555199',
    country: 'TR',
    channel: 'sms',
    action: 'block',
    reasons: {
      sends: 30,
      approvals: 0,
      conversion: 0,
      minSends: 30,
      minConversion: 0.1,
      windowSeconds: 3600,
      country: { code: 'TR', sends: 30, approvals: 0, conversion: 0 },
    },
    createdAt: now,
    expiresAt: now + 3_600_000,
    liftedAt: null,
  });
  // A delivery that gave up, to a URL the app no longer lists: a retry fails it again.
  await server.deps.store.enqueueWebhookDeliveries([
    {
      ...newWebhookDelivery(
        {
          id: 'whd_documented',
          appId,
          eventId: 'evt_documented',
          eventType: 'verification.created',
          url: 'https://hooks.example/documented',
          payload: JSON.stringify({ type: 'verification.created', data: { to: '+905551990000' } }),
        },
        now,
      ),
      status: 'failed',
      attempts: 1,
      attemptLimit: 1,
      lastError: 'http_500',
      lastStatusCode: 500,
      attemptLog: [{ attempt: 1, at: now, statusCode: 500, error: 'http_500', outcome: 'failed' }],
    },
  ]);

  const session = async (email: string, role: string) => {
    await createAdmin(server, email, { role, appIds: [appId] });
    const signed = await call('consoleLogin', 200, { body: { email, password: ADMIN_PASSWORD } });
    const cookie = (signed.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    return { cookie, 'x-csrf-token': signed.body.csrfToken as string };
  };
  const admin = await session('fraud-admin@example.com', 'admin');
  const viewer = await session('fraud-viewer@example.com', 'viewer');
  const agent = await session('fraud-agent@example.com', 'agent');
  const block = { params: { id: 'frd_documented' } };
  const delivery = { params: { id: 'whd_documented' } };

  await call('listConsoleFraudBlocks', 200, { headers: viewer, query: `?appId=${appId}` });
  await call('listConsoleFraudBlocks', 400, { headers: viewer, query: '?all=maybe' });
  await call('listConsoleFraudBlocks', 401);
  await call('listConsoleFraudBlocks', 403, { headers: agent });
  await call('listConsoleFraudBlocks', 404, { headers: viewer, query: '?appId=app_elsewhere' });
  await call('liftConsoleFraudBlock', 403, { headers: viewer, ...block });
  await call('liftConsoleFraudBlock', 403, { headers: { cookie: admin.cookie }, ...block });
  await call('liftConsoleFraudBlock', 401, block);
  await call('liftConsoleFraudBlock', 400, { headers: admin, params: { id: 'x'.repeat(65) } });
  await call('liftConsoleFraudBlock', 404, { headers: admin, params: { id: 'frd_missing' } });
  await call('liftConsoleFraudBlock', 200, { headers: admin, ...block });

  await call('listConsoleWebhookDeliveries', 200, {
    headers: viewer,
    query: '?status=failed&eventType=verification.created',
  });
  await call('listConsoleWebhookDeliveries', 400, { headers: viewer, query: '?status=lost' });
  await call('listConsoleWebhookDeliveries', 401);
  await call('listConsoleWebhookDeliveries', 403, { headers: agent });
  await call('listConsoleWebhookDeliveries', 404, {
    headers: viewer,
    query: '?appId=app_elsewhere',
  });
  await call('getConsoleWebhookDelivery', 200, { headers: viewer, ...delivery });
  await call('getConsoleWebhookDelivery', 400, { headers: viewer, params: { id: 'x'.repeat(65) } });
  await call('getConsoleWebhookDelivery', 401, delivery);
  await call('getConsoleWebhookDelivery', 403, { headers: agent, ...delivery });
  await call('getConsoleWebhookDelivery', 404, { headers: viewer, params: { id: 'whd_missing' } });
  await call('retryConsoleWebhookDelivery', 403, { headers: viewer, ...delivery });
  await call('retryConsoleWebhookDelivery', 401, delivery);
  await call('retryConsoleWebhookDelivery', 404, { headers: admin, params: { id: 'whd_missing' } });
  await call('retryConsoleWebhookDelivery', 202, { headers: admin, ...delivery });
}
