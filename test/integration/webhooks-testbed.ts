import { Webhook } from 'standardwebhooks';
import { expect } from 'vitest';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  type GatewayRequest,
  startFakeGateway,
} from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';

/* What the webhooks-*.test.ts files share: a receiver, and otpd with an app subscribed to it. */

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const ALL_EVENTS = [
  'verification.created',
  'verification.approved',
  'verification.expired',
  'verification.canceled',
  'verification.max_attempts_reached',
  'verification.failed',
  'message.sent',
  'message.delivered',
  'message.failed',
];

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

/** One test's receiver and server: `openReceiver` before each test, `close` after it. */
export function webhookTestbed() {
  const rig = {} as WebhookRig;
  return {
    rig,
    async openReceiver() {
      rig.receiver = await startFakeGateway(answer(204));
    },
    /** Starts otpd on a fake clock that follows real time closely enough for signatures. */
    async start(env: Record<string, string> = { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }) {
      rig.clock = createFakeClock(Date.now());
      rig.server = await startServer({ clock: rig.clock, env, dispatcher: false });
      ({ client: rig.client, appId: rig.appId } = await rig.server.createApp());
    },
    async subscribe(events = ALL_EVENTS, extra: object = {}) {
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
    async close() {
      await rig.server.close();
      await rig.receiver.close();
    },
  };
}
