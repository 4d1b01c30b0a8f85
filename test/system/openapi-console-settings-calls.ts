import { expect } from 'vitest';
import type { CallOperation } from './openapi-context.ts';

/**
 * The console's settings operations as the Settings page calls them: the form's schema, an
 * app's settings read, replaced and tried with a test message.
 * `owner` carries an owner's session cookie and CSRF token, `agent` an agent's cookie.
 */
export async function exerciseConsoleSettings(
  appId: string,
  call: CallOperation,
  sessions: { owner: Record<string, string>; agent: Record<string, string> },
): Promise<void> {
  const { owner, agent } = sessions;
  const cookieOnly = { cookie: owner.cookie ?? '' };
  const params = { appId };

  await call('getConsoleSettingsSchema', 200, { headers: cookieOnly });
  await call('getConsoleSettingsSchema', 401);
  await call('getConsoleSettingsSchema', 403, { headers: agent });

  const shown = await call('getConsoleSettings', 200, { headers: cookieOnly, params });
  await call('getConsoleSettings', 400, {
    headers: cookieOnly,
    params: { appId: 'x'.repeat(65) },
  });
  await call('getConsoleSettings', 401, { params });
  await call('getConsoleSettings', 403, { headers: agent, params });
  await call('getConsoleSettings', 404, {
    headers: cookieOnly,
    params: { appId: 'app_elsewhere' },
  });

  const document = { ...shown.body, defaultLocale: 'tr' };
  await call('replaceConsoleSettings', 200, { headers: owner, params, body: document });
  const refused = await call('replaceConsoleSettings', 400, {
    headers: owner,
    params,
    body: { verification: { codeLength: 99 } },
  });
  expect(refused.body.errors[0]).toMatchObject({ pointer: '/verification/codeLength' });
  await call('replaceConsoleSettings', 401, { params, body: document });
  await call('replaceConsoleSettings', 403, { headers: cookieOnly, params, body: document });
  await call('replaceConsoleSettings', 404, {
    headers: owner,
    params: { appId: 'app_elsewhere' },
    body: document,
  });
  await call('replaceConsoleSettings', 415, {
    headers: { ...owner, 'content-type': 'text/plain' },
    params,
    body: 'defaultLocale=tr',
  });

  const sample = { channel: 'sms', to: '+905551239876' };
  const tried = await call('consoleTestSend', 200, { headers: owner, params, body: sample });
  expect(tried.body.attempts).toMatchObject([{ provider: 'console', ok: true }]);
  await call('consoleTestSend', 400, { headers: owner, params, body: { channel: 'fax' } });
  await call('consoleTestSend', 401, { params, body: sample });
  await call('consoleTestSend', 403, { headers: cookieOnly, params, body: sample });
  await call('consoleTestSend', 404, {
    headers: owner,
    params: { appId: 'app_elsewhere' },
    body: sample,
  });
}
