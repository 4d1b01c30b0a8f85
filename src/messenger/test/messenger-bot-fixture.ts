import { afterAll, beforeAll, expect } from 'vitest';
import {
  type FakeGateway,
  type GatewayBehaviour,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/** The secret the messenger signs its bot's events with, in the suites that check them. */
export const BOT_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/**
 * A server for the suite around it whose app `Shop` runs the messenger with its bot at a
 * loopback receiver that behaves as `behaviour`. The bot listens on loopback, which the
 * outbound guard lets through only when allowed, and every visitor here comes from loopback,
 * so the per-address limit is lifted. The fields are there once the suite has started.
 */
export function useMessengerBot(behaviour: GatewayBehaviour) {
  const suite = {} as { server: TestServer; client: Client; appId: string; bot: FakeGateway };
  beforeAll(async () => {
    suite.bot = await startFakeGateway(behaviour);
    suite.server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    const { client, appId } = await suite.server.createApp('Shop');
    Object.assign(suite, { client, appId });
    const put = await client.request('PUT', '/v1/settings', {
      messenger: {
        enabled: true,
        bot: { url: `${suite.bot.url}/hook`, secret: BOT_SECRET },
        limits: { requestsPerIp: { max: 1_000 } },
      },
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.bot?.close();
  });
  return suite;
}
