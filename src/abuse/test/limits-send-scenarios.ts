import { describe, expect, it } from 'vitest';
import {
  DAY,
  expectRefused,
  HOUR,
  type LimitsBackend,
  tr,
  US,
  withServer,
} from './limits-harness.ts';

/** The limits on sending: per client IP, per destination, per app and channel or country. */
export function describeSendLimits(backend: LimitsBackend) {
  describe(`send limits on ${backend.name}`, () => {
    it('createPerClientIp: counts creates and resends per end-user IP, not calls without one', () =>
      withServer(backend, async (t) => {
        await t.settle({ createPerClientIp: { max: 3, windowSeconds: HOUR } });
        const first = await t.create(tr(1), '203.0.113.7');
        expect(first.status).toBe(201);
        expect((await t.create(tr(2), '203.0.113.7')).status).toBe(201);
        t.clock.advance(30_000);
        const resent = await t.client.post(`/v1/verifications/${first.body.id}/resend`, {
          clientIp: '203.0.113.7',
        });
        expect(resent.status, resent.text).toBe(200);
        // The fourth code requested from this IP within the hour: refused.
        expectRefused(await t.create(tr(3), '203.0.113.7'), 'createPerClientIp', HOUR);
        t.clock.advance(30_000);
        expectRefused(
          await t.client.post(`/v1/verifications/${first.body.id}/resend`, {
            clientIp: '203.0.113.7',
          }),
          'createPerClientIp',
          HOUR - 30,
        );
        // Another IP, and a call naming none (counted under its own address), are not held back.
        expect((await t.create(tr(3), '203.0.113.8')).status).toBe(201);
        expect((await t.create(tr(4))).status).toBe(201);
        // An IPv6 end user is counted by its /64.
        await t.settle({ createPerClientIp: { max: 1, windowSeconds: HOUR } });
        expect((await t.create(tr(5), '2001:db8:1:2::1')).status).toBe(201);
        expectRefused(await t.create(tr(6), '2001:db8:1:2:ffff::9'), 'createPerClientIp');
        // After the window, the first IP is allowed again.
        await t.settle({ createPerClientIp: { max: 3, windowSeconds: HOUR } });
        t.clock.advance(HOUR * 1000);
        expect((await t.create(tr(7), '203.0.113.7')).status).toBe(201);
      }));

    it('the chat-platform rule: createPerClientIp at 2 per hour refuses the third request', () =>
      withServer(backend, async (t) => {
        await t.settle({ createPerClientIp: { max: 2, windowSeconds: HOUR } });
        const ip = '198.51.100.23';
        expect((await t.create(tr(11), ip)).status).toBe(201);
        t.clock.advance(20 * 60_000);
        expect((await t.create(tr(12), ip)).status).toBe(201);
        t.clock.advance(20 * 60_000);
        expectRefused(await t.create(tr(13), ip), 'createPerClientIp', 20 * 60);
        t.clock.advance(20 * 60_000 - 1_000);
        expectRefused(await t.create(tr(13), ip), 'createPerClientIp', 1);
        t.clock.advance(1_000); // an hour after the first request
        expect((await t.create(tr(13), ip)).status).toBe(201);
        expectRefused(await t.create(tr(14), ip), 'createPerClientIp');
      }));

    it('sendsPerDestination: 5 per 10 minutes and 20 per day, creates and resends alike', () =>
      withServer(backend, async (t) => {
        // One caller, no clientIp: its own address must not run into createPerClientIp first.
        await t.settle({ createPerClientIp: { max: 0, windowSeconds: HOUR } });
        const to = tr(21);
        const v1 = await t.create(to);
        for (let i = 0; i < 2; i++) {
          t.clock.advance(30_000);
          const r = await t.client.post(`/v1/verifications/${v1.body.id}/resend`);
          expect(r.status, r.text).toBe(200);
        }
        const v2 = await t.create(to);
        expect(v2.status).toBe(201);
        t.clock.advance(30_000);
        expect((await t.client.post(`/v1/verifications/${v2.body.id}/resend`)).status).toBe(200);
        // Five sends within 90 s; the first leaves the 10-minute window 510 s from now.
        expectRefused(await t.create(to), 'sendsPerDestination', 510);
        t.clock.advance(30_000);
        expectRefused(
          await t.client.post(`/v1/verifications/${v2.body.id}/resend`),
          'sendsPerDestination',
          480,
        );
        // Another destination is not affected.
        expect((await t.create(tr(22))).status).toBe(201);
        // Three more rounds of five, each after the 10-minute window: 20 in the day.
        for (let round = 0; round < 3; round++) {
          t.clock.advance(601_000);
          for (let i = 0; i < 5; i++) expect((await t.create(to)).status).toBe(201);
          expectRefused(await t.create(to), 'sendsPerDestination');
        }
        t.clock.advance(601_000);
        const wait = expectRefused(await t.create(to), 'sendsPerDestination');
        expect(wait).toBeGreaterThan(DAY - 2 * HOUR);
        t.clock.advance(wait * 1000);
        expect((await t.create(to)).status).toBe(201);
      }));

    it('sendsPerDestination holds exactly under 100 concurrent creates', () =>
      withServer(backend, async (t) => {
        await t.settle({ sendsPerDestination: { max: 5, windowSeconds: 600 } });
        const answers = await Promise.all(
          Array.from({ length: 100 }, (_, i) => t.create(tr(31), `192.0.2.${i + 1}`)),
        );
        const statuses = answers.map((a) => a.status);
        // Admitted: created, or (Redis only, on a loaded machine) counted by this limit and
        // then failed closed with 503 when a later limiter call timed out.
        const admitted = statuses.filter((s) => s === 201 || s === 503);
        expect(admitted, statuses.join(',')).toHaveLength(5);
        expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
        expect(statuses.filter((s) => s === 429)).toHaveLength(95);
        for (const refused of answers.filter((a) => a.status === 429)) {
          expect(refused.body.limit).toBe('sendsPerDestination');
        }
      }));

    it('a request refused per IP counts against no destination; one refused by a budget counts nothing', () =>
      withServer(backend, async (t) => {
        await t.settle({
          createPerClientIp: { max: 1, windowSeconds: HOUR },
          sendsPerDestination: { max: 2, windowSeconds: HOUR },
          sendsPerAppPerChannel: { max: 4, windowSeconds: DAY },
        });
        const to = tr(41);
        expect((await t.create(to, '203.0.113.1')).status).toBe(201);
        for (let i = 0; i < 5; i++) {
          expectRefused(await t.create(to, '203.0.113.1'), 'createPerClientIp');
        }
        expect((await t.create(to, '203.0.113.2')).status).toBe(201);
        expectRefused(await t.create(to, '203.0.113.3'), 'sendsPerDestination');
        // The destination's refusals spent none of the app's sms budget (2 used of 4) …
        expect((await t.create(tr(42), '203.0.113.4')).status).toBe(201);
        expect((await t.create(tr(43), '203.0.113.5')).status).toBe(201);
        // … and a budget refusal spends no one's per-IP count.
        expectRefused(await t.create(tr(44), '203.0.113.9'), 'sendsPerAppPerChannel');
        expect((await t.create('p@example.com', '203.0.113.9', 'email')).status).toBe(201);
        expectRefused(await t.create('q@example.com', '203.0.113.9', 'email'), 'createPerClientIp');
      }));

    it('sendsPerAppPerChannel is a budget per channel', () =>
      withServer(backend, async (t) => {
        await t.settle({ sendsPerAppPerChannel: { max: 3, windowSeconds: DAY } });
        for (let i = 1; i <= 3; i++) expect((await t.create(tr(70 + i))).status).toBe(201);
        expectRefused(await t.create(US), 'sendsPerAppPerChannel', DAY);
        expect((await t.create('someone@example.com', undefined, 'email')).status).toBe(201);
        t.clock.advance(DAY * 1000);
        expect((await t.create(US)).status).toBe(201);
      }));

    it('sendsPerAppPerCountry is a budget per country of the number', () =>
      withServer(backend, async (t) => {
        await t.settle({ sendsPerAppPerCountry: { max: 2, windowSeconds: DAY } });
        expect((await t.create(tr(81))).status).toBe(201);
        expect((await t.create(tr(82))).status).toBe(201);
        expectRefused(await t.create(tr(83)), 'sendsPerAppPerCountry', DAY);
        expect((await t.create(US)).status).toBe(201);
        expect((await t.create('+447911123456')).status).toBe(201);
        t.clock.advance(DAY * 1000);
        expect((await t.create(tr(83))).status).toBe(201);
      }));

    it('"max": 0 means no limit where documented, and is refused elsewhere', () =>
      withServer(backend, async (t) => {
        await t.settle({
          createPerClientIp: { max: 0, windowSeconds: HOUR },
          sendsPerAppPerChannel: [{ max: 0, windowSeconds: DAY }],
          sendsPerAppPerCountry: { max: 0, windowSeconds: DAY },
        });
        for (let i = 1; i <= 12; i++) {
          expect((await t.create(tr(100 + i), '203.0.113.200')).status).toBe(201);
        }
        for (const name of [
          'sendsPerDestination',
          'failedChecksPerDestinationAndIp',
          'failedChecksPerDestination',
        ]) {
          const put = await t.client.request('PUT', '/v1/settings', {
            limits: { [name]: { max: 0, windowSeconds: HOUR } },
          });
          expect(put.status, name).toBe(400);
          expect(put.body.errors[0].field).toMatch(new RegExp(`^body\\.limits\\.${name}`));
        }
      }));
  });
}
