import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { verify } from '../examples/verify.ts';
import {
  type CheckResult,
  createOtpdClient,
  isProblem,
  type OtpdClient,
  OtpdProblemError,
  type Verification,
} from '../src/index.ts';

/** The client against a real otpd: the verification flow and its errors. */
describe('the otpd client', () => {
  let server: TestServer;
  let otpd: OtpdClient;
  let apiKey: string;

  beforeAll(async () => {
    // A clock that stands still makes the resend cooldown's Retry-After exact (I8).
    server = await startServer({ clock: createFakeClock() });
    ({ apiKey } = await server.createApp('Client Shop'));
    otpd = createOtpdClient({ baseUrl: server.url, apiKey });
  });
  afterAll(() => server.close());

  async function codeOf(id: string): Promise<string> {
    for (let poll = 0; poll < 250; poll++) {
      const { data } = await otpd.sandbox.messages({ limit: 100 });
      const body = data.find((m) => m.verificationId === id)?.body;
      const code = body && /\b(\d{4,10})\b/.exec(body)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no sandbox message for ${id}`);
  }

  it('starts a verification, reads the code from the sandbox and approves it', async () => {
    const started = await otpd.verifications.create({ to: '+14155550101', txCode: 'order-1' });
    expectTypeOf(started).toEqualTypeOf<Verification>();
    expect(started).toMatchObject({ to: '+14155550101', status: 'pending', attempts: 0 });

    const checked = await otpd.verifications.check(started.id, await codeOf(started.id));
    expectTypeOf(checked).toEqualTypeOf<CheckResult>();
    expect(checked).toMatchObject({ id: started.id, valid: true, status: 'approved' });

    const read = await otpd.verifications.get(started.id);
    expect(read.status).toBe('approved');
    expect(read.approvedAt).not.toBeNull();

    const attempts = await otpd.verifications.messages(started.id);
    expect(attempts.data.map((m) => m.verificationId)).toEqual([started.id]);
    const log = await otpd.messages.list({ txCode: 'order-1' });
    expect(log.data.map((m) => m.verificationId)).toEqual([started.id]);
    expect(log.nextCursor).toBeNull();
  });

  it('answers a wrong code as an outcome, not an error, and spends one attempt', async () => {
    const started = await otpd.verifications.create({ to: '+14155550102' });
    const code = await codeOf(started.id);
    const wrong = await otpd.verifications.check(
      started.id,
      code === '000000' ? '111111' : '000000',
    );
    expect(wrong).toMatchObject({ valid: false, reason: 'incorrect_code', status: 'pending' });
    expect(wrong.attemptsRemaining).toBe(started.maxAttempts - 1);

    const right = await otpd.verifications.checkDestination({ to: '+14155550102', code });
    expect(right).toMatchObject({ id: started.id, valid: true });
  });

  it('resends and cancels; a finished verification refuses with a typed problem', async () => {
    const started = await otpd.verifications.create({ to: '+14155550103' });
    await expect(otpd.verifications.resend(started.id)).rejects.toMatchObject({
      status: 429,
      code: 'resend_cooldown',
      retryAfter: 30_000,
    });
    const canceled = await otpd.verifications.cancel(started.id);
    expect(canceled.status).toBe('canceled');

    // Cancel is idempotent; a check of a finished verification is an outcome, not an error.
    expect((await otpd.verifications.cancel(started.id)).status).toBe('canceled');
    const late = await otpd.verifications.check(started.id, '123456');
    expect(late).toMatchObject({ valid: false, reason: 'canceled' });

    const approved = await otpd.verifications.create({ to: '+14155550106' });
    await otpd.verifications.check(approved.id, await codeOf(approved.id));
    const error = await otpd.verifications.cancel(approved.id).catch((e: unknown) => e);
    expect(isProblem(error, 'verification_not_pending')).toBe(true);
    if (!isProblem(error)) throw error;
    expect(error.status).toBe(409);
    expect(error.problem?.verificationStatus).toBe('approved');
  });

  it('throws OtpdProblemError with the field errors of a validation problem', async () => {
    const error = await otpd.verifications
      .create({ to: '+14155550104', codeLength: 99 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtpdProblemError);
    const problem = error as OtpdProblemError;
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation_failed',
      retryAfter: undefined,
    });
    expect(problem.detail).toContain('body.codeLength');
    expect(problem.errors.map((e) => e.field)).toEqual(['body.codeLength']);
    expect(problem.message).toBe(`validation_failed: ${problem.detail}`);
    expect(isProblem(problem, 'rate_limited')).toBe(false);
    expect(isProblem(problem, 'rate_limited', 'validation_failed')).toBe(true);
  });

  it('answers an unknown verification and a wrong key with their codes, sent once', async () => {
    let sent = 0;
    const counting = (key: string) =>
      createOtpdClient({
        baseUrl: server.url,
        apiKey: key,
        fetch: (request) => {
          sent++;
          return fetch(request);
        },
      });
    await expect(counting(apiKey).verifications.get('ver_nope')).rejects.toMatchObject({
      status: 404,
      code: 'verification_not_found',
    });
    await expect(counting('otpd_wrong').verifications.get('ver_nope')).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
    // 4xx other than 429 are never retried.
    expect(sent).toBe(2);
  });

  it('runs the example program: create, read the code from the sandbox, check', async () => {
    const lines: string[] = [];
    const result = await verify(otpd, '+14155550105', (line) => lines.push(line));
    expect(result).toMatchObject({ valid: true, status: 'approved' });
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/valid=false, 4 attempts left/);
  });
});
