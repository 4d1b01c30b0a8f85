import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, expect } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  type GatewayRequest,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';

/* What the webhooks-*.test.ts files share: a receiver, and otpd with an app subscribed to it. */

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The event a received webhook carries, after checking its signature as a receiver would. */
export function verified(request: GatewayRequest, secret = SECRET): { type: string; data: any } {
  const headers = {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(request.body, headers) as { type: string; data: any };
}

/** What one test runs against; `server`, `clock`, `client` and `appId` once `start` has run. */
export interface WebhookRig {
  receiver: FakeGateway;
  server: TestServer;
  clock: FakeClock;
  client: Client;
  appId: string;
}

/**
 * Each test's receiver and server, in `rig`: the receiver opens before each test of the
 * calling suite, `start` starts the server, and both close after the test.
 */
export function webhookTestbed() {
  const rig = {} as WebhookRig;
  /** The server this test started, if it started one. */
  let started: TestServer | undefined;
  beforeEach(async () => {
    rig.receiver = await startFakeGateway(answer(204));
  });
  afterEach(async () => {
    await started?.close();
    started = undefined;
    await rig.receiver.close();
  });
  return {
    rig,
    /** Starts otpd on a fake clock that follows real time closely enough for signatures. */
    async start(env: Record<string, string> = { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }) {
      rig.clock = createFakeClock(Date.now());
      rig.server = await startServer({ clock: rig.clock, env, dispatcher: false });
      started = rig.server;
      ({ client: rig.client, appId: rig.appId } = await rig.server.createApp());
    },
    async subscribe(events: readonly string[] = WEBHOOK_EVENTS, extra: object = {}) {
      const put = await rig.client.request('PUT', '/v1/settings', {
        webhooks: [{ url: `${rig.receiver.url}/hooks`, events, secret: SECRET }],
        ...extra,
      });
      expect(put.status).toBe(200);
    },
    /** Runs the dispatcher and the webhook sender until neither has anything due now. */
    async drain() {
      for (let i = 0; i < 20; i++) {
        const jobs = await rig.server.deps.dispatcher.runOnce();
        const hooks = await rig.server.deps.webhooks.runOnce();
        if (jobs === 0 && hooks === 0) return;
      }
    },
    received: () => rig.receiver.requests.map((r) => verified(r)),
    receivedTypes: () => rig.receiver.requests.map((r) => verified(r).type),
  };
}
