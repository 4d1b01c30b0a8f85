import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';
import { twilioSdk } from '../../../../test/helpers/twilio-sdk.ts';
import type { AppDialectIds } from '../../domain/dialect-ids.ts';
import { nativeVerificationId } from '../sids.ts';

/* What the twilio-dialect-docs-*.test.ts files share: the documented app and its Twilio client. */

/** What the tests of a documentation file act on. */
export interface DocsShop {
  /** The app's own client, on otpd's native API. */
  native: Client;
  /** The app's Verify service, through the official `twilio` client. */
  service: ReturnType<ReturnType<typeof twilioSdk>['verify']['v2']['services']>;
}

/**
 * A server with the app "Docs Shop", started before the calling describe's tests (handed to
 * `bind`) and closed after; returns the steps the tests share.
 */
export function useDocsShop(bind: (shop: DocsShop) => void) {
  let server: TestServer;
  let native: Client;
  let numbers = 0;
  const nextNumber = () => `+90555150${String(1000 + numbers++)}`;

  /** A second app with its own settings, reached through its own Twilio identities. */
  async function appWith(name: string, settings: Record<string, unknown>) {
    const shop = await server.createApp(name);
    const saved = await shop.client.request('PUT', '/v1/settings', settings);
    expect(saved.status, saved.text).toBe(200);
    const shopIds = (await server.deps.store.getApp(shop.appId))?.dialects as AppDialectIds;
    const sdk = twilioSdk(`${server.url}/twilio`, shopIds.twilioAccountSid, shop.apiKey);
    return { client: shop.client, service: sdk.verify.v2.services(shopIds.twilioServiceSid) };
  }

  beforeAll(async () => {
    server = await startServer();
    const created = await server.createApp('Docs Shop');
    native = created.client;
    const app = await server.deps.store.getApp(created.appId);
    if (!app?.dialects) throw new Error('the app has no dialect identities');
    const ids = app.dialects;
    const service = twilioSdk(
      `${server.url}/twilio`,
      ids.twilioAccountSid,
      created.apiKey,
    ).verify.v2.services(ids.twilioServiceSid);
    bind({ native, service });
  });
  afterAll(() => server.close());

  const codeOf = (sid: string) => server.readCode(native, nativeVerificationId(sid) as string);
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  /** The newest sandbox text sent to `to`. */
  async function textTo(client: Client, to: string): Promise<string> {
    for (let i = 0; i < 250; i++) {
      const messages = await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
      if (messages.body.data[0]) return messages.body.data[0].body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`nothing was sent to ${to}`);
  }
  return {
    appWith,
    codeOf,
    wrongFor,
    textTo,
    nextNumber,
  };
}
