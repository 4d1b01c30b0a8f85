import { afterAll, beforeAll, expect } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/* What the console-settings-*.test.ts files share: the secrets, and a console with two apps. */

export type Json = { [key: string]: any };

export const ACCOUNT = `AC${'5e'.repeat(16)}`;
export const TOKEN = 'console-settings-token-0001';
export const NEW_TOKEN = 'console-settings-token-0002';
export const WEBHOOK_SECRET = `whsec_${Buffer.from('console-settings-webhook-secret').toString('base64')}`;

export const twilio = (authToken: string) => ({
  type: 'twilio',
  name: 'tw',
  accountSid: ACCOUNT,
  authToken,
  from: '+15017122661',
});

/** The node of a property path, through `properties` only. */
export const nodeAt = (schema: Json, ...path: string[]): Json =>
  path.reduce((node, key) => node.properties[key], schema);

type App = Awaited<ReturnType<TestServer['createApp']>>;

/** What the tests of a settings console file act on. */
export interface SettingsConsole {
  server: TestServer;
  /** A gateway that answers every send with 503. */
  down: FakeGateway;
  shop: App;
  bank: App;
}

/**
 * A server with the apps Settings Shop and Settings Bank and a gateway that is down, started
 * before the calling describe's tests (handed to `bind`) and closed after; returns the console
 * steps the tests take.
 */
export function useSettingsConsole(bind: (started: SettingsConsole) => void) {
  let server: TestServer;
  let down: FakeGateway;

  async function signIn(email: string, role: string, appIds: string[] = []) {
    await createAdmin(server, email, { role, appIds });
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  }
  const settingsOf = (appId: string) => `/console/api/apps/${appId}/settings`;
  const put = (browser: ReturnType<typeof consoleClient>, appId: string, body: unknown) =>
    browser.call('PUT', settingsOf(appId), body, { 'x-csrf-token': browser.csrf });
  const auditOf = async (appId: string, action: string) =>
    (await server.deps.console.audit.list({ appIds: [appId], limit: 50 })).entries.filter(
      (e) => e.action === action,
    );

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    down = await startFakeGateway(() => ({ status: 503, body: 'gateway down' }));
    const shop = await server.createApp('Settings Shop');
    const bank = await server.createApp('Settings Bank');
    bind({ server, down, shop, bank });
  });
  afterAll(async () => {
    await server?.close();
    await down?.close();
  });
  return {
    signIn,
    settingsOf,
    put,
    auditOf,
  };
}
