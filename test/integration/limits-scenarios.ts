import { describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { ApiResponse, Client } from '../helpers/http-client.ts';

/**
 * The abuse limits across verifications, driven over HTTP against a real server on a fake clock (I8).
 * The same scenarios run on the in-memory limiter and on Redis: `backend` gives each test the
 * environment of its server and cleans up after it.
 */
export interface LimitsBackend {
  name: string;
  /** Environment for one test's server, and what to do once the server is closed. */
  open(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const HOUR = 3_600;
const DAY = 86_400;
const tr = (n: number) => `+90555124${String(n).padStart(4, '0')}`;
const US = '+14155550100';

export interface LimitsHarness {
  server: TestServer;
  clock: FakeClock;
  client: Client;
  appId: string;
  create(to: string, clientIp?: string, channel?: string): Promise<ApiResponse>;
  settle(limits: Record<string, unknown>, extra?: Record<string, unknown>): Promise<void>;
  wrongCodeFor(id: string): Promise<{ right: string; wrong: string }>;
}

/** Asserts a limit's refusal: 429 problem+json naming it, with Retry-After in seconds. */
export function expectRefused(response: ApiResponse, limit: string, retryAfter?: number) {
  expect(response.status, response.text).toBe(429);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: 429, code: 'rate_limited', limit });
  const header = Number(response.headers.get('retry-after'));
  expect(header).toBeGreaterThanOrEqual(1);
  if (retryAfter !== undefined) expect(header).toBe(retryAfter);
  return header;
}

export function describeLimits(backend: LimitsBackend) {
  /** A fresh server (own clock, own app) for one test; `close` runs after it. */
  async function open(): Promise<LimitsHarness & { close(): Promise<void> }> {
    const { env, cleanup } = await backend.open();
    const clock = createFakeClock();
    const server = await startServer({ clock, env });
    const { client, appId } = await server.createApp();
    const harness = harnessFor(server, clock, client, appId);
    return {
      ...harness,
      async close() {
        await server.close();
        await cleanup();
      },
    };
  }

  async function withServer(run: (t: LimitsHarness) => Promise<void>) {
    const t = await open();
    try {
      await run(t);
    } finally {
      await t.close();
    }
  }

  describe(`limits on ${backend.name}`, () => {
    it('createPerClientIp: counts creates and resends per end-user IP, not calls without one', () =>
      withServer(async (t) => {
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
      withServer(async (t) => {
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
      withServer(async (t) => {
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
      withServer(async (t) => {
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
      withServer(async (t) => {
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

    it('failedChecksPerDestinationAndIp locks out the guessing IP, not the person elsewhere', () =>
      withServer(async (t) => {
        await t.settle({ failedChecksPerDestinationAndIp: { max: 3, windowSeconds: HOUR } });
        const to = tr(51);
        const v = await t.create(to);
        const { right, wrong } = await t.wrongCodeFor(v.body.id);
        const attacker = '203.0.113.66';
        for (let i = 0; i < 3; i++) {
          const r = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
            code: wrong,
            clientIp: attacker,
          });
          expect(r.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
        }
        // Refused before the code is compared: the right code and a wrong one answer alike.
        const withRight = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
          code: right,
          clientIp: attacker,
        });
        const withWrong = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
          code: wrong,
          clientIp: attacker,
        });
        expectRefused(withRight, 'failedChecksPerDestinationAndIp', HOUR);
        expectRefused(withWrong, 'failedChecksPerDestinationAndIp', HOUR);
        expect(withRight.text).toBe(withWrong.text);
        expectRefused(
          await t.client.post('/v1/verifications/check', { to, code: right, clientIp: attacker }),
          'failedChecksPerDestinationAndIp',
        );
        // Refused checks spent no attempt of the verification (I2 counts evaluated checks).
        expect((await t.client.get(`/v1/verifications/${v.body.id}`)).body.attempts).toBe(3);
        // The real person, from another IP, gets in.
        const person = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
          code: right,
          clientIp: '198.51.100.5',
        });
        expect(person.body).toMatchObject({ valid: true, status: 'approved' });
        // After the window the guessing IP is evaluated again.
        t.clock.advance(HOUR * 1000);
        const next = await t.create(to);
        const again = await t.wrongCodeFor(next.body.id);
        const r = await t.client.post(`/v1/verifications/${next.body.id}/check`, {
          code: again.wrong,
          clientIp: attacker,
        });
        expect(r.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
      }));

    it('failed-check limits hold exactly under 100 concurrent wrong checks', () =>
      withServer(async (t) => {
        await t.settle({ failedChecksPerDestination: { max: 3, windowSeconds: HOUR } });
        const v = await t.create(tr(55));
        const { wrong } = await t.wrongCodeFor(v.body.id);
        const answers = await Promise.all(
          Array.from({ length: 100 }, () =>
            t.client.post(`/v1/verifications/${v.body.id}/check`, { code: wrong }),
          ),
        );
        // Each answer is an evaluated outcome, one that evaluated nothing (the attempts were
        // already used up) or a 429; never more than 3 wrong codes are answered as such.
        expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
        for (const r of answers.filter((a) => a.status === 429)) {
          expect(r.body.limit).toBe('failedChecksPerDestination');
        }
        const incorrect = answers.filter((a) => a.body.reason === 'incorrect_code');
        expect(incorrect.length).toBeGreaterThanOrEqual(1);
        expect(incorrect.length).toBeLessThanOrEqual(3);
        const read = await t.client.get(`/v1/verifications/${v.body.id}`);
        expect(read.body.attempts).toBeLessThanOrEqual(5);
        expectRefused(
          await t.client.post(`/v1/verifications/${v.body.id}/check`, { code: wrong }),
          'failedChecksPerDestination',
        );
      }));

    it('failedChecksPerDestination refuses every check of the destination once spent', () =>
      withServer(async (t) => {
        await t.settle({ failedChecksPerDestination: { max: 4, windowSeconds: DAY } });
        const to = tr(61);
        const v = await t.create(to);
        const { right, wrong } = await t.wrongCodeFor(v.body.id);
        for (let i = 1; i <= 4; i++) {
          const r = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
            code: wrong,
            clientIp: `203.0.113.${i}`,
          });
          expect(r.body.reason).toBe('incorrect_code');
        }
        const refused = await t.client.post(`/v1/verifications/${v.body.id}/check`, {
          code: right,
          clientIp: '203.0.113.5',
        });
        expectRefused(refused, 'failedChecksPerDestination', DAY);
        expectRefused(
          await t.client.post('/v1/verifications/check', { to, code: right }),
          'failedChecksPerDestination',
          DAY,
        );
        // Another destination is not affected.
        const other = await t.create(tr(62));
        const otherCodes = await t.wrongCodeFor(other.body.id);
        const ok = await t.client.post(`/v1/verifications/${other.body.id}/check`, {
          code: otherCodes.right,
        });
        expect(ok.body.valid).toBe(true);
        t.clock.advance(DAY * 1000);
        const next = await t.create(to);
        const codes = await t.wrongCodeFor(next.body.id);
        const after = await t.client.post('/v1/verifications/check', { to, code: codes.right });
        expect(after.body).toMatchObject({ valid: true });
      }));

    it('sendsPerAppPerChannel is a budget per channel', () =>
      withServer(async (t) => {
        await t.settle({ sendsPerAppPerChannel: { max: 3, windowSeconds: DAY } });
        for (let i = 1; i <= 3; i++) expect((await t.create(tr(70 + i))).status).toBe(201);
        expectRefused(await t.create(US), 'sendsPerAppPerChannel', DAY);
        expect((await t.create('someone@example.com', undefined, 'email')).status).toBe(201);
        t.clock.advance(DAY * 1000);
        expect((await t.create(US)).status).toBe(201);
      }));

    it('sendsPerAppPerCountry is a budget per country of the number', () =>
      withServer(async (t) => {
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
      withServer(async (t) => {
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

    it("another app's limits are independent (I5)", () =>
      withServer(async (t) => {
        await t.settle({
          createPerClientIp: { max: 1, windowSeconds: HOUR },
          sendsPerDestination: { max: 1, windowSeconds: HOUR },
          failedChecksPerDestination: { max: 1, windowSeconds: HOUR },
        });
        const to = tr(91);
        const ip = '203.0.113.91';
        const v = await t.create(to, ip);
        const { wrong } = await t.wrongCodeFor(v.body.id);
        await t.client.post(`/v1/verifications/${v.body.id}/check`, { code: wrong });
        expectRefused(await t.create(tr(92), ip), 'createPerClientIp');
        expectRefused(await t.create(to), 'sendsPerDestination');
        expectRefused(
          await t.client.post('/v1/verifications/check', { to, code: wrong }),
          'failedChecksPerDestination',
        );

        const other = await t.server.createApp('Other app');
        const b = harnessFor(t.server, t.clock, other.client, other.appId);
        await b.settle({
          createPerClientIp: { max: 1, windowSeconds: HOUR },
          sendsPerDestination: { max: 1, windowSeconds: HOUR },
          failedChecksPerDestination: { max: 1, windowSeconds: HOUR },
        });
        const bv = await b.create(to, ip);
        expect(bv.status).toBe(201);
        const codes = await b.wrongCodeFor(bv.body.id);
        const checked = await b.client.post('/v1/verifications/check', { to, code: codes.right });
        expect(checked.body).toMatchObject({ valid: true });
      }));
  });
}

function harnessFor(server: TestServer, clock: FakeClock, client: Client, appId: string) {
  return {
    server,
    clock,
    client,
    appId,
    create(to: string, clientIp?: string, channel?: string) {
      return client.post('/v1/verifications', {
        to,
        ...(channel ? { channel } : {}),
        ...(clientIp ? { clientIp } : {}),
      });
    },
    async settle(limits: Record<string, unknown>, extra: Record<string, unknown> = {}) {
      const put = await client.request('PUT', '/v1/settings', { ...extra, limits });
      expect(put.status, put.text).toBe(200);
    },
    async wrongCodeFor(id: string) {
      const right = await server.readCode(client, id);
      return { right, wrong: right === '000000' ? '000001' : '000000' };
    },
  };
}
