import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DESKTOP, launchBrowser, type TestBrowser } from '../../../test/helpers/browser.ts';
import { ADMIN_PASSWORD, createAdmin } from '../../../test/helpers/console-admin.ts';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import type { FraudDecision } from '../../abuse/domain/fraud.ts';
import { WEBHOOK_ATTEMPTS } from '../../webhooks/event-announcer.ts';
import { blockDecision } from './block-decision.ts';

/* What the Fraud and Webhooks browser test files share: a console with blocked ranges and
   webhook deliveries, one of them given up, and a browser signed in to it. */

const HOUR_MS = 3_600_000;
/** Longer than the longest wait between two scheduled tries of a delivery. */
const ROUND_MS = 13 * HOUR_MS;

export interface OpenOptions {
  viewport?: typeof DESKTOP;
  email?: string;
  locale?: string;
}

/** What the tests act on, filled in before the calling describe's tests. */
export interface FraudWebhooksConsole {
  server: TestServer;
  /** The webhook receiver: it answered 500 to every try of the first event, 200 since. */
  receiver: FakeGateway;
  /** The app whose ranges are blocked. */
  shop: { appId: string; client: Client };
  /** The app whose events go to the receiver. */
  hooks: { appId: string; client: Client };
  /** The delivery given up after every scheduled try. */
  failedId: string;
  /** A page signed in (admin@example.com unless told), on `hash`, once `heading` shows. */
  open(hash: string, heading: string, options?: OpenOptions): Promise<Page>;
}

export const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent ?? '');

export const fits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Starts the server, the receiver and a browser before the calling describe's tests and
 * closes them after; the admins admin@, viewer@ and agent@example.com see both apps.
 */
export function useFraudWebhooksConsole(): FraudWebhooksConsole {
  // Started in the past so that once every scheduled try is spent the clock reads about now:
  // the session cookie's expiry is real time to the browser.
  const clock = createFakeClock(Date.now() - WEBHOOK_ATTEMPTS * ROUND_MS);
  let chrome: TestBrowser;
  const world = {} as FraudWebhooksConsole;

  const decision = (overrides: Partial<FraudDecision>) =>
    blockDecision(world.shop.appId, clock.now(), overrides);
  const drain = async () => {
    for (let i = 0; i < 10 && (await world.server.deps.webhooks.runOnce()) > 0; i++);
  };

  beforeAll(async () => {
    world.receiver = await startFakeGateway(answer(500));
    [world.server, chrome] = await Promise.all([
      startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }, dispatcher: false }),
      launchBrowser(),
    ]);
    const { server, receiver } = world;
    world.shop = await server.createApp('Shop');
    world.hooks = await server.createApp('Hooks');
    const put = await world.hooks.client.request('PUT', '/v1/settings', {
      webhooks: [
        {
          url: `${receiver.url}/otp-events`,
          events: ['verification.created', 'verification.approved'],
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        },
      ],
    });
    expect(put.status, put.text).toBe(200);
    // The receiver answers 500 to every scheduled try of the first event …
    await world.hooks.client.post('/v1/verifications', { to: '+905551230001' });
    for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
      await drain();
      clock.advance(ROUND_MS);
    }
    world.failedId = (await world.hooks.client.get('/v1/webhook-deliveries')).body.data[0].id;
    // … and then takes events again.
    receiver.behave(succeed);
    await world.hooks.client.post('/v1/verifications', { to: '+905551230002' });
    await drain();
    // From here on a delivery sent again goes out at once.
    server.deps.webhooks.start();

    const store = server.deps.store;
    await store.recordFraudDecision(decision({ id: 'frd_tr' }));
    await store.recordFraudDecision(
      decision({ id: 'frd_gb', prefix: '+4477009', country: 'GB', channel: 'whatsapp' }),
    );
    await store.recordFraudDecision(
      decision({
        id: 'frd_old',
        prefix: '+88216',
        country: 'ZZ',
        createdAt: clock.now() - 13 * HOUR_MS,
        expiresAt: clock.now() - HOUR_MS,
      }),
    );
    const appIds = [world.shop.appId, world.hooks.appId];
    await createAdmin(server, 'admin@example.com', { role: 'admin', appIds });
    await createAdmin(server, 'viewer@example.com', { role: 'viewer', appIds });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds });
  });
  afterAll(async () => {
    await chrome?.close();
    await world.server?.close();
    await world.receiver?.close();
  });

  world.open = async (hash, heading, options = {}) => {
    const context = await chrome.browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/console#${hash}`);
    const english = (options.locale ?? 'en-US').startsWith('en');
    await page.getByLabel(english ? 'Email' : 'E-posta').fill(options.email ?? 'admin@example.com');
    await page.getByLabel(english ? 'Password' : 'Parola').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: english ? 'Sign in' : 'Giriş yap' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return page;
  };
  return world;
}
