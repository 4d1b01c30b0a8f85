import { describe, expect, it } from 'vitest';
import {
  DAY,
  expectRefused,
  HOUR,
  harnessFor,
  type LimitsBackend,
  tr,
  withServer,
} from './limits-harness.ts';

/** The limits on checking: failed checks per destination and IP, and each app's own limits. */
export function describeCheckLimits(backend: LimitsBackend) {
  describe(`check limits on ${backend.name}`, () => {
    it('failedChecksPerDestinationAndIp locks out the guessing IP, not the person elsewhere', () =>
      withServer(backend, async (t) => {
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
      withServer(backend, async (t) => {
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
      withServer(backend, async (t) => {
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

    it("another app's limits are independent (I5)", () =>
      withServer(backend, async (t) => {
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
